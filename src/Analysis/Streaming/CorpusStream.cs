using Microsoft.Data.Analysis;
using System.Diagnostics;

namespace Analysis;

/// <summary>One share of a run split over several machines: share <see cref="Index"/> (from 0) of <see cref="Count"/>.</summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole corpus as one share.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Reads "i/N" (i from 0 to N−1); throws with the accepted form otherwise.</summary>
    public static Shard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i < n)
            return new Shard(i, n);
        throw new FormatException($"Shard '{text}' is not of the form i/N with 0 <= i < N (for example 0/4).");
    }

    /// <summary>
    /// True when the input named <paramref name="key"/> (its path relative to the corpus) belongs to this share: a
    /// stable hash of the name, so every machine agrees without talking to the others, and a rerun picks the same inputs.
    /// </summary>
    public bool Owns(string key)
    {
        if (Count == 1) return true;
        ulong h = 14695981039346656037UL;
        foreach (char c in key) { h ^= c; h *= 1099511628211UL; }
        // FNV-1a's low bits mix poorly: a finalizer spreads every input bit over the bits the modulo keeps.
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33;
        return (int)(h % (ulong)Count) == Index;
    }

    /// <summary>The part file name of this share ("part-0002-of-0004").</summary>
    public string PartName => $"part-{Index:D4}-of-{Count:D4}";

    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>Options for <see cref="CorpusStream"/>.</summary>
public sealed record StreamOptions
{
    /// <summary>Articles analysed together and then released (default 1,000): memory is bounded by one batch.</summary>
    public int BatchSize { get; init; } = 1000;
    /// <summary>The share of the inputs this run processes (default: all).</summary>
    public Shard Shard { get; init; } = Shard.All;
    /// <summary>The extractors' options, as for <see cref="AnalysisExtensions.Analyze"/>.</summary>
    public AnalysisOptions Analysis { get; init; } = new();
    /// <summary>Batches analysed at once (default: one per core); the output never depends on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Told after each batch, from the calling thread.</summary>
    public IProgress<StreamProgress>? Progress { get; init; }
}

/// <summary>Progress of a stream: articles and clean-text bytes done, time spent, and the rate.</summary>
public readonly record struct StreamProgress(long Articles, long Bytes, TimeSpan Elapsed, long? Total)
{
    /// <summary>Articles per second so far.</summary>
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
    /// <summary>Megabytes of clean text per second so far.</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;
    /// <summary>Time left at the current rate, when the total is known.</summary>
    public TimeSpan? Eta => Total is long t && ArticlesPerSecond > 0 ? TimeSpan.FromSeconds((t - Articles) / ArticlesPerSecond) : null;

    public override string ToString() =>
        $"{Articles:N0}{(Total is long t ? $" of {t:N0}" : "")} articles, {ArticlesPerSecond:N0}/s, {MegabytesPerSecond:N1} MB/s"
        + (Eta is { } eta ? $", about {eta:hh\\:mm\\:ss} left" : "");
}

/// <summary>What a stream wrote: rows per table, articles, time.</summary>
public sealed record StreamSummary(IReadOnlyDictionary<string, long> Rows, long Articles, long Bytes, TimeSpan Elapsed, string Folder);

/// <summary>
/// The analysis of a corpus too large for memory: articles are analysed in batches through the same
/// <see cref="CoverageAnalysis"/> a notebook uses, and each batch's per-article tables
/// (<see cref="TableScope.PerArticle"/>) are appended to Parquet files, one row group per batch:
/// <c>&lt;folder&gt;/parquet/&lt;table&gt;/part-i-of-N.parquet</c>. Tables that compare articles are built afterwards
/// over all the parts (<see cref="Merge"/>). Each article is read on its own (its names merged within it, a yearless
/// date dated from its own text), so a row never depends on the batch or shard an article fell in: shards merged give
/// the rows of one run.
/// </summary>
public static class CorpusStream
{
    /// <summary>
    /// Loads the corpus at <paramref name="corpusPath"/> chunk by chunk (<see cref="CorpusLoader.Stream"/>, reading only
    /// this shard's files) and analyses it into <paramref name="folder"/>; see the class summary. The load report of the
    /// shard's inputs is streamed too.
    /// </summary>
    public static StreamSummary Analyze(string corpusPath, string folder, StreamOptions? options = null, LoadOptions? load = null)
    {
        options ??= new StreamOptions();
        var shard = options.Shard;
        load = (load ?? new LoadOptions()) with { Include = rel => shard.Owns(rel) };
        int total = 0;
        IEnumerable<(IReadOnlyList<Article>, IReadOnlyList<LoadReportEntry>?)> Chunks()
        {
            foreach (var chunk in CorpusLoader.Stream(corpusPath, load, options.BatchSize))
            {
                total = chunk.Total;
                yield return (chunk.Articles, chunk.Report);
            }
        }
        return Run(Chunks(), folder, options, () => total);
    }

