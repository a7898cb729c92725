using System.Diagnostics;
using Analysis;
using Analysis.Display;
using Plotly.NET;

namespace Analysis.Benchmarks;

/// <summary>
/// The library calls of the four notebooks' heavy cells, in the notebooks' order, on one corpus, with wall and process
/// CPU time per call. The sequence runs twice on two separate loads of the corpus: the first pass pays the JIT (run the
/// benchmark with <c>DOTNET_TieredCompilation=0</c>, as the runner does, to see what the runner pays), the second is
/// the work alone. The jit column is the time spent compiling methods during the call (all threads). Charts are turned into HTML as the notebook display does (<see cref="ChartHtml"/>); DataFrames are not rendered.
/// Usage: <c>DOTNET_TieredCompilation=0 dotnet run -c Release --project bench/Analysis.Benchmarks -- notebook-cells [folder] [k]</c>
/// </summary>
public static class NotebookCellsBenchmark
{
    public static void Run(string[] args)
    {
        var folder = args.Length > 1 ? args[1] : BenchPaths.SharedCorpus("bbc");
        int k = args.Length > 2 ? int.Parse(args[2]) : 2;
        if (!Directory.Exists(folder)) { Console.WriteLine($"Corpus not found at {folder}: nothing to measure."); return; }
        var output = Directory.CreateTempSubdirectory("notebook-cells-");
        Console.WriteLine($"corpus: {Path.GetFullPath(folder)}, k = {k}, tiered compilation {(AppContext.TryGetSwitch("System.Runtime.TieredCompilation", out var on) ? on.ToString() : Environment.GetEnvironmentVariable("DOTNET_TieredCompilation") ?? "default")}");
        var totals = new List<Dictionary<string, (double Wall, double Cpu, double Jit)>>();
        try
        {
            for (int pass = 1; pass <= 2; pass++)
                totals.Add(Pass(folder, k, Path.Combine(output.FullName, $"pass{pass}")));
        }
        finally { output.Delete(true); }
        Console.WriteLine($"{"call",-44} {"pass 1 wall",12} {"cpu",8} {"jit",8} {"pass 2 wall",12} {"cpu",8}");
        foreach (var (name, first) in totals[0])
        {
            var second = totals[1][name];
            Console.WriteLine($"{name,-44} {first.Wall,10:F0}ms {first.Cpu,6:F0}ms {first.Jit,6:F0}ms {second.Wall,10:F0}ms {second.Cpu,6:F0}ms");
        }
        Console.WriteLine($"{"total",-44} {totals[0].Values.Sum(v => v.Wall),10:F0}ms {totals[0].Values.Sum(v => v.Cpu),6:F0}ms {totals[0].Values.Sum(v => v.Jit),6:F0}ms " +
            $"{totals[1].Values.Sum(v => v.Wall),10:F0}ms {totals[1].Values.Sum(v => v.Cpu),6:F0}ms");
        Console.WriteLine($"process CPU {Process.GetCurrentProcess().TotalProcessorTime.TotalSeconds:F1} s");
    }

