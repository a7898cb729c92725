namespace Analysis;

/// <summary>Settings for clustering articles or paragraphs; the defaults are the ones benchmarked on BBC.</summary>
public sealed record ClusterOptions
{
    /// <summary>How texts become TF-IDF vectors.</summary>
    public TextFeatureOptions Features { get; init; } = new();
    /// <summary>LSA dimensions KMeans runs in (capped by the number of documents).</summary>
    public int Dimensions { get; init; } = 100;
    /// <summary>Power iterations of the randomized SVD: more is closer to the exact SVD and slower.</summary>
    public int PowerIterations { get; init; } = 2;
    /// <summary>
    /// KMeans++ initializations; the one with the lowest inertia wins. Above 10,000 documents fewer are run
    /// (documents × initializations ≤ 100,000, at least 2): on large corpora starts differ little and each costs a full fit.
    /// </summary>
    public int Initializations { get; init; } = 10;
    /// <summary>Seed for the SVD test matrix and the KMeans initializations: same seed, same clusters.</summary>
    public int Seed { get; init; } = 1;
    /// <summary>Largest k tried when k is chosen automatically (also capped at documents − 1).</summary>
    public int MaxK { get; init; } = 10;
    /// <summary>Number of top terms kept per cluster.</summary>
    public int TopTerms { get; init; } = 10;
}

/// <summary>Thrown when a corpus cannot be clustered (too few articles with words, k out of range), with the reason.</summary>
public sealed class ClusteringException(string message) : InvalidOperationException(message);
