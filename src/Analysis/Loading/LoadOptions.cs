namespace Analysis;

/// <summary>Options for <see cref="Corpus.Load"/>.</summary>
public sealed record LoadOptions
{
    /// <summary>
    /// Files larger than this are skipped with a LoadReport row (default 20 MB). Enforced while reading, so a file
    /// that grows, or reports no length, is never read past it.
    /// </summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;

    /// <summary>
    /// Follow symbolic links to folders (default false: such a link gets a skipped LoadReport row). When true, a folder
    /// reached a second time (a link loop, or two links to one folder) is walked once and the repeat is reported.
    /// Links to files are always followed.
    /// </summary>
    public bool FollowDirectoryLinks { get; init; }

    /// <summary>
    /// HTML pages whose elements nest deeper than this are skipped with a LoadReport row (default 512, the depth at
    /// which browsers' HTML parsers stop nesting). Article pages nest a few dozen levels; the readability scoring's
    /// cost grows about with the cube of the depth.
    /// </summary>
    public int MaxHtmlDepth { get; init; } = 512;

    /// <summary>
    /// Time one HTML page may take to parse and score (default 30 s; a news page takes tens of milliseconds). A page
    /// over it is skipped with a LoadReport row; its parse is left to finish in the background.
    /// </summary>
    public TimeSpan HtmlTimeBudget { get; init; } = TimeSpan.FromSeconds(30);

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

    /// <summary>
    /// Only the inputs whose path relative to the corpus folder passes are read (null: all); the others get no row.
    /// A shard of a split run (<see cref="Shard.Owns"/>) reads only its own files this way.
    /// </summary>
    public Func<string, bool>? Include { get; init; }

    /// <summary>Told after each input file is processed (from worker threads).</summary>
    public IProgress<LoadProgress>? Progress { get; init; }
}

/// <summary>Progress of a load: <see cref="Done"/> of <see cref="Total"/> input files, the last one being <see cref="File"/>.</summary>
public readonly record struct LoadProgress(int Done, int Total, string File);
