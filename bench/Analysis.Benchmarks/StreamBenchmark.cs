using System.Diagnostics;
using System.Text;

namespace Analysis.Benchmarks;

/// <summary>
/// <c>stream [SIZES] [--work DIR]</c>: builds corpora of N articles from the BBC and AllSides texts (unique ids, shuffled,
/// one file each in folders of 1,000) and streams each through load + clean + annotate + figures + quotes + entities
/// + timeline to Parquet, printing articles/s, MB/s, CPU time and the process's peak RSS per size. Default sizes
/// 10000,100000; pass 1000000 for the million. Each size runs in a child process so peak memory is its own.
/// </summary>
public static class StreamBenchmark
{
    public static void Run(string[] args)
    {
        if (args.Length > 1 && args[1] == "--child") { Child(args[2], args[3]); return; }
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
            if (Directory.Exists(output)) Directory.Delete(output, true);
            var child = Process.Start(new ProcessStartInfo(Environment.ProcessPath!, [typeof(StreamBenchmark).Assembly.Location, "stream", "--child", corpus, output])
                { RedirectStandardOutput = true, UseShellExecute = false })!;
            Console.WriteLine(child.StandardOutput.ReadToEnd().TrimEnd());
            child.WaitForExit();
        }
        Console.WriteLine($"(machine load after: {Load()})");
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
