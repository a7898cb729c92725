using System.Diagnostics;
using System.Text;
using Analysis.Extraction.Entities;
using Analysis.Extraction.Quotes;
using Analysis.Extraction.Timeline;

namespace Analysis.Benchmarks;

/// <summary>
/// Throughput of entities + quotes + timeline together, single-threaded, on a loaded corpus (loading not timed;
/// default: the BBC corpus in ../shared). Goal: at least 5 MB/s of clean text. One warm-up pass, then the best of
/// three. Usage: <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- text [folder]</c>
/// </summary>
public static class TextBenchmark
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "..", "shared", "corpora", "bbc");
        if (!Directory.Exists(folder)) { Console.WriteLine($"Corpus not found at {folder}: nothing to measure."); return; }
        var corpus = Corpus.Load(folder);
        double mb = corpus.Articles.Sum(a => Encoding.UTF8.GetByteCount(a.Text)) / 1e6;
        (int, int, int) Once()
        {
            var entities = corpus.Entities();
            var quotes = corpus.Quotes(entities);
            var timeline = corpus.Timeline(entities);
            return (entities.Mentions.Count, quotes.Count, timeline.Entries.Count);
        }
        var counts = Once();
        double best = double.MaxValue;
        for (int i = 0; i < 3; i++)
        {
            var sw = Stopwatch.StartNew();
            Once();
            best = Math.Min(best, sw.Elapsed.TotalSeconds);
        }
        Console.WriteLine($"text: {corpus.Articles.Count} articles, {mb:F2} MB; {counts.Item1} entity mentions, {counts.Item2} quotes, {counts.Item3} dated expressions");
        Console.WriteLine($"text: entities+quotes+timeline {best:F3} s = {mb / best:F1} MB/s (goal ≥ 5 MB/s, single thread)");
    }
}
