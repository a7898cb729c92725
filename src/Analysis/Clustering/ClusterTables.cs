using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>DataFrames for clustering records (schemas in docs/clustering.md).</summary>
public static class ClusterTables
{
    /// <summary>clusters: article_id, cluster, cluster_terms, x, y.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterAssignment> rows) => TableBuilder.Build(rows,
        Column<ClusterAssignment>.Text("article_id", r => r.ArticleId),
        Column<ClusterAssignment>.Int("cluster", r => r.Cluster),
        Column<ClusterAssignment>.Text("cluster_terms", r => r.ClusterTerms),
        Column<ClusterAssignment>.Double("x", r => r.X),
        Column<ClusterAssignment>.Double("y", r => r.Y));

    /// <summary>cluster_terms: cluster, rank, term, score, articles.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterTerm> rows) => TableBuilder.Build(rows,
        Column<ClusterTerm>.Int("cluster", r => r.Cluster),
        Column<ClusterTerm>.Int("rank", r => r.Rank),
        Column<ClusterTerm>.Text("term", r => r.Term),
        Column<ClusterTerm>.Double("score", r => r.Score),
        Column<ClusterTerm>.Int("articles", r => r.Articles));

    /// <summary>cluster_summary: cluster, size, top_terms, shared_entities, shared_figures, shared_dates, article_ids ("; "-joined lists).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterSummary> rows) => TableBuilder.Build(rows,
        Column<ClusterSummary>.Int("cluster", r => r.Cluster),
        Column<ClusterSummary>.Int("size", r => r.Size),
        Column<ClusterSummary>.Text("top_terms", r => string.Join("; ", r.TopTerms)),
        Column<ClusterSummary>.Text("shared_entities", r => string.Join("; ", r.SharedEntities)),
        Column<ClusterSummary>.Text("shared_figures", r => string.Join("; ", r.SharedFigures)),
        Column<ClusterSummary>.Text("shared_dates", r => string.Join("; ", r.SharedDates)),
        Column<ClusterSummary>.Text("article_ids", r => string.Join("; ", r.ArticleIds)));

    /// <summary>neighbours: article_id, neighbour_id, similarity, same_cluster.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Neighbour> rows) => TableBuilder.Build(rows,
        Column<Neighbour>.Text("article_id", r => r.ArticleId),
        Column<Neighbour>.Text("neighbour_id", r => r.NeighbourId),
        Column<Neighbour>.Double("similarity", r => r.Similarity),
        Column<Neighbour>.Bool("same_cluster", r => r.SameCluster));

    /// <summary>k_scores: k, silhouette, chosen.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<KScore> rows) => TableBuilder.Build(rows,
        Column<KScore>.Int("k", r => r.K),
        Column<KScore>.Double("silhouette", r => Math.Round(r.Silhouette, 6)),
        Column<KScore>.Bool("chosen", r => r.Chosen));

    /// <summary>near_duplicate_paragraphs: group, article_id, paragraph, sentence, start, end, similarity, articles, text, rule.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<NearDuplicateParagraph> rows) => TableBuilder.Build(rows,
        Column<NearDuplicateParagraph>.Int("group", r => r.Group),
        Column<NearDuplicateParagraph>.Text("article_id", r => r.ArticleId),
        Column<NearDuplicateParagraph>.Int("paragraph", r => r.Paragraph),
        Column<NearDuplicateParagraph>.Int("sentence", r => r.Sentence),
        Column<NearDuplicateParagraph>.Int("start", r => r.Start),
        Column<NearDuplicateParagraph>.Int("end", r => r.End),
        Column<NearDuplicateParagraph>.Double("similarity", r => r.Similarity),
        Column<NearDuplicateParagraph>.Int("articles", r => r.Articles),
        Column<NearDuplicateParagraph>.Text("text", r => r.Text),
        Column<NearDuplicateParagraph>.Text("rule", r => r.Rule));

    /// <summary>paragraph_themes: article_id, paragraph, sentence, start, end, theme, label, text.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ParagraphTheme> rows) => TableBuilder.Build(rows,
        Column<ParagraphTheme>.Text("article_id", r => r.ArticleId),
        Column<ParagraphTheme>.Int("paragraph", r => r.Paragraph),
        Column<ParagraphTheme>.Int("sentence", r => r.Sentence),
        Column<ParagraphTheme>.Int("start", r => r.Start),
        Column<ParagraphTheme>.Int("end", r => r.End),
        Column<ParagraphTheme>.Int("theme", r => r.Theme),
        Column<ParagraphTheme>.Text("label", r => r.Label),
        Column<ParagraphTheme>.Text("text", r => r.Text));

    /// <summary>theme_shares: article_id, theme, label, share, paragraphs.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ThemeShare> rows) => TableBuilder.Build(rows,
        Column<ThemeShare>.Text("article_id", r => r.ArticleId),
        Column<ThemeShare>.Int("theme", r => r.Theme),
        Column<ThemeShare>.Text("label", r => r.Label),
        Column<ThemeShare>.Double("share", r => r.Share),
        Column<ThemeShare>.Int("paragraphs", r => r.Paragraphs));

    /// <summary>themes: theme, label, paragraphs, articles, top_terms.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ThemeSummary> rows) => TableBuilder.Build(rows,
        Column<ThemeSummary>.Int("theme", r => r.Theme),
        Column<ThemeSummary>.Text("label", r => r.Label),
        Column<ThemeSummary>.Int("paragraphs", r => r.Paragraphs),
        Column<ThemeSummary>.Int("articles", r => r.Articles),
        Column<ThemeSummary>.Text("top_terms", r => string.Join("; ", r.TopTerms)));
}
