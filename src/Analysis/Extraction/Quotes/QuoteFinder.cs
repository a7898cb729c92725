
namespace Analysis;

/// <summary>A balanced quotation found by <see cref="QuoteFinder"/>: its quoted span and the marks around it.</summary>
/// <param name="Open">Offset of the opening mark.</param>
/// <param name="Close">Offset of the closing mark (or -1 for a problem).</param>
/// <param name="Segments">The quoted text of each paragraph (continuation marks excluded).</param>
/// <param name="Note">For a quotation without its closing mark (it ends with its paragraph), what is missing.</param>
internal sealed record QuoteSpan(int Open, int Close, List<(int Start, int End)> Segments, string? Problem, string? Note = null);

/// <summary>
/// Pairs quotation marks paragraph by paragraph: straight double quotes (opening or closing told apart by the
/// characters around them), curly double and single quotes, and guillemets. A quotation still open at the end of a
/// paragraph continues when the next paragraph opens with the same mark (the news convention for long quotes);
/// otherwise it is a problem, as are closing marks with nothing open (one row per paragraph). Quotes of another family inside an open
/// quotation are part of its text.
/// </summary>
internal static class QuoteFinder
{
    private enum Family { None, Double, Single, Guillemet }
    private enum Role { None, Open, Close, Either }

    public static List<QuoteSpan> Find(Article article)
    {
        var text = article.Text;
        var result = new List<QuoteSpan>();
        int open = -1;
        var family = Family.None;
        List<(int, int)>? segments = null;
        int segmentStart = 0;
        var paragraphs = article.Paragraphs;
        int strayCount = 0, strayAt = 0, strayLast = 0, nested = 0;
        for (int p = 0; p < paragraphs.Count; p++)
        {
            var para = paragraphs[p];
            int i = para.Start;
            if (open >= 0)
            {
                // Continuation: this paragraph opens again with the family of the quotation still open.
                int first = SkipSpaces(text, para.Start, para.End);
                if (first < para.End && Classify(text, first) is var (f, r) && f == family && r is Role.Open or Role.Either)
                {
                    segmentStart = first + 1;
                    i = first + 1;
                }
                else
                {
                    result.Add(Unclosed(text, open, segments!));
                    open = -1;
                }
            }
            for (; i < para.End; i++)
            {
                char c = text[i];
                if (c is not ('"' or '“' or '”' or '‘' or '’' or '«' or '»' or '„')) continue;
                var (fam, role) = Classify(text, i);
                if (fam == Family.None) continue;
                if (open < 0)
                {
                    if (role is Role.Open or Role.Either)
                    {
                        nested = 0;
                        open = i;
                        family = fam;
                        segments = new List<(int, int)>();
                        segmentStart = i + 1;
                    }
                    else if (fam != Family.Single)
                    {
                        // Stray closing marks of one paragraph make one problem row (a flood of them stays one row, in linear time).
                        if (strayCount++ == 0)
                        {
                            strayAt = result.Count;
                            result.Add(new QuoteSpan(i, -1, [(para.Start, i)], $"closing {c} at {i} has no opening mark"));
                        }
                        strayLast = i;
                    }
                }
                else if (fam == family && fam == Family.Double && c == '"' && role == Role.Open && !AfterSentenceEnd(text, i, para.Start))
                    // A straight quote opening inside an open one after a word ("described as "incidental," and …") is
                    // nested; after a full stop it reopens a run-on paragraph's next part, which stays one quotation.
                    nested++;
                else if (fam == family && role is Role.Close or Role.Either && nested > 0 && c == '"')
                    nested--;
                else if (fam == family && role is Role.Close or Role.Either)
                {
                    segments!.Add((segmentStart, i));
                    result.Add(new QuoteSpan(open, i, segments, null));
                    open = -1;
                }
            }
            if (open >= 0) segments!.Add((segmentStart, para.End));
            if (strayCount > 1)
            {
                var first = result[strayAt];
                result[strayAt] = first with
                {
                    Segments = [(para.Start, strayLast)],
                    Problem = $"{strayCount} closing marks from {first.Open} to {strayLast} have no opening mark",
                };
            }
            strayCount = 0;
        }
        if (open >= 0) result.Add(Unclosed(text, open, segments!));
        return result;
    }

    /// <summary>
    /// A quotation open at the end of its paragraph that the next paragraph does not continue: news prose leaves the
    /// closing mark out when a quotation runs to the paragraph end (and excerpts cut it off with "..."), so it is
    /// the quotation up to the paragraph end, noted as such. Without words it stays a problem.
    /// </summary>
    private static QuoteSpan Unclosed(string text, int open, List<(int Start, int End)> segments)
    {
        int end = segments.Count > 0 ? segments[^1].End : open + 1;
        while (end > open + 1 && char.IsWhiteSpace(text[end - 1])) end--;
        bool words = false;
        for (int k = open + 1; k < end && !words; k++) words = char.IsLetterOrDigit(text[k]);
        if (!words) return new QuoteSpan(open, -1, segments, $"opening {text[open]} at {open} is never closed");
        segments[^1] = (segments[^1].Start, end);
        return new QuoteSpan(open, end, segments, null, $"opening {text[open]} at {open} has no closing mark: the quotation ends with its paragraph");
    }

    private static int SkipSpaces(string text, int i, int end)
    {
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    private static (Family, Role) Classify(string text, int i)
    {
        char c = text[i];
        char prev = i > 0 ? text[i - 1] : ' ';
        char next = i + 1 < text.Length ? text[i + 1] : ' ';
        switch (c)
        {
            // Curly marks typed the wrong way round are told by their sides: “ after a word and before a space closes.
            case '“': case '„': return !char.IsWhiteSpace(prev) && prev is not ('(' or '[' or '—' or '–') && (char.IsWhiteSpace(next) || i + 1 == text.Length)
                    ? (Family.Double, Role.Close) : (Family.Double, Role.Open);
            case '”': return char.IsWhiteSpace(prev) && char.IsLetter(next) ? (Family.Double, Role.Open) : (Family.Double, Role.Close);
            case '«': return (Family.Guillemet, Role.Open);
            case '»': return (Family.Guillemet, Role.Close);
            case '"':
                if (OpensAfter(prev) && !char.IsWhiteSpace(next)) return (Family.Double, Role.Open);
                if (!char.IsWhiteSpace(prev)) return (Family.Double, Role.Close);
                return (Family.Double, Role.Either);
            case '‘':
                // ‘90s is an elision, not a quotation.
                return OpensAfter(prev) && char.IsLetter(next) ? (Family.Single, Role.Open) : (Family.None, Role.None);
            case '’':
                // Between letters it is an apostrophe (Iran’s, can’t); after a plural s it may be a possessive.
                if (char.IsLetter(next) || char.IsWhiteSpace(prev)) return (Family.None, Role.None);
                return (Family.Single, Role.Close);
        }
        return (Family.None, Role.None);
    }

    /// <summary>The last character before <paramref name="i"/> that is not a space ends a sentence.</summary>
    private static bool AfterSentenceEnd(string text, int i, int start)
    {
        int k = i - 1;
        while (k >= start && char.IsWhiteSpace(text[k])) k--;
        return k < start || text[k] is '.' or '?' or '!' or ':' or '…';
    }

    private static bool OpensAfter(char prev) => char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '—' or '–' or '-' or '/' or ':' or '“' or '‘' or '«';
}
