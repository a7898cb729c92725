using AngleSharp.Dom;
using AngleSharp.Html.Dom;
using AngleSharp.Html.Parser;
using SmartReader;

namespace Analysis;

/// <summary>
/// Main text and metadata of a single HTML page, through SmartReader (a port of Mozilla's Readability), behind
/// three guards: a linear pre-scan of tag nesting, the parsed page's element depth, and a time budget.
/// </summary>
/// <remarks>
/// Why guards: AngleSharp's tree builder scans the stack of open elements for every start tag (quadratic in the
/// nesting depth; 10^5 nested <c>div</c>s do not finish), and Readability's scoring is about cubic in it (1,000
/// levels took 9 s, 3,000 over 5 minutes) and recursive (deeper pages overflowed the stack, killing the process).
/// </remarks>
internal static class HtmlPage
{
    /// <summary>The page's text and metadata, or why it was skipped (exactly one of the two is set).</summary>
    internal readonly record struct Outcome((string Text, ArticleMetadata Meta)? Page, string? Skipped);

    /// <summary>Stack for the parse thread: Readability recurses once per level, and pages may nest up to the depth limit.</summary>
    private const int ParseStackBytes = 16 * 1024 * 1024;

    /// <summary>
    /// How far the pre-scan's count of open tags may go past <see cref="LoadOptions.MaxHtmlDepth"/> before the page is
    /// refused unparsed. The count is an upper bound only roughly (an unclosed <c>&lt;font&gt;</c> per paragraph adds up
    /// while the parser closes them), so the real decision is taken on the parsed tree; this only keeps the parser
    /// itself out of its quadratic range.
    /// </summary>
    private const int PreScanFactor = 8;

    /// <summary>The page's article text (paragraphs on their own lines) and metadata, or why it cannot be read.</summary>
    public static Outcome Extract(string html, string path, LoadOptions options)
    {
        int maxDepth = Math.Max(1, options.MaxHtmlDepth);
        long preScanLimit = (long)maxDepth * PreScanFactor;
        if (HtmlNesting.OpenTagDepth(html, preScanLimit) > preScanLimit)
            return new(null, $"HTML nests more than {preScanLimit} unclosed tags (8 x LoadOptions.MaxHtmlDepth {maxDepth}); not parsed");

        Outcome outcome = default;
        var worker = new Thread(() => outcome = Parse(html, path, maxDepth), ParseStackBytes) { IsBackground = true, Name = "html-parse" };
        worker.Start();
        if (!worker.Join(options.HtmlTimeBudget))
            // .NET cannot stop a thread: the abandoned parse finishes in the background and its result is dropped.
            return new(null, $"HTML parsing took over {options.HtmlTimeBudget.TotalSeconds:0.###} s (LoadOptions.HtmlTimeBudget); skipped");
        return outcome;
    }

    private static Outcome Parse(string html, string path, int maxDepth)
    {
        try
        {
            var document = new HtmlParser().ParseDocument(html);
            int depth = ElementDepth(document);
            if (depth > maxDepth)
                return new(null, $"HTML elements nest {depth} deep, over the limit of {maxDepth} (LoadOptions.MaxHtmlDepth)");
            // The (uri, document) constructor reads the given tree; Reader.ParseArticle(string, string) would download the uri.
            var page = new Reader(new Uri(path).AbsoluteUri, document).GetArticle();
            var text = page.IsReadable ? page.TextContent?.Trim() : null;
            if (string.IsNullOrWhiteSpace(text)) return new(null, "HTML page has no readable article text");
            DateOnly? published = page.PublicationDate is { } d ? DateOnly.FromDateTime(d) : null;
            return new((text, new ArticleMetadata
            {
                Headline = Blank(page.Title),
                Byline = Blank(page.Byline) ?? Blank(page.Author),
                Outlet = Blank(page.SiteName),
                Published = published,
                PublishedBasis = published is null ? null : "page metadata",
            }), null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            // Runs on its own thread: an exception escaping it would end the process.
            return new(null, $"HTML page could not be read: {e.GetType().Name}: {e.Message}");
        }
    }

    /// <summary>The deepest element's number of element ancestors plus one, walked without recursion.</summary>
    private static int ElementDepth(IHtmlDocument document)
    {
        if (document.DocumentElement is not { } root) return 0;
        int max = 0;
        var stack = new Stack<(IElement Element, int Depth)>();
        stack.Push((root, 1));
        while (stack.Count > 0)
        {
            var (element, depth) = stack.Pop();
            max = Math.Max(max, depth);
            foreach (var child in element.Children) stack.Push((child, depth + 1));
        }
        return max;
    }

    private static string? Blank(string? s) => string.IsNullOrWhiteSpace(s) ? null : s.Trim();
}

/// <summary>A linear, allocation-light count of how deeply an HTML text nests its tags, without building a tree.</summary>
internal static class HtmlNesting
{
    // Elements with no end tag, and those whose end tag may be left out (the parser closes them at the next sibling):
    // neither deepens the tree, so neither is counted.
    private static readonly HashSet<string> NotCounted = new(StringComparer.OrdinalIgnoreCase)
    {
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        "p", "li", "dt", "dd", "option", "optgroup", "tr", "td", "th", "thead", "tbody", "tfoot", "colgroup", "caption",
        "rb", "rt", "rtc", "rp", "html", "head", "body", "!doctype",
    };

    // Their content is text up to their own end tag (a "<div>" inside a script is not an element).
    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase)
    {
        "script", "style", "textarea", "title", "xmp", "iframe", "noembed", "noframes", "plaintext",
    };

    /// <summary>
    /// The largest number of counted tags open at once, stopping as soon as it exceeds <paramref name="stopAbove"/>
    /// (so the cost is linear in the text and each end tag's search of the open tags is bounded).
    /// </summary>
    public static long OpenTagDepth(string html, long stopAbove)
    {
        var open = new List<string>();
        long max = 0;
        int i = 0, nextGt = -1;
        while ((i = html.IndexOf('<', i)) >= 0 && i + 1 < html.Length)
        {
            if (string.CompareOrdinal(html, i, "<!--", 0, 4) == 0)
            {
                int end = html.IndexOf("-->", i + 4, StringComparison.Ordinal);
                i = end < 0 ? html.Length : end + 3;
                continue;
            }
            bool closing = html[i + 1] == '/';
            int nameStart = i + (closing ? 2 : 1);
            int nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is '-' or '!' or ':')) nameEnd++;
            // Remembered, so that many '<' before one '>' do not each scan to it (which would be quadratic).
            if (nextGt < nameEnd && nextGt != int.MaxValue) nextGt = html.IndexOf('>', nameEnd) is var gt and >= 0 ? gt : int.MaxValue;
            int close = nextGt == int.MaxValue ? -1 : nextGt;
            if (nameEnd == nameStart || !char.IsAsciiLetter(html[nameStart]) && html[nameStart] != '!') { i++; continue; }
            if (close < 0) break;
            var name = html[nameStart..nameEnd].ToLowerInvariant();
            i = close + 1;
            if (closing)
            {
                int at = open.LastIndexOf(name);
                if (at >= 0) open.RemoveRange(at, open.Count - at);
                continue;
            }
            if (RawText.Contains(name))
            {
                int end = html.IndexOf("</" + name, i, StringComparison.OrdinalIgnoreCase);
                i = end < 0 ? html.Length : end;
                continue;
            }
            if (NotCounted.Contains(name) || name.StartsWith('!') || html[close - 1] == '/') continue;
            open.Add(name);
            if (open.Count > max && (max = open.Count) > stopAbove) return max;
        }
        return max;
    }
}
