using Analysis.Model;

namespace Analysis.Clustering;

/// <summary>Notebook entry points: <c>corpus.Cluster()</c>, <c>corpus.NearDuplicateParagraphs()</c>, <c>corpus.Themes()</c>.</summary>
public static class ClusteringExtensions
{
    /// <summary>
    /// Clusters the articles on their clean text. <paramref name="k"/> null chooses k by silhouette
    /// (2 … min(MaxK, articles − 1)). Same input and options, same clusters. Articles without words are listed
    /// with no cluster; fewer than two articles with words throw a <see cref="ClusteringException"/>.
    /// </summary>
    public static ArticleClusters Cluster(this Corpus corpus, int? k = null, ClusterOptions? options = null) =>
        corpus.Articles.Cluster(k, options);

    /// <inheritdoc cref="Cluster(Corpus, int?, ClusterOptions?)"/>
    public static ArticleClusters Cluster(this IReadOnlyList<Article> articles, int? k = null, ClusterOptions? options = null)
    {
        options ??= new ClusterOptions();
        var result = DocumentClustering.Run(articles.Select(a => a.Text).ToList(), articles.Select(a => a.Id).ToList(), k, options, "article");
        return new ArticleClusters(articles, result, options.TopTerms);
    }
}
