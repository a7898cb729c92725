using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>A paragraph and the theme it was clustered into.</summary>
/// <param name="Sentence">Index of the paragraph's first sentence (-1 when the segmenter found none).</param>
public sealed record ParagraphTheme(string ArticleId, string Outlet, int Paragraph, int Sentence, int Start, int End, int Theme, string Label, string Text) : IArticleRecord;

/// <summary>How much of an article (share of its clustered paragraphs' words) goes to one theme.</summary>
public sealed record ThemeShare(string ArticleId, string Outlet, int Theme, string Label, double Share, int Paragraphs) : IArticleRecord;

/// <summary>A theme: paragraphs across the corpus that KMeans put together, labelled by its top terms.</summary>
public sealed record ThemeSummary(int Theme, string Label, int Paragraphs, int Articles, IReadOnlyList<string> TopTerms);

/// <summary>
/// Paragraph-level themes: every paragraph of at least <c>minWords</c> words clustered across the corpus.
/// <code>var themes = corpus.Themes(5); themes.ToDataFrame(); ClusterCharts.ThemeShares(themes)</code>
/// </summary>
public sealed class ParagraphThemes
{
    /// <summary>Number of themes.</summary>
    public int K { get; }
    /// <summary>
    /// Mean silhouette per candidate k when k was chosen automatically (over an evenly spaced sample of 2,000 paragraphs
    /// when there are more), else of the given k alone.
    /// </summary>
    public IReadOnlyList<KScore> KScores { get; }
    /// <summary>One row per clustered paragraph, in corpus order.</summary>
    public IReadOnlyList<ParagraphTheme> Paragraphs { get; }
    /// <summary>One row per theme.</summary>
    public IReadOnlyList<ThemeSummary> Summary { get; }
    /// <summary>One row per (article, theme), articles in corpus order, themes by number; shares of an article sum to 1.</summary>
    public IReadOnlyList<ThemeShare> Shares { get; }

    private ParagraphThemes(int k, IReadOnlyList<KScore> scores, IReadOnlyList<ParagraphTheme> paragraphs, IReadOnlyList<ThemeSummary> summary, IReadOnlyList<ThemeShare> shares)
    {
        K = k; KScores = scores; Paragraphs = paragraphs; Summary = summary; Shares = shares;
    }

    /// <summary>paragraph_themes table.</summary>
    public DataFrame ToDataFrame() => Paragraphs.ToDataFrame();

    public override string ToString() => $"{K} themes over {Paragraphs.Count} paragraphs: " + string.Join("; ", Summary.Select(s => $"{s.Theme} {s.Label} ({s.Paragraphs})"));

    internal static ParagraphThemes Build(IReadOnlyList<Article> articles, int? k, int minWords, ClusterOptions options)
    {
        // Word counts are taken once: they choose the paragraphs and weigh the shares below.
        var items = articles.SelectMany(a => a.Paragraphs.Select(p => (Article: a, Paragraph: p, Words: Words(a, p.Start, p.End))))
            .Where(x => x.Words >= minWords).ToList();
        var texts = items.Select(x => x.Article.Text[x.Paragraph.Start..x.Paragraph.End]).ToList();
        var ids = items.Select(x => $"{x.Article.Id}#{x.Paragraph.Index}").ToList();
        IReadOnlyList<KScore>? sampledScores = null;
        if (k is null && texts.Count > KChoiceSample)
        {
            // Choosing k fits every candidate k; on an evenly spaced sample that costs a fraction of fitting them all on
            // thousands of paragraphs (the silhouette itself scores at most 2,000 points). The chosen k is then fitted on
            // every paragraph, exactly as a given k would be.
            var sample = Enumerable.Range(0, KChoiceSample).Select(i => (int)((long)i * texts.Count / KChoiceSample)).ToList();
            var probe = DocumentClustering.Run(sample.Select(i => texts[i]).ToList(), sample.Select(i => ids[i]).ToList(), null, options, "paragraph");
            (k, sampledScores) = (probe.K, probe.KScores);
        }
        var r = DocumentClustering.Run(texts, ids, k, options, "paragraph");

        var terms = ClusterTerms.Top(r.Matrix, r.Features, r.Labels, r.K, options.TopTerms);
        var label = Enumerable.Range(0, r.K).ToDictionary(c => c, c => string.Join(", ", terms.Where(t => t.Cluster == c).Take(3).Select(t => t.Term)));
        var paragraphs = r.Used.Select((i, row) =>
        {
            var (a, p, _) = items[i];
            return new ParagraphTheme(a.Id, a.OutletOrId, p.Index, a.SentenceAt(p.Start)?.Index ?? -1, p.Start, p.End, r.Labels[row], label[r.Labels[row]], texts[i]);
        }).ToList();
        var summary = paragraphs.GroupBy(p => p.Theme).OrderBy(g => g.Key)
            .Select(g => new ThemeSummary(g.Key, label[g.Key], g.Count(), g.Select(p => p.ArticleId).Distinct().Count(),
                terms.Where(t => t.Cluster == g.Key).Select(t => t.Term).ToList()))
            .ToList();
        var shares = new List<ThemeShare>();
        var byArticle = Enumerable.Range(0, paragraphs.Count).ToLookup(row => paragraphs[row].ArticleId, StringComparer.Ordinal);
        foreach (var article in articles)
        {
            var own = byArticle[article.Id].Select(row => (p: paragraphs[row], items[r.Used[row]].Words)).ToList();
            double total = own.Sum(x => x.Words);
            if (total == 0) continue;
            foreach (var theme in summary)
            {
                var inTheme = own.Where(x => x.p.Theme == theme.Theme).ToList();
                shares.Add(new ThemeShare(article.Id, article.OutletOrId, theme.Theme, theme.Label, Math.Round(inTheme.Sum(x => x.Words) / total, 4), inTheme.Count));
            }
        }
        return new ParagraphThemes(r.K, sampledScores ?? DocumentClustering.Scores(r), paragraphs, summary, shares);
    }

    /// <summary>Paragraphs k is chosen on when there are more (see <see cref="Build"/>).</summary>
    internal const int KChoiceSample = 2000;

    private static int Words(Article a, int start, int end) => Tokenizer.CountWords(a.Text.AsSpan(start, end - start));
}
