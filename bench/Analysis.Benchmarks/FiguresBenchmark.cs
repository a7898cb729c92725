using System.Diagnostics;
using System.Text;
using Analysis;

namespace Analysis.Benchmarks;

/// <summary>
/// Figure extraction throughput on the BBC corpus, single-threaded: MB of clean text per second and bytes
/// allocated per figure; extraction alone (articles already loaded) and from the raw files. Usage: <c>dotnet run -c Release --project bench/Analysis.Benchmarks -- figures</c>.
/// </summary>
internal static class FiguresBenchmark
{
    public static void Run(string[] args)
    {
        var bbc = args.Length > 1 ? args[1] : Path.Combine(RepositoryPaths.Root(), "..", "shared", "corpora", "bbc");
        if (!Directory.Exists(bbc)) { Console.WriteLine($"BBC corpus not found at {bbc}: nothing to measure."); return; }
        var corpus = Corpus.Load(bbc);
        var articles = corpus.Articles;
        double mb = articles.Sum(a => (double)Encoding.UTF8.GetByteCount(a.Text)) / 1e6;
        // Warm-up so the JIT's tiered compilation settles before timing.
        for (int i = 0; i < 2; i++) FigureExtractor.Extract(new Corpus(articles));

        const int runs = 5;
        var times = new List<double>();
        var cpu = new List<double>();
        long allocated = 0;
        int figures = 0;
        for (int r = 0; r < runs; r++)
        {
            long before = GC.GetAllocatedBytesForCurrentThread();
            var cpuBefore = Process.GetCurrentProcess().TotalProcessorTime;
            var sw = Stopwatch.StartNew();
            figures = FigureExtractor.Extract(new Corpus(articles)).Count;
            sw.Stop();
            cpu.Add((Process.GetCurrentProcess().TotalProcessorTime - cpuBefore).TotalSeconds);
            allocated = GC.GetAllocatedBytesForCurrentThread() - before;
            times.Add(sw.Elapsed.TotalSeconds);
        }
        times.Sort();
        cpu.Sort();
        double median = times[runs / 2];
        Console.WriteLine($"figures: {articles.Count} articles, {mb:F2} MB of clean text, {figures} figures");
        Console.WriteLine($"figures: median {median * 1000:F0} ms over {runs} runs = {mb / median:F1} MB/s single-threaded (best {mb / times[0]:F1} MB/s)");
        // The machine's cores are shared: CPU time is the fairer single-thread figure when wall time is inflated by contention.
        Console.WriteLine($"figures: median CPU time {cpu[runs / 2] * 1000:F0} ms = {mb / cpu[runs / 2]:F1} MB/s of CPU time");
        Console.WriteLine($"figures: {allocated / 1e6:F1} MB allocated per run = {allocated / Math.Max(1, figures)} bytes per figure (records, strings, lists)");
        // The number layer alone (grammar, qualifiers, ranges, calendar dates), as Numbers.Find runs it.
        var sw2 = Stopwatch.StartNew();
        int numbers = 0;
        foreach (var a in articles) numbers += Numbers.Find(a.Text).Count;
        Console.WriteLine($"figures: number layer alone (Numbers.Find) {mb / sw2.Elapsed.TotalSeconds:F1} MB/s, {numbers} numbers");
        // From raw text: loading, cleaning and segmenting the files, then extraction (the figure a new user sees).
        var raw = new List<double>();
        for (int r = 0; r < 3; r++)
        {
            var sw3 = Stopwatch.StartNew();
            FigureExtractor.Extract(Corpus.Load(bbc));
            raw.Add(sw3.Elapsed.TotalSeconds);
        }
        raw.Sort();
        Console.WriteLine($"figures: from raw files (load + extract) median {mb / raw[1]:F1} MB/s of clean text (best {mb / raw[0]:F1} MB/s)");
    }
}
