using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Analysis.Kernel.Tests;

/// <summary>
/// The package's notebooks through this package's kernel and through the official .NET Interactive kernel with
/// nbclient (and nbconvert), compared with the headless runner.
/// </summary>
public sealed class NotebookTests(NotebookRunFixture run) : IClassFixture<NotebookRunFixture>
{
    [Fact]
    public void EveryNotebookRunsThroughTheKernelWithoutErrors()
    {
        JupyterClients.SkipUnlessInstalled();
        Assert.NotEmpty(NotebookRunFixture.Notebooks);
        foreach (var notebook in NotebookRunFixture.Notebooks)
        {
            var summary = run.Runs[notebook].Summary;
            Assert.True(summary["errors"]!.AsArray().Count == 0, $"{Path.GetFileName(notebook)}: {summary["errors"]!.ToJsonString()}");
            Assert.Equal(summary["code_cells"]!.GetValue<int>(), summary["executed"]!.GetValue<int>());
            Assert.Contains("execute_result", summary["outputs"]!.AsArray().Select(o => o!.GetValue<string>()));
        }
        // The package's formatters work through the kernel: DataFrames come back as HTML tables.
        Assert.Contains(NotebookRunFixture.Notebooks, n => HtmlOutputs(run.Runs[n].Executed).Any(html => html.Contains("<table")));
    }

    [Fact]
    public void TablesEqualTheRunnersForTheSameInput()
    {
        JupyterClients.SkipUnlessInstalled();
        var runner = Tables(run.RunnerOutput);
        var kernel = Tables(run.KernelOutput);
        Assert.Contains("articles.csv", runner.Keys);
        Assert.Equal(runner.Keys.Order(), kernel.Keys.Order());
        foreach (var (name, content) in runner)
            Assert.True(content == kernel[name], $"{name} differs between the runner and the kernel");
        // The seed corpus has five articles: a header and five rows (rows may span lines in quoted fields).
        Assert.True(kernel["articles.csv"].Split('\n').Length >= 6);
    }

    [Fact]
    public void ExecutedNotebooksConvertToHtmlWhoseChartsRenderOffline()
    {
        JupyterClients.SkipUnlessInstalled();
        Assert.SkipUnless(File.Exists(Chromium), $"{Chromium} is absent (apt-get install chromium fonts-dejavu-core): charts not checked in a browser.");
        var charted = 0;
        foreach (var notebook in NotebookRunFixture.Notebooks)
        {
            var executed = run.Runs[notebook].Executed;
            var charts = ChartOutputs(executed);
            var convert = ProcessResult.Run(JupyterClients.Python, ["-m", "nbconvert", "--to", "html", executed], null, TimeSpan.FromMinutes(2));
            Assert.True(convert.ExitCode == 0, $"nbconvert failed on {executed}:\n{convert.Stderr}");
            var html = Path.ChangeExtension(executed, ".html");
            var dom = ProcessResult.Run(Chromium, ["--headless", "--no-sandbox", "--disable-gpu", "--virtual-time-budget=20000", "--dump-dom", new Uri(html).AbsoluteUri],
                null, TimeSpan.FromMinutes(2)).Stdout;
            var plots = Regex.Matches(dom, @"class=""[^""]*\bjs-plotly-plot\b").Count;
            var svgs = Regex.Matches(dom, @"class=""main-svg""").Count;
            Assert.True(plots == charts, $"{Path.GetFileName(html)}: {charts} chart outputs, {plots} drawn by plotly.js");
            Assert.True(svgs >= charts, $"{Path.GetFileName(html)}: plots without their SVG");
            charted += charts;
        }
        Assert.True(charted > 0, "no notebook produced a chart");
    }

