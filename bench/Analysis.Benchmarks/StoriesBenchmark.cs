using System.Diagnostics;
using Analysis;

/// <summary>
/// `stories [sizes…]`: story grouping on AllSides replicated 1x, 10x and 30x (each copy shifted 200 days later, so
/// copies are new stories rather than duplicates), each size in its own process so peak memory (VmHWM) is that
/// size's alone; beside it scikit-learn's agglomerative clustering (TF-IDF, cosine, average linkage, the same
/// threshold, text only) on the same texts, in Debian's /usr/bin/python3 with a memory cap and a time limit.
/// `stories-scale N` runs one size.
/// </summary>
static class StoriesBenchmark
{
    private const int ShiftDays = 200;
    /// <summary>The peer's time limit (default 900 s; `peer-seconds=N` changes it on a busy machine).</summary>
    private static int PeerSeconds = 900;
    private const long PeerMemoryKb = 16L * 1024 * 1024;
    /// <summary>The peer's cosine threshold (distance 0.85): the absolute similarity our grouping used before relative similarity, measured best for the peer's plain TF-IDF too.</summary>
    private const string PeerThreshold = "0.15";

    public static void Run(string[] args)
    {
        if (args[0] == "stories-scale") { Scale(int.Parse(args[1])); return; }
        foreach (var a in args.Where(a => a.StartsWith("peer-seconds=", StringComparison.Ordinal))) PeerSeconds = int.Parse(a["peer-seconds=".Length..]);
        var given = args.Skip(1).Where(a => !a.Contains('=')).Select(int.Parse).ToArray();
        var sizes = given.Length > 0 ? given : [1, 10, 30];
        Console.WriteLine($"load: {File.ReadAllText("/proc/loadavg").Trim()}; scikit-learn stopped after {PeerSeconds} s");
        Console.WriteLine("x, articles, stories found, ours: wall s, CPU s, peak MB, pair similarities, ARI | scikit-learn agglomerative (average, cosine, text only): wall s, peak MB, ARI");
        foreach (int times in sizes)
        {
            var psi = new ProcessStartInfo(Environment.ProcessPath!) { RedirectStandardOutput = true };
            if (Path.GetFileNameWithoutExtension(Environment.ProcessPath) == "dotnet") psi.ArgumentList.Add(typeof(StoriesBenchmark).Assembly.Location);
            psi.ArgumentList.Add("stories-scale");
            psi.ArgumentList.Add(times.ToString());
            using var p = Process.Start(psi)!;
            var ours = p.StandardOutput.ReadToEnd().Trim();
            p.WaitForExit();
            Console.WriteLine($"  {ours} | {Peer(times)}");
        }
    }

    private static string Folder => Path.Combine(RepositoryPaths.Root(), "..", "shared", "corpora", "allsides");
    private static string InputPath(int times) => Path.Combine(Path.GetTempPath(), $"analysis-stories-{times}x.tsv");

    private static void Scale(int times)
    {
        var corpus = Corpus.Load(Path.Combine(Folder, "articles"));
        var truth = StoriesEvaluation.Labels(Path.Combine(Folder, "labels.csv"));
        var many = Enumerable.Range(0, times).SelectMany(r => corpus.Articles.Select(a => Copy(a, r))).ToList();
        var labels = many.Select(a => truth[a.Id[(a.Id.IndexOf('-') + 1)..]] + "/" + a.Id[..a.Id.IndexOf('-')]).ToList();
        // The peer's input: the same texts, headline first, one article per line.
        File.WriteAllLines(InputPath(times), many.Select((a, i) => $"{a.Id}\t{labels[i]}\t{(a.Headline + ". " + a.Text).ReplaceLineEndings(" ").Replace('\t', ' ')}"));
        corpus.Articles.Take(200).ToList().Stories(); // JIT warm-up
        var cpu = Process.GetCurrentProcess().TotalProcessorTime;
        var sw = Stopwatch.StartNew();
        var stories = many.Stories();
        sw.Stop();
        var predicted = many.Select(a => stories.Of(a.Id)?.Id ?? -1).ToList();
        Console.Write($"{times,2}x {many.Count,6} {stories.Count,6}  {sw.Elapsed.TotalSeconds,7:F2} s {(Process.GetCurrentProcess().TotalProcessorTime - cpu).TotalSeconds,7:F2} s " +
            $"{PeakMegabytes(),6:F0} MB {stories.Comparisons,10:N0}  ARI {ClusterMetrics.Ari(labels, predicted):F3}");
    }

    /// <summary>A copy of the article as replica <paramref name="r"/>: id prefixed, published <see cref="ShiftDays"/>·r days later.</summary>
    private static Article Copy(Article a, int r) => new()
    {
        Id = $"r{r}-{a.Id}", File = a.File, Outlet = a.Outlet, Headline = a.Headline, Published = a.Published?.AddDays(ShiftDays * r),
        Raw = a.Raw, Text = a.Text, Map = a.Map, Paragraphs = a.Paragraphs, Sentences = a.Sentences, Words = a.Words,
    };

    private static string Peer(int times)
    {
        const string python = "/usr/bin/python3";
        var script = Path.Combine(RepositoryPaths.Root(), "bench", "Analysis.Benchmarks", "stories_sklearn.py");
        if (!File.Exists(python)) return "no /usr/bin/python3";
        var psi = new ProcessStartInfo("/bin/sh") { RedirectStandardOutput = true, RedirectStandardError = true };
        psi.ArgumentList.Add("-c");
        psi.ArgumentList.Add($"ulimit -v {PeerMemoryKb}; exec {python} \"$0\" \"$1\" \"$2\"");
        psi.ArgumentList.Add(script);
        psi.ArgumentList.Add(InputPath(times));
        psi.ArgumentList.Add(PeerThreshold);
        using var p = Process.Start(psi)!;
        var output = p.StandardOutput.ReadToEndAsync();
        var error = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(PeerSeconds * 1000))
        {
            p.Kill(entireProcessTree: true);
            return $"stopped after {PeerSeconds} s";
        }
        var line = output.Result.Trim();
        if (line.Length > 0) return line;
        var err = error.Result.Trim().Split('\n').LastOrDefault() ?? "";
        return err.Contains("No module named") ? "scikit-learn not installed (apt-get install python3-sklearn)" : $"failed: {err}";
    }

    private static double PeakMegabytes()
    {
        var line = File.ReadLines("/proc/self/status").FirstOrDefault(l => l.StartsWith("VmHWM:"));
        return line is null ? double.NaN : double.Parse(line.Split(' ', StringSplitOptions.RemoveEmptyEntries)[1]) / 1024;
    }
}
