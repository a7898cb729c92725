using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>One article's cluster and map position (cluster null when the article has no words to cluster).</summary>
public sealed record ClusterAssignment(string ArticleId, string Outlet, int? Cluster, string? ClusterTerms, double? X, double? Y) : IArticleRecord;

/// <summary>A term that characterises a cluster: its mean TF-IDF weight inside minus outside.</summary>
public sealed record ClusterTerm(int Cluster, int Rank, string Term, double Score, int Articles);

/// <summary>Why a cluster holds together: top terms, the names, figures and days most of its articles share, and its members.</summary>
public sealed record ClusterSummary(int Cluster, int Size, IReadOnlyList<string> TopTerms, IReadOnlyList<string> SharedEntities,
    IReadOnlyList<string> SharedFigures, IReadOnlyList<string> SharedDates, IReadOnlyList<string> ArticleIds);

/// <summary>A nearby article by TF-IDF cosine similarity.</summary>
public sealed record Neighbour(string ArticleId, string NeighbourId, double Similarity, bool SameCluster);

/// <summary>
/// Articles clustered by KMeans (ML.NET) on LSA-reduced TF-IDF vectors of their clean text, with explanations.
/// <code>var clusters = corpus.Cluster(k: 2); clusters.ToDataFrame()</code>
/// </summary>
public sealed class ArticleClusters
{
    private readonly IReadOnlyList<Article> _articles;
    private readonly IReadOnlyList<AnnotatedArticle> _annotated;
    private readonly DocumentClusteringResult _r;
    private readonly int _topTerms;
    private readonly Lazy<IReadOnlyList<ClusterTerm>> _terms;
    private readonly Lazy<IReadOnlyList<ClusterSummary>> _summary;
    private readonly Lazy<IReadOnlyList<ClusterAssignment>> _assignments;
    private readonly Lazy<SimilarityMatrix> _similarity;
    private readonly Lazy<IReadOnlyList<KScore>> _scores;

    internal ArticleClusters(IReadOnlyList<AnnotatedArticle> annotated, DocumentClusteringResult result, int topTerms)
    {
        _annotated = annotated;
        _articles = annotated.Select(a => a.Article).ToList();
        _r = result;
        _topTerms = topTerms;
        _terms = new(() => ClusterTerms.Top(_r.Matrix, _r.Features, _r.Labels, _r.K, _topTerms));
        _summary = new(BuildSummary);
        _assignments = new(BuildAssignments);
        _scores = new(() => DocumentClustering.Scores(_r));
        _similarity = new(() => SimilarityMatrix.Of(_r.Matrix, _r.Used.Select(i => _articles[i].Id).ToArray()));
    }

    /// <summary>Number of clusters (given, or chosen by silhouette).</summary>
    public int K => _r.K;
    /// <summary>Mean silhouette per candidate k when k was chosen automatically, else of the given k alone.</summary>
    public IReadOnlyList<KScore> KScores => _scores.Value;
    /// <summary>One row per article, in corpus order.</summary>
    public IReadOnlyList<ClusterAssignment> Assignments => _assignments.Value;
    /// <summary>Top terms per cluster, best first.</summary>
    public IReadOnlyList<ClusterTerm> Terms => _terms.Value;
    /// <summary>One explanation per non-empty cluster.</summary>
    public IReadOnlyList<ClusterSummary> Summary => _summary.Value;
    /// <summary>Article-by-article cosine similarity of the TF-IDF vectors (articles with words only).</summary>
    public SimilarityMatrix Similarity => _similarity.Value;

    /// <summary>The cluster of <paramref name="articleId"/>, or null when it was not clustered.</summary>
    public int? ClusterOf(string articleId) => Assignments.FirstOrDefault(a => a.ArticleId == articleId)?.Cluster
        ?? (_articles.Any(a => a.Id == articleId) ? null : throw new KeyNotFoundException($"No article '{articleId}' in the corpus."));

    /// <summary>
    /// The <paramref name="count"/> most similar other articles to <paramref name="articleId"/>, most similar first;
    /// none for an article left out of clustering (no words to compare: its assignment has no cluster).
    /// </summary>
    public IReadOnlyList<Neighbour> Neighbours(string articleId, int count = 5)
    {
        int row = Array.FindIndex(_r.Used, i => _articles[i].Id == articleId);
        if (row < 0)
            return _articles.Any(a => a.Id == articleId) ? [] : throw new KeyNotFoundException($"No article '{articleId}' in the corpus.");
        var similarity = _r.Matrix.DotWithEveryRow(row);
        return Enumerable.Range(0, _r.Used.Length).Where(j => j != row)
            .Select(j => (j, Sim: (double)similarity[j]))
            .OrderByDescending(p => p.Sim).ThenBy(p => p.j).Take(count)
            .Select(p => new Neighbour(articleId, _articles[_r.Used[p.j]].Id, Math.Round(p.Sim, 6), _r.Labels[p.j] == _r.Labels[row]))
            .ToList();
    }

    /// <summary>clusters table: article_id, cluster, cluster_terms, x, y.</summary>
    public DataFrame ToDataFrame() => Assignments.ToDataFrame();

    public override string ToString() =>
        $"{K} clusters of {_r.Used.Length} articles: " + string.Join("; ", Summary.Select(s => $"{s.Cluster} ({s.Size}) {string.Join(", ", s.TopTerms.Take(3))}"));

