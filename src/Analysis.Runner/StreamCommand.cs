using System.Diagnostics;
using Analysis;

/// <summary>
/// <c>stream</c> and <c>merge</c>: the analysis of a corpus larger than memory, or split over machines, without the
/// notebooks. <c>stream --corpus PATH --out DIR [--shard i/N] [--batch N]</c> writes this share's per-article tables
/// as Parquet parts; <c>merge --out DIR [--corpus PATH]</c> joins every share's parts into one DuckDB database and,
/// given the corpus, builds the tables that compare articles (stories, reconciliation, shared quotations).
/// </summary>
internal static class StreamCommand
{
    public const string Usage = """
        usage: Analysis.Runner stream --corpus PATH --out DIR [--shard i/N] [--batch N]
               Analysis.Runner merge --out DIR [--corpus PATH] [--batch N]
          stream   analyses the corpus in batches (default 1000 articles) and appends each per-article table to
                   DIR/parquet/<table>/part-i-of-N.parquet; with --shard only share i of N of the files is read
          merge    joins the parts of every share under DIR into DIR/analysis.duckdb (one table per name); with
                   --corpus (the whole corpus the shards read) it also groups the articles into stories and builds
                   the stories, reconciliation and shared_quotations tables over every share's rows (--batch:
                   files read at a time while it loads the corpus again for story grouping)
        """;

    public static int Run(string command, string[] args)
    {
        string? corpus = null, output = null;
        var shard = Shard.All;
        int batch = 1000;
        for (int i = 0; i < args.Length; i++)
        {
            if (i + 1 == args.Length && args[i] is "--corpus" or "--out" or "--shard" or "--batch") return Fail($"{args[i]} needs a value");
            switch (args[i])
            {
                case "--corpus": corpus = Path.GetFullPath(args[++i]); break;
                case "--out": output = Path.GetFullPath(args[++i]); break;
                case "--shard":
                    try { shard = Shard.Parse(args[++i]); }
                    catch (FormatException e) { return Fail(e.Message); }
                    break;
                case "--batch" when int.TryParse(args[i + 1], out int n) && n > 0: batch = n; i++; break;
                case "--batch": return Fail($"--batch expects a positive number, got '{args[i + 1]}'");
                case "-h" or "--help": Console.WriteLine(Usage); return 0;
                default: return Fail($"unknown argument '{args[i]}'");
            }
        }
        if (output is null) return Fail("--out is required");
        try
        {
            if (command == "merge")
            {
                if (shard != Shard.All) return Fail("merge takes no --shard: it joins every share");
                var merging = Stopwatch.StartNew();
                var merged = corpus is null ? new MergeSummary(CorpusStream.Merge(output), [])
                    : CorpusStream.Merge(output, corpus, new StreamOptions { BatchSize = batch });
                foreach (var step in merged.Steps) Console.WriteLine($"  {step}");
                foreach (var (table, rows) in merged.Rows) Console.WriteLine($"{table}: {rows:N0} rows");
                Console.WriteLine($"Database: {Path.Combine(output, TableStore.DatabaseFile)}");
                Console.WriteLine($"Merged in {merging.Elapsed.TotalSeconds:N1} s; peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB"
                    + (corpus is null ? " (no --corpus: stories, reconciliation and shared_quotations not built)" : ""));
                return 0;
            }
            if (corpus is null) return Fail("--corpus is required");
            var clock = Stopwatch.StartNew();
            var last = TimeSpan.Zero;
            var progress = new Progress(p =>
            {
                if (clock.Elapsed - last < TimeSpan.FromSeconds(5)) return;
                last = clock.Elapsed;
                Console.WriteLine($"  {p}");
            });
            var summary = CorpusStream.Analyze(corpus, output, new StreamOptions { BatchSize = batch, Shard = shard, Progress = progress });
            Console.WriteLine($"Shard {shard}: {summary.Articles:N0} articles ({summary.Bytes / 1e6:N1} MB of text) in {summary.Elapsed.TotalSeconds:N1} s, "
                + $"{summary.Articles / Math.Max(summary.Elapsed.TotalSeconds, 1e-9):N0} articles/s; CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:N1} s; "
                + $"peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB");
            foreach (var (table, rows) in summary.Rows) Console.WriteLine($"  {table}: {rows:N0} rows");
            return 0;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or InvalidDataException)
        {
            Console.Error.WriteLine($"{command} failed: {e.Message}");
            return 1;
        }
    }

    private static int Fail(string message)
    {
        Console.Error.WriteLine(message);
        Console.Error.WriteLine(Usage);
        return 2;
    }

    /// <summary>Reports on the calling thread (the stream reports between batches), unlike <see cref="Progress{T}"/>.</summary>
    private sealed class Progress(Action<StreamProgress> report) : IProgress<StreamProgress>
    {
        public void Report(StreamProgress value) => report(value);
    }
}