    /// <summary>Analyses <paramref name="articles"/> (enumerated once) into <paramref name="folder"/>; see the class summary.</summary>
    public static StreamSummary Analyze(IEnumerable<Article> articles, string folder, StreamOptions? options = null, long? total = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= new StreamOptions();
        var shard = options.Shard;
        int size = options.BatchSize;
        IEnumerable<(IReadOnlyList<Article>, IReadOnlyList<LoadReportEntry>?)> Batches()
        {
            var batch = new List<Article>(size);
            foreach (var a in articles)
            {
                if (!shard.Owns(string.IsNullOrEmpty(a.File) ? a.Id : a.File)) continue;
                batch.Add(a);
                if (batch.Count < size) continue;
                yield return (batch, null);
                batch = new List<Article>(size);
            }
            if (batch.Count > 0) yield return (batch, null);
        }
        return Run(Batches(), folder, options, () => total);
    }

    private static StreamSummary Run(IEnumerable<(IReadOnlyList<Article> Articles, IReadOnlyList<LoadReportEntry>? Report)> batches, string folder,
        StreamOptions options, Func<long?> total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        var writers = new Dictionary<string, ParquetTableWriter>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long done = 0, bytes = 0;
        try
        {
            // Batches are analysed a few at a time in parallel (one per core) and written in input order, so the
            // parts hold the rows in the same order whatever the core count; memory holds that many batches.
            var pending = new List<(IReadOnlyList<Article> Articles, IReadOnlyList<LoadReportEntry>? Report)>();
            void WritePending()
            {
                var frames = new List<(string Name, DataFrame Frame)>[pending.Count];
                Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, i =>
                    frames[i] = Corpus.Batch(pending[i].Articles, pending[i].Report).Analyze(options.Analysis).Tables
                        .Where(t => t.Scope == TableScope.PerArticle).Select(t => (t.Name, t.Build())).ToList());
                for (int i = 0; i < pending.Count; i++)
                {
                    foreach (var (name, frame) in frames[i])
                    {
                        if (!writers.TryGetValue(name, out var writer))
                        {
                            var dir = Path.Combine(folder, "parquet", name);
                            Directory.CreateDirectory(dir);
                            writers[name] = writer = new ParquetTableWriter(Path.Combine(dir, options.Shard.PartName + ".parquet"));
                        }
                        writer.Append(frame);
                    }
                    done += pending[i].Articles.Count;
                    bytes += pending[i].Articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Text));
                    options.Progress?.Report(new StreamProgress(done, bytes, clock.Elapsed, total()));
                }
                pending.Clear();
            }
            foreach (var batch in batches)
            {
                pending.Add(batch);
                if (pending.Count >= options.MaxDegreeOfParallelism) WritePending();
            }
            // A share with no input still writes its (empty) parts, so every share leaves the same files.
            if (pending.Count == 0 && writers.Count == 0) pending.Add(([], []));
            WritePending();
        }
        finally
        {
            foreach (var w in writers.Values) w.Dispose();
        }
        return new StreamSummary(writers.ToDictionary(w => w.Key, w => w.Value.Rows), done, bytes, clock.Elapsed, folder);
    }

    /// <summary>
    /// Joins the parts under <paramref name="folder"/> (from one run or from every shard) into one DuckDB database,
    /// one table per name, with the rows in article order; returns the row count of each table.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Merge(string folder)
    {
        var parquet = Path.Combine(folder, "parquet");
        if (!Directory.Exists(parquet)) throw new DirectoryNotFoundException($"No parts to merge: '{parquet}' does not exist.");
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using var db = TableStore.Open(Path.Combine(folder, TableStore.DatabaseFile));
        foreach (var dir in Directory.GetDirectories(parquet).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            var parts = Path.Combine(Path.GetFullPath(dir), "*.parquet").Replace("'", "''");
            using (var command = db.CreateCommand())
            {
                // Every column in order (article_id, or file for load_report, first): one order whatever the parts.
                command.CommandText = $"CREATE OR REPLACE TABLE \"{name}\" AS SELECT * FROM read_parquet('{parts}') ORDER BY ALL";
                command.ExecuteNonQuery();
            }
            using (var count = db.CreateCommand())
            {
                count.CommandText = $"SELECT count(*) FROM \"{name}\"";
                rows[name] = Convert.ToInt64(count.ExecuteScalar());
            }
        }
        return rows;
    }
}