    /// <summary>The labels of the clustered articles, in corpus order (for metrics).</summary>
    internal IReadOnlyList<int> Labels => _r.Labels;

    private IReadOnlyList<ClusterAssignment> BuildAssignments()
    {
        var (xs, ys) = Map2D.Project(_r.Embedding, _r.Used.Length, _r.Dimensions);
        var label = Terms.GroupBy(t => t.Cluster).ToDictionary(g => g.Key, g => string.Join(", ", g.Take(5).Select(t => t.Term)));
        var rowOf = new int[_articles.Count];
        Array.Fill(rowOf, -1);
        for (int r = 0; r < _r.Used.Length; r++) rowOf[_r.Used[r]] = r;
        return _articles.Select((a, i) => rowOf[i] is var r && r >= 0
                ? new ClusterAssignment(a.Id, a.OutletOrId, _r.Labels[r], label[_r.Labels[r]], Math.Round(xs[r], 6), Math.Round(ys[r], 6))
                : new ClusterAssignment(a.Id, a.OutletOrId, null, null, null, null))
            .ToList();
    }

    private IReadOnlyList<ClusterSummary> BuildSummary()
    {
        var used = _r.Used.Select(i => _annotated[i]).ToList();
        var entities = ArticleMentions.Shared(used.Select(ArticleMentions.Names).ToList(), _r.Labels, _r.K, 8);
        var figures = ArticleMentions.Shared(used.Select(ArticleMentions.Figures).ToList(), _r.Labels, _r.K, 8);
        var dates = ArticleMentions.Shared(used.Select(a => ArticleMentions.Days(a).ToHashSet()).ToList(), _r.Labels, _r.K, 8);
        return Enumerable.Range(0, _r.K)
            .Select(c => (c, Members: Enumerable.Range(0, _r.Used.Length).Where(r => _r.Labels[r] == c).Select(r => _articles[_r.Used[r]].Id).ToList()))
            .Where(p => p.Members.Count > 0)
            .Select(p => new ClusterSummary(p.c, p.Members.Count, Terms.Where(t => t.Cluster == p.c).Select(t => t.Term).ToList(),
                entities[p.c], figures[p.c], dates[p.c], p.Members))
            .ToList();
    }
}

/// <summary>Characteristic terms of groups of TF-IDF rows.</summary>
internal static class ClusterTerms
{
    /// <summary>Top word terms per group (names and days are reported by <see cref="ArticleMentions"/> instead).</summary>
    public static IReadOnlyList<ClusterTerm> Top(SparseMatrix m, TfIdf features, int[] labels, int k, int top)
    {
        var terms = features.Terms;
        var sums = new double[k, m.Cols];
        var docs = new int[k, m.Cols];
        var size = new int[k];
        var total = new double[m.Cols];
        for (int r = 0; r < m.Rows; r++)
        {
            int c = labels[r];
            size[c]++;
            var cols = m.RowColumns(r); var vals = m.RowValues(r);
            for (int p = 0; p < cols.Length; p++)
            {
                sums[c, cols[p]] += vals[p];
                docs[c, cols[p]]++;
                total[cols[p]] += vals[p];
            }
        }
        var result = new List<ClusterTerm>();
        for (int c = 0; c < k; c++)
        {
            if (size[c] == 0) continue;
            int others = m.Rows - size[c];
            int cluster = c;
            var best = Enumerable.Range(0, features.WordColumns)
                .Where(t => docs[cluster, t] > 0)
                .Select(t => (t, Score: sums[cluster, t] / size[cluster] - (others > 0 ? (total[t] - sums[cluster, t]) / others : 0)))
                .OrderByDescending(p => p.Score).ThenBy(p => p.t).Take(top).ToList();
            for (int i = 0; i < best.Count; i++)
                result.Add(new ClusterTerm(c, i + 1, terms[best[i].t], Math.Round(best[i].Score, 6), docs[c, best[i].t]));
        }
        return result;
    }
}

/// <summary>2-D coordinates for a map: the first two principal components of the (centred) LSA vectors.</summary>
internal static class Map2D
{
    public static (double[] X, double[] Y) Project(float[] x, int n, int d)
    {
        var mean = new double[d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) mean[j] += x[i * d + j] / (double)n;
        var centred = new float[n * d];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++) centred[i * d + j] = (float)(x[i * d + j] - mean[j]);
        var (_, vectors) = Eigen.Symmetric(Lsa.Gram(centred, n, d), d);
        var xs = new double[n]; var ys = new double[n];
        for (int i = 0; i < n; i++)
            for (int j = 0; j < d; j++)
            {
                xs[i] += centred[i * d + j] * vectors[j * d];
                if (d > 1) ys[i] += centred[i * d + j] * vectors[j * d + 1];
            }
        FixSign(xs); FixSign(ys);
        return (xs, ys);
    }

    /// <summary>Components have no sign: make the largest coordinate positive so the map does not flip.</summary>
    private static void FixSign(double[] v)
    {
        double best = 0;
        foreach (double e in v)
            if (Math.Abs(e) > Math.Abs(best)) best = e;
        if (best < 0)
            for (int i = 0; i < v.Length; i++) v[i] = -v[i];
    }
}
