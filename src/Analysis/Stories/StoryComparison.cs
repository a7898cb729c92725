namespace Analysis;

/// <summary>
/// What the outlets covering one story report, compared within that story only: figure verdicts, quotations more
/// than one article carries, who each outlet quotes, and events the outlets date differently.
/// <code>var analysis = corpus.Analyze(); foreach (var c in analysis.StoryComparisons) c.Measures.ToDataFrame()</code>
/// </summary>
/// <param name="Story">The story compared.</param>
/// <param name="Measures">One verdict per measure reported in the story.</param>
/// <param name="Figures">The reconciled figures of the story.</param>
/// <param name="SharedQuotations">Quotations carried by several of the story's articles, aligned.</param>
/// <param name="Speakers">Who each outlet quotes in this story.</param>
/// <param name="TimelineInconsistencies">Events the story's outlets date differently.</param>
public sealed record StoryComparison(Story Story, IReadOnlyList<MeasureVerdict> Measures, IReadOnlyList<ReconciledFigure> Figures,
    IReadOnlyList<SharedQuotation> SharedQuotations, IReadOnlyList<SpeakerCount> Speakers, IReadOnlyList<TimelineInconsistency> TimelineInconsistencies)
{
    /// <summary>Measures the outlets disagree on (conflict) within the story.</summary>
    public IReadOnlyList<MeasureVerdict> Conflicts => Measures.Where(m => m.Verdict == Verdict.Conflict).ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"story {Story.Id} ({Story.Label}): {Measures.Count} measures ({Conflicts.Count} in conflict), {SharedQuotations.Select(q => q.Group).Distinct().Count()} shared quotations, " +
        $"{TimelineInconsistencies.Count} timeline disagreements";

    /// <summary>
    /// The comparison of <paramref name="story"/> from corpus-wide results: <paramref name="reconciliation"/> must have
    /// been computed with the stories as <see cref="ReconcileOptions.SameStory"/> (story ids as group numbers).
    /// </summary>
    internal static StoryComparison Of(Story story, Reconciliation reconciliation, IReadOnlyList<Quote> quotes, EventTimeline timeline)
    {
        var ids = story.ArticleIds.ToHashSet(StringComparer.Ordinal);
        var storyQuotes = quotes.Where(q => ids.Contains(q.ArticleId)).ToList();
        return new StoryComparison(story,
            reconciliation.Measures.Where(m => m.Story == story.Id).ToList(),
            reconciliation.Rows.Where(r => r.Story == story.Id).ToList(),
            storyQuotes.SharedQuotations(),
            storyQuotes.SpeakersByOutlet(),
            TimelineConsistency.Check(timeline.Entries.Where(e => ids.Contains(e.ArticleId)).ToList()));
    }
}
