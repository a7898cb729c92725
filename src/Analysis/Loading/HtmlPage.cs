using SmartReader;

namespace Analysis;

/// <summary>Main text and metadata of a single HTML page, through SmartReader (a port of Mozilla's Readability).</summary>
internal static class HtmlPage
{
    /// <summary>The page's article text (paragraphs on their own lines) and metadata, or null when it has none.</summary>
    public static (string Text, ArticleMetadata Meta)? Extract(string html, string path)
    {
        // The (uri, text) constructor parses the given text; Reader.ParseArticle(string, string) would download the uri.
        var page = new Reader(new Uri(path).AbsoluteUri, html).GetArticle();
        var text = page.IsReadable ? page.TextContent?.Trim() : null;
        if (string.IsNullOrWhiteSpace(text)) return null;
        DateOnly? published = page.PublicationDate is { } d ? DateOnly.FromDateTime(d) : null;
        return (text, new ArticleMetadata
        {
            Headline = Blank(page.Title),
            Byline = Blank(page.Byline) ?? Blank(page.Author),
            Outlet = Blank(page.SiteName),
            Published = published,
            PublishedBasis = published is null ? null : "page metadata",
        });
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}
