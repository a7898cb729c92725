using System.Diagnostics;
using System.Text;

namespace Analysis.Benchmarks;

/// <summary>
/// <c>stream [SIZES] [--work DIR]</c>: builds corpora of N articles from the BBC and AllSides texts (unique ids, shuffled,
/// one file each in folders of 1,000) and streams each through load + clean + annotate + figures + quotes + entities
/// + timeline to Parquet, printing articles/s, MB/s, CPU time and the process's peak RSS per size. Default sizes
/// 10000,100000; pass 1000000 for the million. Each size runs in a child process so peak memory is its own.
/// <c>merge [SIZES] [--work DIR]</c>: the merge of those streams with the cross-article tables (stories over every
/// article, reconciliation and shared quotations per story), streaming first when a size has no output yet; prints
/// each step's time and managed memory and the merge process's peak RSS.
/// </summary>
public static class StreamBenchmark
{
    public static void Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "--child") { Child(args[2], args[3]); return; }
        if (args.Length > 1 && args[1] == "--merge-child") { MergeChild(args[2], args[3]); return; }
        bool merge = args[0] == "merge";
        var sizes = args.Skip(1).FirstOrDefault(a => !a.StartsWith("--"))?.Split(',').Select(int.Parse).ToArray() ?? [10_000, 100_000];
        int w = Array.IndexOf(args, "--work");
        var work = w > 0 ? args[w + 1] : Path.Combine(Path.GetTempPath(), "analysis-stream-bench");
        var shared = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "..", "shared", "corpora");
        var sources = new[] { Path.Combine(shared, "bbc"), Path.Combine(shared, "allsides", "articles") }.Where(Directory.Exists).ToArray();
        if (sources.Length == 0) { Console.WriteLine($"No corpus under {shared}: nothing to measure."); return; }

        var texts = sources.SelectMany(s => Directory.EnumerateFiles(s, "*.txt", SearchOption.AllDirectories))
            .Where(f => !Path.GetFileName(f).Equals("README.TXT", StringComparison.OrdinalIgnoreCase))
            .Select(File.ReadAllBytes).ToArray();
        Console.WriteLine($"Stream benchmark: {texts.Length:N0} source texts, {Environment.ProcessorCount} cores, load {Load()}");
        Console.WriteLine("articles     MB    wall s   CPU s   articles/s   MB/s   peak RSS MB");
        foreach (var n in sizes)
        {
            var corpus = Path.Combine(work, $"corpus-{n}");
            if (!Directory.Exists(corpus)) Generate(texts, n, corpus);
            var output = Path.Combine(work, $"out-{n}");
            if (!merge || !File.Exists(Path.Combine(output, "done")))
            {
                if (Directory.Exists(output)) Directory.Delete(output, true);
                Console.WriteLine(RunChild("--child", corpus, output));
                File.WriteAllText(Path.Combine(output, "done"), "");
            }
            if (merge) Console.WriteLine(RunChild("--merge-child", corpus, output));
        }
        Console.WriteLine($"(machine load after: {Load()})");
    }

    private static string RunChild(string mode, string corpus, string output)
    {
        using var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [typeof(StreamBenchmark).Assembly.Location, "stream", mode, corpus, output])
            { RedirectStandardOutput = true, UseShellExecute = false })!;
        var text = child.StandardOutput.ReadToEnd().TrimEnd();
        child.WaitForExit();
        return text;
    }

    private static void MergeChild(string corpus, string output)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var clock = Stopwatch.StartNew();
        MergeSummary summary;
        try { summary = CorpusStream.Merge(output, corpus); }
        catch (OutOfMemoryException e)
        {
            // Under a heap limit (DOTNET_GCHeapHardLimit): where the merge ran out, and what it had reached.
            Console.WriteLine($"merge ran out of memory after {clock.Elapsed.TotalSeconds:N1} s, peak RSS {Process.GetCurrentProcess().PeakWorkingSet64 / 1048576.0:N0} MB, in:\n{e.StackTrace}");
            return;
        }
        var p = Process.GetCurrentProcess();
        Console.WriteLine($"merge of {summary.Rows["articles"]:N0} articles with the cross-article tables: {clock.Elapsed.TotalSeconds:N1} s wall, "
            + $"{(p.TotalProcessorTime - cpu).TotalSeconds:N1} s CPU, peak RSS {p.PeakWorkingSet64 / 1048576.0:N0} MB (load {Load()})");
        foreach (var step in summary.Steps) Console.WriteLine($"  {step}");
        Console.WriteLine("  rows: " + string.Join(", ", summary.Rows.Select(r => $"{r.Key} {r.Value:N0}")));
        using var db = TableStore.Open(Path.Combine(output, TableStore.DatabaseFile));
        var stories = db.Query("SELECT count(DISTINCT story) AS stories, count(*) FILTER (WHERE story_size > 1) AS grouped, max(story_size) AS largest FROM stories");
        Console.WriteLine($"  stories: {stories.Columns[0][0]:N0}, articles in stories of 2 or more: {stories.Columns[1][0]:N0}, largest story: {stories.Columns[2][0]:N0} articles");
        // The peer a user would reach for, scikit-learn's agglomerative clustering, needs the dense n × n distances.
        long n = summary.Rows["articles"];
        Console.WriteLine($"  (scikit-learn AgglomerativeClustering on the same articles would need the dense {n:N0} x {n:N0} float64 distances: {n * n * 8 / 1e9:N0} GB)");
    }

    private static void Child(string corpus, string output)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var summary = CorpusStream.Analyze(corpus, output, new StreamOptions { BatchSize = 1000 });
        var p = Process.GetCurrentProcess();
        double s = summary.Elapsed.TotalSeconds;
        Console.WriteLine($"{summary.Articles,9:N0} {summary.Bytes / 1e6,7:N0} {s,8:N1} {(p.TotalProcessorTime - cpu).TotalSeconds,7:N1} {summary.Articles / s,11:N0} {summary.Bytes / 1e6 / s,6:N2} {p.PeakWorkingSet64 / 1048576.0,12:N0}");
    }

    /// <summary>N files, ids unique ("a0000123"), texts drawn with a fixed seed so every run measures the same corpus.</summary>
    private static void Generate(byte[][] texts, int n, string folder)
    {
        var random = new Random(20261201);
        var order = Enumerable.Range(0, n).Select(i => texts[random.Next(texts.Length)]).ToArray();
        Parallel.For(0, (n + 999) / 1000, d =>
        {
            var dir = Path.Combine(folder, $"{d:D4}");
            Directory.CreateDirectory(dir);
            for (int i = d * 1000; i < Math.Min(n, (d + 1) * 1000); i++) File.WriteAllBytes(Path.Combine(dir, $"a{i:D7}.txt"), order[i]);
        });
    }

    private static string Load() => File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";
}
