namespace Analysis;

/// <summary>The silhouette score of one candidate k (higher is better separated).</summary>
public sealed record KScore(int K, double Silhouette, bool Chosen);

/// <summary>What clustering a list of texts produced; rows of documents without any kept term are left out.</summary>
internal sealed class DocumentClusteringResult
{
    public required TfIdf Features { get; init; }
    /// <summary>Indices (into the input) of the documents that were clustered, in input order.</summary>
    public required int[] Used { get; init; }
    /// <summary>Features restricted to the used documents (row r = document Used[r]).</summary>
    public required SparseMatrix Matrix { get; init; }
    /// <summary>L2-normalised LSA vectors of the used documents, row-major.</summary>
    public required float[] Embedding { get; init; }
    public required int Dimensions { get; init; }
    public required int K { get; init; }
    /// <summary>Cluster per used document.</summary>
    public required int[] Labels { get; init; }
    public required IReadOnlyList<KScore> KScores { get; init; }
}

/// <summary>The pipeline shared by articles and paragraphs: TF-IDF → LSA → KMeans, k given or chosen by silhouette.</summary>
internal static class DocumentClustering
{
    public static DocumentClusteringResult Run(IReadOnlyList<string> texts, IReadOnlyList<string> ids, int? k, ClusterOptions options,
        string what, IReadOnlyList<EventDay?>? published = null, IReadOnlyList<AnnotatedArticle>? annotated = null)
    {
        if (texts.Count == 0) throw new ClusteringException($"Cannot cluster: there are no {what}s.");
        var features = TfIdf.Fit(texts, options.Features, published, annotated);
        var used = Enumerable.Range(0, texts.Count).Where(i => features.Matrix.RowStart[i + 1] > features.Matrix.RowStart[i]).ToArray();
        if (used.Length == 0)
            throw new ClusteringException(
                $"Cannot cluster: none of the {texts.Count} {what}s has any words left after stop words ({Sample(ids)}).");
        if (used.Length == 1)
            throw new ClusteringException(
                $"Cannot cluster a single {what} ('{ids[used[0]]}'): clustering needs at least two {what}s with words" +
                (texts.Count > 1 ? $"; the other {texts.Count - 1} are empty." : "."));
        if (k is { } given && (given < 2 || given > used.Length))
            throw new ClusteringException($"k = {given} is out of range: with {used.Length} {what}s that have words, k must be between 2 and {used.Length}.");

        var matrix = Rows(features.Matrix, used);
        var x = Lsa.Reduce(matrix, options.Dimensions, options.Seed, options.PowerIterations, out int d);
        int n = used.Length;

        if (k is { } fixedK)
        {
            var solution = KMeansEngine.Fit(x, n, d, fixedK, options.Seed, options.Initializations);
            return Result(features, used, matrix, x, d, fixedK, solution.Labels, []);
        }

        // Auto k: silhouette over 2..min(MaxK, n − 1); with two documents the only choice is two singletons.
        int maxK = Math.Min(options.MaxK, n - 1);
        if (maxK < 2) return Result(features, used, matrix, x, d, 2, Enumerable.Range(0, n).ToArray(), []);
        var silhouette = new Silhouette(x, n, d);
        var scored = new List<(int K, double Score, int[] Labels)>();
        for (int candidate = 2; candidate <= maxK; candidate++)
        {
            var s = KMeansEngine.Fit(x, n, d, candidate, options.Seed, options.Initializations);
            scored.Add((candidate, silhouette.Score(s.Labels, candidate), s.Labels));
        }
        var best = scored.OrderByDescending(s => s.Score).ThenBy(s => s.K).First();
        var scores = scored.Select(s => new KScore(s.K, s.Score, s.K == best.K)).ToList();
        return Result(features, used, matrix, x, d, best.K, best.Labels, scores);
    }

    /// <summary>The silhouette scores: those of the candidates when k was chosen, else the given k's alone.</summary>
    public static IReadOnlyList<KScore> Scores(DocumentClusteringResult r) => r.KScores.Count > 0 ? r.KScores
        : [new KScore(r.K, new Silhouette(r.Embedding, r.Used.Length, r.Dimensions).Score(r.Labels, r.K), true)];

    private static DocumentClusteringResult Result(TfIdf f, int[] used, SparseMatrix m, float[] x, int d, int k, int[] labels, IReadOnlyList<KScore> scores) =>
        new() { Features = f, Used = used, Matrix = m, Embedding = x, Dimensions = d, K = k, Labels = labels, KScores = scores };

    /// <summary>The rows <paramref name="rows"/> of <paramref name="m"/> as a new matrix (shares nothing).</summary>
    private static SparseMatrix Rows(SparseMatrix m, int[] rows)
    {
        if (rows.Length == m.Rows) return m;
        var start = new int[rows.Length + 1];
        for (int i = 0; i < rows.Length; i++) start[i + 1] = start[i] + m.RowColumns(rows[i]).Length;
        var cols = new int[start[^1]];
        var vals = new float[start[^1]];
        for (int i = 0; i < rows.Length; i++)
        {
            m.RowColumns(rows[i]).CopyTo(cols.AsSpan(start[i]));
            m.RowValues(rows[i]).CopyTo(vals.AsSpan(start[i]));
        }
        return new SparseMatrix(rows.Length, m.Cols, start, cols, vals);
    }

    private static string Sample(IReadOnlyList<string> ids) =>
        "ids: " + string.Join(", ", ids.Take(5)) + (ids.Count > 5 ? $", … {ids.Count - 5} more" : "");
}
