
namespace Analysis;

/// <summary>Notebook entry points: <c>corpus.Cluster()</c>, <c>corpus.NearDuplicateParagraphs()</c>, <c>corpus.Themes()</c>.</summary>
public static class ClusteringExtensions
{
    /// <summary>
    /// Clusters the articles on their clean text. <paramref name="k"/> null chooses k by silhouette
    /// (2 … min(MaxK, articles − 1)). Same input and options, same clusters. Articles without words are listed
    /// with no cluster; fewer than two articles with words throw a <see cref="ClusteringException"/>.
    /// </summary>
    public static ArticleClusters Cluster(this Corpus corpus, int? k = null, ClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return Cluster(corpus.Annotations, k, options);
    }

    /// <inheritdoc cref="Cluster(Corpus, int?, ClusterOptions?)"/>
    public static ArticleClusters Cluster(this IReadOnlyList<Article> articles, int? k = null, ClusterOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        return Cluster(articles.Select(a => new AnnotatedArticle(a, Gazetteer.Default)).ToList(), k, options);
    }

    private static ArticleClusters Cluster(IReadOnlyList<AnnotatedArticle> annotated, int? k, ClusterOptions? options)
    {
        options ??= new ClusterOptions();
        var result = DocumentClustering.Run(annotated.Select(a => a.Text).ToList(), annotated.Select(a => a.Id).ToList(), k, options, "article",
            annotated.Select(EventDates.Of).ToList(), annotated);
        return new ArticleClusters(annotated, result, options.TopTerms);
    }

    /// <summary>
    /// Paragraphs repeated (nearly word for word) across articles, grouped: Jaccard similarity of their 3-word
    /// shingles of content words at least <paramref name="minSimilarity"/>; paragraphs under <paramref name="minWords"/>
    /// content words are ignored (datelines, captions).
    /// </summary>
    public static IReadOnlyList<NearDuplicateParagraph> NearDuplicateParagraphs(this Corpus corpus, double minSimilarity = 0.5, int minWords = 8) =>
        NearDuplicates.Find(corpus.Articles, minSimilarity, minWords);

    /// <summary>
    /// Clusters paragraphs of at least <paramref name="minWords"/> words across the corpus into themes labelled by
    /// their top terms; <paramref name="k"/> null chooses k by silhouette. Words only (no names or days), so themes
    /// follow subjects rather than events.
    /// </summary>
    public static ParagraphThemes Themes(this Corpus corpus, int? k = null, int minWords = 15, ClusterOptions? options = null) =>
        ParagraphThemes.Build(corpus.Articles, k, minWords,
            // Three KMeans starts per k rather than ten: themes are a view of thousands of paragraphs, where starts
            // differ little, and choosing k fits every candidate (notebook 02 spent 15 s here on BBC).
            options ?? new ClusterOptions { Initializations = 3, Features = new TextFeatureOptions { DateWeight = 0, EntityWeight = 0, TimeWeight = 0 } });
}
