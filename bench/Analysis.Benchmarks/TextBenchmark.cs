using Analysis;
using System.Diagnostics;
using System.Text;

namespace Analysis.Benchmarks;

/// <summary>
/// Throughput of entities + quotes + timeline together, single-threaded, on a loaded corpus (loading not timed;
/// default: the BBC corpus in ../shared). Goal: at least 8.2 MB/s of clean text (issue 11: the speed before the annotated article). One warm-up pass, then the best of
/// three. Usage: <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- text [folder]</c>
/// </summary>
public static class TextBenchmark
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 1 && !args[1].StartsWith("--", StringComparison.Ordinal) ? args[1] : BenchPaths.SharedCorpus("bbc");
        if (!Directory.Exists(folder)) { Console.WriteLine($"Corpus not found at {folder}: nothing to measure."); return; }
        var corpus = Corpus.Load(folder);
        double mb = corpus.Articles.Sum(a => Encoding.UTF8.GetByteCount(a.Text)) / 1e6;
        (int, int, int) Once()
        {
            // A fresh corpus over the same articles each time: annotations are cached per corpus, and each run
            // must read the text (once, shared by the three extractors) as a first analysis would.
            var fresh = new Corpus(corpus.Articles);
            var entities = fresh.Entities();
            var quotes = fresh.Quotes();
            var timeline = fresh.Timeline();
            return (entities.Mentions.Count, quotes.Count, timeline.Entries.Count);
        }
        var counts = Once();
        // Wall time suffers when other processes share the cores; the process CPU time of the same run is printed
        // beside it (it includes the GC's background work, so it is not flattering).
        var process = Process.GetCurrentProcess();
        double bestWall = double.MaxValue, bestCpu = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            Once();
            bestWall = Math.Min(bestWall, sw.Elapsed.TotalSeconds);
            process.Refresh();
            bestCpu = Math.Min(bestCpu, (process.TotalProcessorTime - cpu).TotalSeconds);
        }
        if (args.Contains("--breakdown")) Breakdown(corpus, mb);
        Console.WriteLine($"text: {corpus.Articles.Count} articles, {mb:F2} MB; {counts.Item1} entity mentions, {counts.Item2} quotes, {counts.Item3} dated expressions");
        Console.WriteLine($"text: entities+quotes+timeline, one thread: wall {bestWall:F3} s = {mb / bestWall:F1} MB/s, " +
            $"cpu {bestCpu:F3} s = {mb / bestCpu:F1} MB/s (goal ≥ 8.2 MB/s; load average {LoadAverage()})");
    }

    /// <summary>
    /// Where the time goes: each layer timed on its own (process CPU time, best of three fresh corpora), in the order
    /// the extractors pull them: entity mentions (annotation), the corpus merge, dates, quotes, timeline; with the bytes
    /// each allocates, since garbage collection is a large share of the time.
    /// </summary>
    private static void Breakdown(Corpus corpus, double mb)
    {
        var steps = new (string Name, Action<Corpus> Run)[]
        {
            ("mentions (annotation)", c => { foreach (var a in c.Annotations) _ = a.Mentions; }),
            ("entity merge", c => c.Entities()),
            ("dates (annotation)", c => { foreach (var a in c.Annotations) _ = a.Dates; }),
            ("quotes", c => c.Quotes()),
            ("timeline", c => c.Timeline()),
        };
        var best = new double[steps.Length];
        var allocated = new long[steps.Length];
        Array.Fill(best, double.MaxValue);
        var process = Process.GetCurrentProcess();
        for (int round = 0; round < 3; round++)
        {
            var fresh = new Corpus(corpus.Articles);
            for (int i = 0; i < steps.Length; i++)
            {
                process.Refresh();
                var cpu = process.TotalProcessorTime;
                long bytes = GC.GetAllocatedBytesForCurrentThread();
                steps[i].Run(fresh);
                allocated[i] = GC.GetAllocatedBytesForCurrentThread() - bytes;
                process.Refresh();
                best[i] = Math.Min(best[i], (process.TotalProcessorTime - cpu).TotalSeconds);
            }
        }
        for (int i = 0; i < steps.Length; i++)
            Console.WriteLine($"text: {steps[i].Name,-24} cpu {best[i]:F3} s ({mb / best[i]:F1} MB/s alone), {allocated[i] / 1e6:F1} MB allocated");
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? File.ReadAllText("/proc/loadavg").Split(' ')[0] : "unknown";
}
