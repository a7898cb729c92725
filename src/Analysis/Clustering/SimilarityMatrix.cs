using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>Article-by-article cosine similarity of TF-IDF vectors (1 on the diagonal, symmetric).</summary>
public sealed class SimilarityMatrix
{
    /// <summary>Largest matrix built on request: beyond it, ask <see cref="ArticleClusters.Neighbours"/> instead.</summary>
    public const int MaxArticles = 5000;

    private readonly Dictionary<string, int> _index;

    /// <summary>Article ids in row (and column) order.</summary>
    public IReadOnlyList<string> ArticleIds { get; }
    /// <summary>Values[i][j] = similarity of ArticleIds[i] and ArticleIds[j].</summary>
    public IReadOnlyList<double[]> Values { get; }

    private SimilarityMatrix(string[] ids, double[][] values)
    {
        ArticleIds = ids;
        Values = values;
        _index = ids.Select((id, i) => (id, i)).ToDictionary(p => p.id, p => p.i, StringComparer.Ordinal);
    }

    internal static SimilarityMatrix Of(SparseMatrix m, string[] ids)
    {
        if (m.Rows > MaxArticles)
            throw new ClusteringException($"A similarity matrix of {m.Rows} articles would hold {(long)m.Rows * m.Rows:N0} values; " +
                $"it is built for up to {MaxArticles} articles. Use Neighbours(articleId) for large corpora.");
        var v = new double[m.Rows][];
        for (int i = 0; i < m.Rows; i++) v[i] = new double[m.Rows];
        Parallel.For(0, m.Rows, i =>
        {
            v[i][i] = 1;
            for (int j = i + 1; j < m.Rows; j++) v[i][j] = Math.Round(m.Dot(i, j), 6);
        });
        for (int i = 0; i < m.Rows; i++)
            for (int j = 0; j < i; j++) v[i][j] = v[j][i];
        return new SimilarityMatrix(ids, v);
    }

    /// <summary>Similarity of two articles by id.</summary>
    public double this[string a, string b] => Values[Row(a)][Row(b)];

    private int Row(string id) => _index.TryGetValue(id, out int i) ? i
        : throw new KeyNotFoundException($"Article '{id}' is not in the similarity matrix (unknown, or it had no words).");

    /// <summary>Wide table: article_id, then one column per article id.</summary>
    public DataFrame ToDataFrame() => TableBuilder.Build(Enumerable.Range(0, ArticleIds.Count),
        [Column<int>.Text("article_id", i => ArticleIds[i]),
         .. ArticleIds.Select((id, j) => Column<int>.Double(id, i => Values[i][j]))]);
}
