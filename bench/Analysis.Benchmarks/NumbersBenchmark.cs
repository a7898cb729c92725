using System.Diagnostics;
using System.Text;
using Analysis;
using Analysis.Tests.Extraction.Numbers;

namespace Analysis.Benchmarks;

/// <summary>
/// The number layer's accuracy on the labelled articles (development and held-out parts: value P/R/F1, qualifier and
/// kind accuracy) and its speed on BBC. Usage: <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- numbers [--errors] [--heldout-errors]</c>.
/// </summary>
internal static class NumbersBenchmark
{
    public static void Run(string[] args)
    {
        var root = RepositoryPaths.Root();
        foreach (var split in new[] { "dev", "heldout" })
        {
            var errors = new List<string>();
            var score = NumberEvaluation.Score(root, split, errors);
            Console.WriteLine($"numbers {split,-8}: {score}");
            var seeds = NumberEvaluation.Score(root, split, null, a => a.StartsWith("seeds/", StringComparison.Ordinal));
            Console.WriteLine($"numbers {split,-8} seeds only: {seeds}");
            // Held-out errors are shown only on request: reading them is how a held-out set stops being held out.
            if (split == "dev" && args.Contains("--errors") || split == "heldout" && args.Contains("--heldout-errors"))
                foreach (var e in errors) Console.WriteLine("  " + e);
        }

        var bbc = Path.Combine(root, "..", "shared", "corpora", "bbc");
        if (!Directory.Exists(bbc)) { Console.WriteLine($"BBC corpus not found at {bbc}: no speed figure."); return; }
        var texts = Corpus.Load(bbc).Articles.Select(a => a.Text).ToList();
        double mb = texts.Sum(t => (double)Encoding.UTF8.GetByteCount(t)) / 1e6;
        for (int i = 0; i < 2; i++) foreach (var t in texts) Numbers.Find(t);
        var times = new List<double>();
        int count = 0;
        for (int r = 0; r < 5; r++)
        {
            var sw = Stopwatch.StartNew();
            count = 0;
            foreach (var t in texts) count += Numbers.Find(t).Count;
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        Console.WriteLine($"numbers: {texts.Count} BBC articles, {mb:F2} MB, {count} numbers; Numbers.Find median {mb / times[2]:F1} MB/s single-threaded (best {mb / times[0]:F1})");
    }
}