    private static Dictionary<string, (double Wall, double Cpu, double Jit)> Pass(string folder, int k, string output)
    {
        var times = new Dictionary<string, (double, double, double)>();
        var process = Process.GetCurrentProcess();
        T Time<T>(string name, Func<T> call)
        {
            process.Refresh();
            var cpu = process.TotalProcessorTime;
            var jit = System.Runtime.JitInfo.GetCompilationTime();
            var sw = Stopwatch.StartNew();
            var result = call();
            if (result is GenericChart chart) GC.KeepAlive(ChartHtml.ToHtml(chart));
            sw.Stop();
            process.Refresh();
            times[name] = (sw.Elapsed.TotalMilliseconds, (process.TotalProcessorTime - cpu).TotalMilliseconds,
                (System.Runtime.JitInfo.GetCompilationTime() - jit).TotalMilliseconds);
            return result;
        }

        // 01-articles
        var loaded = Time("01 Corpus.Load", () => Corpus.Load(folder));
        Time("01 ArticlesTable", loaded.ArticlesTable);
        Time("01 RemovedTable+PostsTable+LoadReport", () => (loaded.RemovedTable(), loaded.PostsTable(), loaded.LoadReportTable()));
        Time("01 ArticleCharts.Lengths", () => ArticleCharts.Lengths(loaded.Articles));
        // 02-clusters
        var options = new AnalysisOptions { ClusterK = k > 0 ? k : null };
        var analysis = Time("02 Analyze", () => loaded.Analyze(options));
        var stories = Time("02 Stories", () => analysis.Stories);
        Time("02 StoryCharts.Coverage", () => StoryCharts.Coverage(stories));
        Time("02 stories.SummaryTable", stories.SummaryTable);
        var clusters = Time("02 Clusters", () => analysis.Clusters);
        Time("02 clusters.ToDataFrame", clusters.ToDataFrame);
        Time("02 clusters.Summary.ToDataFrame", () => clusters.Summary.ToDataFrame());
        Time("02 ClusterCharts.Map", () => ClusterCharts.Map(clusters));
        Time("02 ClusterCharts.Silhouette", () => ClusterCharts.Silhouette(clusters));
        Time("02 Neighbours", () => loaded.Articles.Take(50).SelectMany(a => clusters.Neighbours(a.Id, 3)).ToDataFrame());
        Time("02 NearDuplicateParagraphs", () => loaded.NearDuplicateParagraphs().ToDataFrame());
        var themes = Time("02 Themes+Summary", () => { var t = loaded.Themes(); t.Summary.ToDataFrame(); return t; });
        Time("02 ClusterCharts.ThemeShares", () => ClusterCharts.ThemeShares(themes));
        // 03-figures
        var figures = Time("03 Analyze().Figures+ToDataFrame", () => { var f = loaded.Analyze().Figures; f.ToDataFrame(); return f; });
        var rec = Time("03 figures.Reconcile", () => { var r = figures.Reconcile(loaded); r.Measures.ToDataFrame(); return r; });
        Time("03 rec.ToDataFrame", rec.ToDataFrame);
        Time("03 FigureCharts.ByMeasure+Coverage", () => (ChartHtml.ToHtml(FigureCharts.ByMeasure(rec)), ChartHtml.ToHtml(FigureCharts.Coverage(rec))));
        // 04-walkthrough
        analysis = Time("04 Analyze", () => loaded.Analyze(options));
        Time("04 entities", () => analysis.Entities.Canonical.ToDataFrame());
        var quotes = Time("04 quotes", () => { var q = analysis.Quotes; q.ToDataFrame(); return q; });
        Time("04 SpeakersByOutlet", () => quotes.SpeakersByOutlet().ToDataFrame());
        var timeline = Time("04 timeline", () => { var t = analysis.Timeline; t.ToDataFrame(); return t; });
        Time("04 TimelineCharts.ByOutlet", () => TimelineCharts.ByOutlet(timeline));
        Time("04 StoryCharts.Coverage", () => StoryCharts.Coverage(analysis.Stories));
        Time("04 Reconciliation", () => analysis.Reconciliation.Measures.ToDataFrame());
        Time("04 clusters.ToDataFrame", () => analysis.Clusters.ToDataFrame());
        Time("04 StoryComparisons (+3 shown)", () =>
        {
            var comparisons = analysis.StoryComparisons();
            comparisons.ToDataFrame();
            foreach (var c in comparisons.Take(3))
            {
                _ = c.ToString();
                c.Measures.ToDataFrame();
                if (c.SharedQuotations.Count > 0) c.SharedQuotations.ToDataFrame();
                if (c.TimelineInconsistencies.Count > 0) c.TimelineInconsistencies.ToDataFrame();
            }
            return comparisons;
        });
        var tables = Path.Combine(output, "tables");
        Time("04 WriteTables(All)", () => analysis.WriteTables(tables, TableFormats.All));
        Time("04 TableStore.Query", () => TableStore.Query(Path.Combine(tables, TableStore.DatabaseFile),
            "SELECT c.cluster, f.outlet, count(*) AS figures FROM figures f JOIN clusters c USING (article_id) GROUP BY c.cluster, f.outlet"));
        return times;
    }
}
