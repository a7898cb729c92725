namespace Analysis;

/// <summary>Infers when an article was published from the dates in its captions, embedded posts and datelines.</summary>
public static class PublishedDateInference
{
    /// <summary>
    /// A dateline's date when the text has one (the latest, for "Published … Updated …"); otherwise the latest full
    /// date among captions and posts (a photo or post shown in a story predates it, so the latest one is the closest
    /// bound). The basis names where it was read, e.g. "caption: January 9, 2024 (3 of 6 dates)". Null when there is
    /// no evidence.
    /// </summary>
    public static (DateOnly Date, string Basis)? Infer(IReadOnlyList<DateEvidence> evidence)
    {
        if (evidence.Count == 0) return null;
        var datelines = evidence.Where(e => e.Kind == "dateline").ToList();
        var latest = (datelines.Count > 0 ? datelines : evidence).MaxBy(e => e.Date)!;
        int agreeing = evidence.Count(e => e.Date == latest.Date);
        return (latest.Date, $"{latest.Kind}: {latest.Surface} ({agreeing} of {evidence.Count} dates)");
    }
}
