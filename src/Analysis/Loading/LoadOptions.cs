namespace Analysis;

/// <summary>Options for <see cref="Corpus.Load"/>.</summary>
public sealed record LoadOptions
{
    /// <summary>Files larger than this are skipped with a LoadReport row (default 20 MB).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// Metadata manifest (CSV with a <c>file</c> column and any of outlet, headline, published, byline, url).
    /// Null: use <c>manifest.csv</c> in the corpus folder when there is one. A relative path is taken from the
    /// corpus folder.
    /// </summary>
    public string? ManifestPath { get; init; }

    /// <summary>False to ignore any manifest.</summary>
    public bool UseManifest { get; init; } = true;

    /// <summary>Take the first line of a text file as its headline when it reads as one (default true).</summary>
    public bool DetectHeadlines { get; init; } = true;

    /// <summary>Files processed at once (default: one per core). Output order never depends on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;

    /// <summary>Told after each input file is processed (from worker threads).</summary>
    public IProgress<LoadProgress>? Progress { get; init; }
}

/// <summary>Progress of a load: <see cref="Done"/> of <see cref="Total"/> input files, the last one being <see cref="File"/>.</summary>
public readonly record struct LoadProgress(int Done, int Total, string File);
