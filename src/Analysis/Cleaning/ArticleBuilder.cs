
namespace Analysis;

/// <summary>Runs cleaning and segmentation on a raw text and assembles the <see cref="Article"/>.</summary>
public static class ArticleBuilder
{
    /// <summary>
    /// Builds an article from raw text; metadata fields left null are filled from the text where possible. The first
    /// line is taken as a headline only with <paramref name="detectHeadline"/> (an in-memory text is a body).
    /// </summary>
    public static Article Build(string id, string raw, string file = "", string? outlet = null, string? headline = null,
        DateOnly? published = null, string? url = null, string? encoding = null, IReadOnlyList<string>? warnings = null,
        string? byline = null, bool detectHeadline = false) =>
        Build(id, raw, file, new ArticleMetadata
        {
            Outlet = outlet, Headline = headline, Published = published, Url = url, Byline = byline,
            PublishedBasis = published is null ? null : "given",
        }, encoding, warnings, detectHeadline);

    /// <summary>
    /// Builds an article: metadata given by the source wins; what it lacks is taken from the text (headline line,
    /// byline, bio, source line) and the published date is inferred from captions, posts and datelines.
    /// </summary>
    public static Article Build(string id, string raw, string file, ArticleMetadata meta, string? encoding,
        IReadOnlyList<string>? warnings, bool detectHeadline)
    {
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = detectHeadline, KnownHeadline = meta.Headline });
        var inferred = meta.Published is null ? PublishedDateInference.Infer(cleaned.Dates) : null;
        var paragraphs = Segmenter.Paragraphs(cleaned.Text);
        var sentences = Segmenter.Sentences(cleaned.Text, paragraphs);
        var allWarnings = new List<string>(warnings ?? []);
        if (cleaned.Text.Length == 0) allWarnings.Add("no body text left after cleaning");
        return new Article
        {
            Id = id, File = file, Encoding = encoding, Url = meta.Url,
            Outlet = meta.Outlet ?? cleaned.Outlet,
            Headline = meta.Headline ?? cleaned.Headline,
            Byline = meta.Byline ?? cleaned.Byline,
            Published = meta.Published ?? inferred?.Date,
            PublishedInferred = meta.Published is null && inferred is not null,
            PublishedBasis = meta.Published is not null ? meta.PublishedBasis : inferred?.Basis,
            Raw = raw, Text = cleaned.Text, Map = cleaned.Map,
            Paragraphs = paragraphs, Sentences = sentences,
            Removed = cleaned.Removed, Posts = cleaned.Posts,
            Words = Tokenizer.CountWords(cleaned.Text),
            Warnings = allWarnings,
        };
    }
}
