
namespace Analysis;

/// <summary>A balanced quotation found by <see cref="QuoteFinder"/>: its quoted span and the marks around it.</summary>
/// <param name="Open">Offset of the opening mark.</param>
/// <param name="Close">Offset of the closing mark (or -1 for a problem).</param>
/// <param name="Segments">The quoted text of each paragraph (continuation marks excluded).</param>
internal sealed record QuoteSpan(int Open, int Close, List<(int Start, int End)> Segments, string? Problem);

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
        int strayCount = 0, strayAt = 0, strayLast = 0;
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
                    result.Add(new QuoteSpan(open, -1, segments!, $"opening {text[open]} at {open} is never closed"));
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
        if (open >= 0) result.Add(new QuoteSpan(open, -1, segments!, $"opening {text[open]} at {open} is never closed"));
        return result;
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
            case '“': case '„': return (Family.Double, Role.Open);
            case '”': return (Family.Double, Role.Close);
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

    private static bool OpensAfter(char prev) => char.IsWhiteSpace(prev) || prev is '(' or '[' or '{' or '—' or '–' or '-' or '/' or ':' or '“' or '‘' or '«';
}
