namespace Analysis;

/// <summary>
/// What clusters are explained and weighted by, read from each article's annotation (never by re-scanning its text):
/// the names its entity layer found, its figures (numbers with their unit) and the calendar days it mentions.
/// </summary>
internal static class ArticleMentions
{
    private static readonly string[] MonthNames = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];

    /// <summary>
    /// Distinct names of people, organisations, places and groups as the entity layer found them written, titles
    /// peeled off ("Benjamin Netanyahu"). The written form rather than the canonical one: on BBC topics it clusters
    /// better (NMI median 0.891 against 0.882, 2026-12-01), as "Netanyahu" alone is still a shared name.
    /// </summary>
    public static HashSet<string> Names(AnnotatedArticle a) => a.Mentions.Select(m => m.Text).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Distinct figures as written ("1,200", "40%", "$1.2 billion"), except years and bare numbers under 10, which
    /// every story has. Without a qualifier ("some 1,200" → "1,200"), so that reports hedging differently agree.
    /// </summary>
    public static HashSet<string> Figures(AnnotatedArticle a) => a.Numbers
        .Where(n => n.Kind != NumberKind.Year && !(n.Kind is NumberKind.Cardinal or NumberKind.Ordinal && n.Unit.Length == 0 && n.Value < 10))
        .Select(n => a.Text[n.NumberStart..n.End]).ToHashSet(StringComparer.Ordinal);

    /// <summary>
    /// Calendar days mentioned ("Oct 22"), one entry per mention: articles about the same event name the same days,
    /// which words alone often miss when several stories share a topic.
    /// </summary>
    public static List<string> Days(AnnotatedArticle a) =>
        a.Dates.Where(d => d.Day is not null).Select(d => $"{MonthNames[d.Month - 1]} {d.Day}").ToList();

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
