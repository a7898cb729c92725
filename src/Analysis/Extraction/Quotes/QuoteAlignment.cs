namespace Analysis;

/// <summary>
/// Groups quotations of different articles that quote the same words. Quotations are compared by their three-word
/// shingles (word order matters, so common words alone never match); candidates share a shingle (an inverted index
/// keeps this near linear) and a pair is kept when the shared shingles cover at least the threshold of the shorter
/// quotation's, so a partial quote ("a diplomatic resolution to the conflict") aligns with the longer one.
/// </summary>
internal static class QuoteAlignment
{
    public static List<SharedQuotation> Align(List<Quote> quotes, double minSimilarity, int minWords)
    {
        var words = quotes.Select(q => Normalize(q.Text)).ToList();
        var shingles = words.Select(w => Shingles(w).ToHashSet(StringComparer.Ordinal)).ToList();
        var index = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < quotes.Count; i++)
        {
            if (words[i].Length < minWords) continue;
            foreach (var sh in shingles[i])
            {
                if (!index.TryGetValue(sh, out var list)) index[sh] = list = new List<int>();
                list.Add(i);
            }
        }
        var parent = Enumerable.Range(0, quotes.Count).ToArray();
        int Find(int x) { while (parent[x] != x) x = parent[x] = parent[parent[x]]; return x; }
        var checkedPairs = new HashSet<(int, int)>();
        foreach (var list in index.Values)
        {
            if (list.Count < 2 || list.Count > 200) continue;
            for (int a = 0; a < list.Count; a++)
                for (int b = a + 1; b < list.Count; b++)
                {
                    int x = list[a], y = list[b];
                    if (quotes[x].ArticleId == quotes[y].ArticleId || !checkedPairs.Add((x, y))) continue;
                    if (Overlap(shingles[x], shingles[y]) >= minSimilarity) parent[Find(x)] = Find(y);
                }
        }
        var groups = Enumerable.Range(0, quotes.Count).Where(i => words[i].Length >= minWords)
            .GroupBy(Find).Where(g => g.Select(i => quotes[i].ArticleId).Distinct().Count() > 1)
            .OrderByDescending(g => g.Count()).ThenBy(g => g.Min())
            .ToList();
        var result = new List<SharedQuotation>();
        for (int k = 0; k < groups.Count; k++)
        {
            var members = groups[k].OrderBy(i => i).ToList();
            // The longest quotation is the reference the others are compared with (they are often parts of it).
            int reference = members.OrderByDescending(i => words[i].Length).ThenBy(i => i).First();
            foreach (var i in members)
            {
                var q = quotes[i];
                double similarity = Math.Round(Overlap(shingles[reference], shingles[i]), 3);
                var match = words[i].SequenceEqual(words[reference]) ? "exact" : similarity >= 1 ? "part" : "near";
                result.Add(new SharedQuotation(k + 1, q.ArticleId, q.Outlet, q.Speaker, q.Text, q.Start, q.End, q.SentenceIndex,
                    match, similarity));
            }
        }
        return result;
    }

    /// <summary>Lowercase words (letters and digits), punctuation and quote marks dropped.</summary>
    internal static string[] Normalize(string text)
    {
        var list = new List<string>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && !char.IsLetterOrDigit(text[i])) i++;
            int s = i;
            while (i < text.Length && (char.IsLetterOrDigit(text[i]) || text[i] is '\'' or '’' && i + 1 < text.Length && char.IsLetter(text[i + 1]))) i++;
            if (i > s) list.Add(text[s..i].ToLowerInvariant().Replace('’', '\''));
        }
        return list.ToArray();
    }

    private static IEnumerable<string> Shingles(string[] w)
    {
        for (int i = 0; i + 3 <= w.Length; i++) yield return string.Join(' ', w, i, 3);
        if (w.Length < 3) yield return string.Join(' ', w);
    }

    /// <summary>Shared shingles over the smaller shingle count.</summary>
    private static double Overlap(HashSet<string> a, HashSet<string> b)
    {
        var (small, large) = a.Count <= b.Count ? (a, b) : (b, a);
        return small.Count(large.Contains) / (double)Math.Max(1, small.Count);
    }
}
