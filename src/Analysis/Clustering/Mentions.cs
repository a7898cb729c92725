using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Light, rule-based mentions used to explain clusters: capitalised name sequences (entities) and numbers with
/// their unit (figures). A stand-in until the entity and figure extractors are merged; only their distinct
/// strings per text matter here.
/// </summary>
internal static partial class Mentions
{
    // One to five capitalised words on one line, allowing "of"/"al"/"bin" inside ("Secretary of State").
    [GeneratedRegex(@"\b\p{Lu}[\p{L}\-]+(?:[ \t]+(?:(?:of|al|bin|de|la)[ \t]+)?\p{Lu}[\p{L}\-]+){0,4}(?:[’']s)?")]
    private static partial Regex NamePattern();

    // A number with optional currency and unit: "$1.2bn", "250,000", "40%", "3 million", "12 per cent".
    [GeneratedRegex(@"[$£€]?\b\d[\d,]*(?:\.\d+)?(?:\s?(?:%|per\s?cent|percent|million|billion|trillion|bn|m|km|kg))?\b%?", RegexOptions.IgnoreCase)]
    private static partial Regex FigurePattern();

    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Calendar days mentioned, one entry per mention ("Oct 22"): articles about the same event name the same days,
    /// which words alone often miss when several stories share a topic.
    /// </summary>
    public static List<string> Dates(string text) => Days(text).Select(d => $"{MonthNames[d.Month - 1]} {d.Day}").ToList();

    /// <summary>Calendar days mentioned (month 1–12, day), one entry per mention, in text order (the library's date recognizer).</summary>
    public static List<(int Month, int Day)> Days(string text) =>
        AbsoluteDates.Find(text).Where(d => d.Day is not null).Select(d => (d.Month, d.Day!.Value)).ToList();

    /// <summary>Distinct name sequences, possessive dropped, leading stop word ("The", "In") removed.</summary>
    public static HashSet<string> Entities(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        Span<char> lower = stackalloc char[64];
        foreach (Match m in NamePattern().Matches(text))
        {
            var name = m.ValueSpan;
            // Drop leading stop words ("The", "In") word by word; the pattern separates words by spaces or tabs.
            while (name.Length > 0)
            {
                int gap = name.IndexOfAny(' ', '\t');
                var first = gap < 0 ? name : name[..gap];
                if (first.Length > 64 || !StopWords.Contains(lower[..first.ToLowerInvariant(lower)])) break;
                name = gap < 0 ? [] : name[(gap + 1)..].TrimStart();
            }
            if (name.EndsWith("’s") || name.EndsWith("'s")) name = name[..^2];
            if (name.Length >= 3) found.Add(name.ToString());
        }
        return found;
    }

    /// <summary>Distinct figures, except bare years and bare numbers under 10 (dates and counts every story has).</summary>
    public static HashSet<string> Figures(string text)
    {
        var found = new HashSet<string>(StringComparer.Ordinal);
        foreach (Match m in FigurePattern().Matches(text))
        {
            var v = Regex.Replace(m.Value.Trim(), @"\s+", " ");
            bool bare = v.All(c => char.IsDigit(c) || c == ',');
            if (bare && v.Length == 4 && v[0] is ('1' or '2') && v[1] is ('9' or '0')) continue;
            if (bare && v.Length == 1) continue;
            found.Add(v);
        }
        return found;
    }

    /// <summary>
    /// Per group, mentions found in at least half its members (at least one) and more common inside than outside,
    /// most distinctive first (in-group share minus out-group share, then text).
    /// </summary>
    public static List<string>[] Shared(IReadOnlyList<HashSet<string>> perDocument, int[] groupOf, int groups, int top)
    {
        var inCount = new Dictionary<string, int>[groups];
        for (int g = 0; g < groups; g++) inCount[g] = new(StringComparer.Ordinal);
        var total = new Dictionary<string, int>(StringComparer.Ordinal);
        var size = new int[groups];
        for (int i = 0; i < perDocument.Count; i++)
        {
            size[groupOf[i]]++;
            foreach (var m in perDocument[i])
            {
                inCount[groupOf[i]][m] = inCount[groupOf[i]].GetValueOrDefault(m) + 1;
                total[m] = total.GetValueOrDefault(m) + 1;
            }
        }
        var result = new List<string>[groups];
        for (int g = 0; g < groups; g++)
        {
            int others = perDocument.Count - size[g];
            int needed = Math.Max(1, (size[g] + 1) / 2);
            result[g] = inCount[g]
                .Where(p => p.Value >= needed)
                .Select(p => (Mention: p.Key, Score: (double)p.Value / size[g] - (others > 0 ? (double)(total[p.Key] - p.Value) / others : 0)))
                .Where(p => p.Score > 0)
                .OrderByDescending(p => p.Score).ThenBy(p => p.Mention, StringComparer.Ordinal)
                .Take(top).Select(p => p.Mention).ToList();
        }
        return result;
    }
}