    [Fact]
    public void EveryNotebookRunsThroughDotNetInteractiveWithoutErrors()
    {
        DotNetInteractive.SkipUnlessInstalled();
        Assert.NotEmpty(NotebookRunFixture.Notebooks);
        foreach (var notebook in NotebookRunFixture.Notebooks)
        {
            var summary = run.InteractiveRuns[notebook].Summary;
            var errors = summary["errors"]!.AsArray().Select(e =>
                $"code cell {e!["cell"]!.GetValue<int>() + 1} (the injected parameters cell counted): {e["ename"]}: {e["evalue"]}").ToList();
            Assert.True(errors.Count == 0, $"{Path.GetFileName(notebook)} through .NET Interactive {DotNetInteractive.Version}: {string.Join("; ", errors)}");
            Assert.Equal(summary["code_cells"]!.GetValue<int>(), summary["executed"]!.GetValue<int>());
        }
        // Loading Analysis.Display ran its extension script there too: DataFrames come back as the package's HTML tables.
        Assert.Contains(NotebookRunFixture.Notebooks, n => HtmlOutputs(run.InteractiveRuns[n].Executed).Any(html => html.Contains("<table class=\"analysis-table\"")));
    }

    [Fact]
    public void DotNetInteractiveChartsCarryTheRunnersData()
    {
        DotNetInteractive.SkipUnlessInstalled();
        var charts = 0;
        foreach (var notebook in NotebookRunFixture.Notebooks)
        {
            var expected = ChartData(run.RunnerExecutedPath(notebook)).ToList();
            var actual = ChartData(run.InteractiveRuns[notebook].Executed).ToList();
            Assert.True(expected.Count == actual.Count, $"{Path.GetFileName(notebook)}: {expected.Count} charts from the runner, {actual.Count} through .NET Interactive");
            for (var i = 0; i < expected.Count; i++)
                Assert.True(JsonNode.DeepEquals(expected[i], actual[i]), $"{Path.GetFileName(notebook)}: chart {i + 1} has other data through .NET Interactive");
            charts += actual.Count(data => data.Count > 0);
        }
        Assert.True(charts > 0, "no notebook drew a chart with data");
    }

    [Fact]
    public void DotNetInteractiveTablesEqualTheRunners()
    {
        DotNetInteractive.SkipUnlessInstalled();
        var runner = Tables(run.RunnerOutput);
        var interactive = Tables(run.InteractiveOutput);
        Assert.Contains("articles.csv", runner.Keys);
        Assert.Equal(runner.Keys.Order(), interactive.Keys.Order());
        foreach (var (name, content) in runner)
            Assert.True(content == interactive[name], $"{name} differs between the runner and .NET Interactive");
    }

    private const string Chromium = "/usr/bin/chromium";

    /// <summary>The Plotly data array of every chart output of a notebook (what Plotly.newPlot draws), in order.</summary>
    private static IEnumerable<JsonArray> ChartData(string notebook)
    {
        const string marker = "var data = ";
        foreach (var html in HtmlOutputs(notebook))
            for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + 1, StringComparison.Ordinal))
            {
                var start = at + marker.Length;
                yield return JsonNode.Parse(html[start..html.IndexOf(";\n", start, StringComparison.Ordinal)])!.AsArray();
            }
    }

    /// <summary>Outputs that are Plotly charts (their HTML calls Plotly.newPlot).</summary>
    private static int ChartOutputs(string notebook) => HtmlOutputs(notebook).Count(html => html.Contains("Plotly.newPlot"));

    private static IEnumerable<string> HtmlOutputs(string notebook) =>
        JsonNode.Parse(File.ReadAllText(notebook))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["data"]?["text/html"]).OfType<JsonNode>().Select(Text);

    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => l!.GetValue<string>())) : node.GetValue<string>();

    private static Dictionary<string, string> Tables(string output)
    {
        var folder = Path.Combine(output, "tables");
        return Directory.Exists(folder) ? Directory.GetFiles(folder, "*.csv").ToDictionary(Path.GetFileName, File.ReadAllText)! : [];
    }
}
