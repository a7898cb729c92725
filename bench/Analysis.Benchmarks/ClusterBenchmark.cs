using System.Diagnostics;
using Analysis;
using Microsoft.ML;
using Microsoft.ML.Data;

/// <summary>
/// `cluster`: seeds k=2 check, BBC k=5 quality (NMI/ARI against the folder labels, median over seeds) and
/// featurize+cluster time beside plain ML.NET FeaturizeText+KMeans, then the 1x…20x scale series, each size in
/// its own process so peak memory (VmHWM) is that size's alone. `cluster-scale N` runs one size.
/// </summary>
static class ClusterBenchmark
{
    private static readonly int[] Seeds = [1, 2, 3, 4, 5];

    public static void Run(string[] args)
    {
        var bbc = args.Length > 2 ? args[2] : Path.Combine(RepositoryPaths.Root(), "..", "shared", "corpora", "bbc");
        if (args[0] == "cluster-scale") { Scale(bbc, int.Parse(args[1])); return; }
        bbc = args.Length > 1 ? args[1] : bbc;

        var seeds = Corpus.Load(RepositoryPaths.Resolve("seeds")).Cluster(k: 2);
        Console.WriteLine("seeds, k=2: " + string.Join("  ", seeds.Assignments.Select(a => $"{a.ArticleId[..3]}→{a.Cluster}")));
        Console.WriteLine("  " + seeds);

        if (!Directory.Exists(bbc)) { Console.WriteLine($"BBC corpus not found at {bbc}: nothing more to measure."); return; }
        var corpus = Topics(bbc);
        var labels = Labels(corpus.Articles);
        Console.WriteLine($"\nBBC: {corpus.Articles.Count} articles, {labels.Distinct().Count()} folders, k=5, seeds {string.Join(",", Seeds)}");
        corpus.Cluster(5); // JIT, ML.NET and the articles' annotation (shared with every extractor), not timed
        var ours = Seeds.Select(seed => Measure(() => Predicted(corpus.Cluster(5, new ClusterOptions { Seed = seed }))
            , labels)).ToList();
        Print("ours: TF-IDF + names + days, LSA 100, ML.NET KMeans x10", ours);
        var plain = Seeds.Take(1).Select(seed => Measure(() => PlainMlNet(corpus.Articles, seed), labels)).ToList();
        Print("plain ML.NET FeaturizeText+KMeans (defaults; one seed, a run costs about a minute of CPU)", plain);

        Console.WriteLine("\nscale (BBC replicated, k=5, one process per size): x, docs, featurize+cluster wall s, CPU s, peak MB, NMI");
        foreach (int times in new[] { 1, 2, 5, 10, 20 })
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") psi.ArgumentList.Add(typeof(ClusterBenchmark).Assembly.Location);
            foreach (var a in new[] { "cluster-scale", times.ToString(), bbc }) psi.ArgumentList.Add(a);
            using var p = Process.Start(psi)!;
            Console.WriteLine("  " + p.StandardOutput.ReadToEnd().Trim());
            p.WaitForExit();
        }
    }

    private static void Scale(string bbc, int times)
    {
        var articles = Topics(bbc).Articles;
        var many = Enumerable.Range(0, times).SelectMany(_ => articles).ToList();
        articles.Take(300).ToList().Cluster(5); // JIT warm-up, as in the 1x figures above
        var (predicted, seconds, cpu) = Timed(() => Predicted(many.Cluster(5)));
        double nmi = ClusterMetrics.Nmi(Labels(many), predicted);
        Console.WriteLine($"{times,2}x {many.Count,6} {seconds,7:F2} {cpu,7:F2} {PeakMegabytes(),6:F0} {nmi:F3}");
    }

    private static (double Seconds, double Cpu, double Nmi, double Ari) Measure(Func<IReadOnlyList<int>> cluster, IReadOnlyList<string> labels)
    {
        var (predicted, seconds, cpu) = Timed(cluster);
        return (seconds, cpu, ClusterMetrics.Nmi(labels, predicted), ClusterMetrics.Ari(labels, predicted));
    }

    /// <summary>Wall time and this process's CPU time (the machine is shared: CPU time is the steadier figure).</summary>
    private static (T Result, double Seconds, double Cpu) Timed<T>(Func<T> run)
    {
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var result = run();
        sw.Stop();
        return (result, sw.Elapsed.TotalSeconds, (Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds);
    }

    private static void Print(string name, List<(double Seconds, double Cpu, double Nmi, double Ari)> runs)
    {
        static double Median(IEnumerable<double> v) { var s = v.Order().ToArray(); return s.Length % 2 == 1 ? s[s.Length / 2] : (s[s.Length / 2 - 1] + s[s.Length / 2]) / 2; }
        Console.WriteLine($"  {name}: NMI median {Median(runs.Select(r => r.Nmi)):F3} (min {runs.Min(r => r.Nmi):F3}, max {runs.Max(r => r.Nmi):F3}), " +
            $"ARI median {Median(runs.Select(r => r.Ari)):F3}, featurize+cluster median {Median(runs.Select(r => r.Seconds)):F3} s wall, {Median(runs.Select(r => r.Cpu)):F3} s CPU, over {runs.Count} seeds");
    }

    /// <summary>The labelled articles: files inside a topic folder (README.TXT at the top is not an article).</summary>
    private static Corpus Topics(string bbc) => new(Corpus.Load(bbc).Articles.Where(a => a.File.Contains('/')).ToList());

    private static List<string> Labels(IEnumerable<Article> articles) => articles.Select(a => a.File.Split('/')[0]).ToList();

    /// <summary>Cluster per article (BBC has no empty article, so every article is clustered, in corpus order).</summary>
    private static IReadOnlyList<int> Predicted(ArticleClusters clusters) => clusters.Labels;

    /// <summary>The pipeline a .NET developer would write first: FeaturizeText (defaults) then KMeans.</summary>
    private static IReadOnlyList<int> PlainMlNet(IReadOnlyList<Article> articles, int seed)
    {
        var ml = new MLContext(seed);
        var data = ml.Data.LoadFromEnumerable(articles.Select(a => new TextRow { Text = a.Text }));
        var pipeline = ml.Transforms.Text.FeaturizeText("Features", nameof(TextRow.Text))
            .Append(ml.Clustering.Trainers.KMeans("Features", numberOfClusters: 5));
        var predictions = pipeline.Fit(data).Transform(data);
        return predictions.GetColumn<uint>("PredictedLabel").Select(l => (int)l).ToList();
    }

    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }

    private sealed class TextRow { public string Text { get; set; } = ""; }
}
