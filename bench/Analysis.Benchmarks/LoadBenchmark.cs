using System.Diagnostics;
using Analysis;

namespace Analysis.Benchmarks;

/// <summary>
/// Loads, cleans and segments a corpus (default: the BBC corpus in ../shared) several times and prints wall time,
/// CPU time, throughput and peak working set. Usage: <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- load [folder] [runs]</c>
/// </summary>
public static class LoadBenchmark
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : BenchPaths.SharedCorpus("bbc");
        int runs = args.Length > 2 ? int.Parse(args[2]) : 10;
        if (!Directory.Exists(folder)) { Console.WriteLine($"Corpus not found at {folder}: nothing to measure."); return; }
        long bytes = Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Sum(f => new FileInfo(f).Length);
        var process = Process.GetCurrentProcess();
        Console.WriteLine($"corpus: {Path.GetFullPath(folder)} ({bytes / 1e6:F2} MB), {Environment.ProcessorCount} cores, {runs} warm runs after one cold run");
        var walls = new List<double>();
        long heapBefore = GC.GetTotalMemory(true);
        process.Refresh();
        long baseline = process.WorkingSet64;
        for (int run = 0; run <= runs; run++)
        {
            var cpu = process.TotalProcessorTime;
            var gcPause = GC.GetTotalPauseDuration();
            long allocated = GC.GetTotalAllocatedBytes(true);
            var sw = Stopwatch.StartNew();
            var corpus = Corpus.Load(folder);
            sw.Stop();
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            Console.WriteLine($"{(run == 0 ? "cold" : $"warm {run}")}: {corpus.Articles.Count} articles, {corpus.Articles.Sum(a => a.Sentences.Count)} sentences, " +
                $"wall {sw.Elapsed.TotalSeconds:F3} s, cpu {cpuSeconds:F3} s, gc pauses {(GC.GetTotalPauseDuration() - gcPause).TotalSeconds:F3} s, " +
                $"allocated {(GC.GetTotalAllocatedBytes(true) - allocated) / 1e6:F0} MB, " +
                $"{bytes / 1e6 / sw.Elapsed.TotalSeconds:F1} MB/s");
            if (run > 0) walls.Add(sw.Elapsed.TotalSeconds);
            if (run == 0)
            {
                long retained = GC.GetTotalMemory(true) - heapBefore;
                long grown = process.PeakWorkingSet64 - baseline;
                Console.WriteLine($"  after the cold run: peak working set {process.PeakWorkingSet64 / 1e6:F0} MB, {grown / 1e6:F0} MB above the " +
                    $"{baseline / 1e6:F0} MB before loading ({grown / (double)bytes:F1}x corpus); corpus objects kept {retained / 1e6:F0} MB ({retained / (double)bytes:F1}x corpus)");
            }
            GC.KeepAlive(corpus);
        }
        process.Refresh();
        walls.Sort();
        double median = walls[walls.Count / 2];
        Console.WriteLine($"warm wall: median {median:F3} s = {bytes / 1e6 / median:F1} MB/s, best {walls[0]:F3} s = {bytes / 1e6 / walls[0]:F1} MB/s; " +
            $"peak working set over all runs {process.PeakWorkingSet64 / 1e6:F0} MB");
    }
}
