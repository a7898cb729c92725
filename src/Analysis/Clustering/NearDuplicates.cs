using System.Runtime.InteropServices;

namespace Analysis;

/// <summary>
/// A paragraph that (nearly) repeats a paragraph of another article, such as wire copy reused by several outlets.
/// Paragraphs of one group all match at least one other member.
/// </summary>
/// <param name="Group">Group number (0-based, in corpus order of the group's first paragraph).</param>
/// <param name="Paragraph">Paragraph index in the article; <paramref name="Start"/>/<paramref name="End"/> are offsets into Article.Text.</param>
/// <param name="Sentence">Index of the paragraph's first sentence (-1 when the segmenter found none).</param>
/// <param name="Similarity">Highest word-shingle Jaccard similarity to a member from another article.</param>
/// <param name="Articles">Number of distinct articles in the group.</param>
public sealed record NearDuplicateParagraph(int Group, string ArticleId, string Outlet, int Paragraph, int Sentence, int Start, int End,
    string Text, double Similarity, int Articles, string Rule) : IArticleRecord;

/// <summary>Finds near-duplicate paragraphs across articles by Jaccard similarity of 3-word shingles.</summary>
internal static class NearDuplicates
{
    private const int ShingleWords = 3;

    public static IReadOnlyList<NearDuplicateParagraph> Find(IReadOnlyList<Article> articles, double minSimilarity, int minWords)
    {
        if (minSimilarity is <= 0 or > 1) throw new ArgumentOutOfRangeException(nameof(minSimilarity), minSimilarity, "The similarity threshold must be in (0, 1].");
        string rule = $"{ShingleWords}-word shingles of content words, Jaccard ≥ {minSimilarity:0.##}, paragraphs of ≥ {minWords} words";
        var items = new List<(int Article, Paragraph Paragraph, ulong[] Shingles)>();
        var words = new List<ulong>();
        var buffer = new List<ulong>();
        int total = 0;
        for (int a = 0; a < articles.Count; a++)
            foreach (var p in articles[a].Paragraphs)
            {
                var shingles = Shingles(articles[a].Text.AsSpan(p.Start, p.End - p.Start), minWords, words, buffer);
                if (shingles.Length > 0) items.Add((a, p, shingles));
                total += shingles.Length;
            }

        var postings = new Dictionary<ulong, List<int>>(total);
        for (int i = 0; i < items.Count; i++)
            foreach (var s in items[i].Shingles)
            {
                if (!postings.TryGetValue(s, out var list)) postings[s] = list = new List<int>();
                list.Add(i);
            }
        var shared = new Dictionary<(int, int), int>();
        foreach (var list in postings.Values)
            for (int x = 0; x < list.Count; x++)
                for (int y = x + 1; y < list.Count; y++)
                    if (items[list[x]].Article != items[list[y]].Article)
                        shared[(list[x], list[y])] = shared.GetValueOrDefault((list[x], list[y])) + 1;

        var parent = Enumerable.Range(0, items.Count).ToArray();
        int Root(int i) { while (parent[i] != i) i = parent[i] = parent[parent[i]]; return i; }
        var best = new double[items.Count];
        foreach (var ((i, j), common) in shared)
        {
            double jaccard = (double)common / (items[i].Shingles.Length + items[j].Shingles.Length - common);
            if (jaccard < minSimilarity) continue;
            best[i] = Math.Max(best[i], jaccard);
            best[j] = Math.Max(best[j], jaccard);
            int ri = Root(i), rj = Root(j);
            if (ri != rj) parent[Math.Max(ri, rj)] = Math.Min(ri, rj);
        }

        // Items are in corpus order, so ordering groups by their smallest member keeps them in reading order.
        return Enumerable.Range(0, items.Count).Where(i => best[i] > 0)
            .GroupBy(Root).OrderBy(g => g.Key)
            .SelectMany((g, group) =>
            {
                int distinct = g.Select(i => items[i].Article).Distinct().Count();
                return g.Select(i =>
                {
                    var (a, p, _) = items[i];
                    var article = articles[a];
                    return new NearDuplicateParagraph(group, article.Id, article.OutletOrId, p.Index, article.SentenceAt(p.Start)?.Index ?? -1, p.Start, p.End,
                        article.Text[p.Start..p.End], Math.Round(best[i], 4), distinct, rule);
                });
            })
            .ToList();
    }

    /// <summary>
    /// Distinct hashed shingles of consecutive content words, sorted; empty for short paragraphs. The two lists are
    /// working space reused from paragraph to paragraph (a list and a set per paragraph made most of the time GC).
    /// </summary>
    private static ulong[] Shingles(ReadOnlySpan<char> text, int minWords, List<ulong> words, List<ulong> buffer)
    {
        words.Clear();
        WordTerms.Read(text, stem: false, t => words.Add(Hash(t)));
        if (words.Count < Math.Max(minWords, ShingleWords)) return [];
        buffer.Clear();
        for (int i = 0; i + ShingleWords <= words.Count; i++)
        {
            ulong h = 14695981039346656037;
            for (int k = 0; k < ShingleWords; k++) h = (h ^ words[i + k]) * 1099511628211;
            buffer.Add(h);
        }
        var sorted = CollectionsMarshal.AsSpan(buffer);
        sorted.Sort();
        int distinct = 0;
        for (int i = 0; i < sorted.Length; i++)
            if (distinct == 0 || sorted[i] != sorted[distinct - 1]) sorted[distinct++] = sorted[i];
        return sorted[..distinct].ToArray();
    }

    /// <summary>FNV-1a, fixed across processes and machines (string.GetHashCode is randomised per process).</summary>
    private static ulong Hash(ReadOnlySpan<char> s)
    {
        ulong h = 14695981039346656037;
        foreach (char c in s) h = (h ^ c) * 1099511628211;
        return h;
    }
}
