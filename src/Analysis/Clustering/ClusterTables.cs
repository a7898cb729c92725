using Analysis.Tables;
using Microsoft.Data.Analysis;

namespace Analysis.Clustering;

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

    /// <summary>cluster_summary: cluster, size, top_terms, shared_entities, shared_figures, article_ids ("; "-joined lists).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterSummary> rows) => TableBuilder.Build(rows,
        Column<ClusterSummary>.Int("cluster", r => r.Cluster),
        Column<ClusterSummary>.Int("size", r => r.Size),
        Column<ClusterSummary>.Text("top_terms", r => string.Join("; ", r.TopTerms)),
        Column<ClusterSummary>.Text("shared_entities", r => string.Join("; ", r.SharedEntities)),
        Column<ClusterSummary>.Text("shared_figures", r => string.Join("; ", r.SharedFigures)),
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
}
