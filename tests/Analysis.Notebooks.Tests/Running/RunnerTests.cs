using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Results;
using Analysis.Notebooks.Running;
using static Analysis.Notebooks.Tests.Running.NotebookOutputs;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>Runner behaviour on notebooks and corpora the tests write themselves.</summary>
public sealed class RunnerTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("runner-tests").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string NotebookJson(params (string Id, string Source, string[] Tags)[] cells) => new Notebook
    {
        Cells = cells.Select(c => new NotebookCell
        {
            Id = c.Id,
            Source = c.Source,
            Metadata = new() { ["tags"] = new System.Text.Json.Nodes.JsonArray(c.Tags.Select(t => (System.Text.Json.Nodes.JsonNode)t).ToArray()) },
        }).ToList(),
    }.ToJson();

    private string Write(string name, string json)
    {
        var path = Path.Combine(folder, name);
        File.WriteAllText(path, json);
        return path;
    }

    private Task<RunSummary> Run(string notebook, Dictionary<string, string>? parameters = null) =>
        NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = [notebook],
            OutputDirectory = Path.Combine(folder, "out"),
            Parameters = parameters ?? [],
        }, TestContext.Current.CancellationToken);

    [Fact]
    public async Task InjectedCorpusParameterIsUsed()
    {
        var corpus = Directory.CreateDirectory(Path.Combine(folder, "corpus")).FullName;
        File.WriteAllText(Path.Combine(corpus, "alpha.txt"), "The first test article has one paragraph. It has two sentences.");
        File.WriteAllText(Path.Combine(corpus, "beta.txt"), "The second test article is shorter.");
        var output = Path.Combine(folder, "out");
        var summary = await NotebookRunner.RunAsync(new RunOptions
        {
            // 04-walkthrough writes the tables (once, for the whole run).
            Notebooks = [Path.Combine(SeedsRunFixture.Root, "notebooks", "01-articles.ipynb"), Path.Combine(SeedsRunFixture.Root, "notebooks", "04-walkthrough.ipynb")],
            OutputDirectory = output,
            Parameters = new Dictionary<string, string> { ["corpus"] = corpus, ["output"] = output },
        }, TestContext.Current.CancellationToken);

        Assert.True(summary.Success, string.Join("; ", summary.Notebooks.Select(n => n.Failure?.Error?.Message)));
        var executed = Notebook.Load(Path.Combine(output, "notebooks", "01-articles.ipynb"));
        var parametersAt = executed.Cells.FindIndex(c => c.Tags.Contains(Parameters.Tag));
        Assert.Contains(Parameters.InjectedTag, executed.Cells[parametersAt + 1].Tags);
        var html = Html(Cell(executed, "a-articles-code"));
        Assert.Equal(2, TableRows(html));
        Assert.Contains("alpha", html);
        Assert.Equal(["alpha", "beta"], CsvColumn(Path.Combine(output, "tables", "articles.csv"), "article_id"));
    }

    [Fact]
    public async Task FailingCellIsReportedAndLaterCellsAreSkipped()
    {
        var path = Write("failing.ipynb", NotebookJson(
            ("one", "var a = 1;", []),
            ("two", "var b = 2;\nthrow new InvalidOperationException(\"broken on purpose\");", []),
            ("three", "a + b", [])));
        var summary = await Run(path);

        Assert.False(summary.Success);
        var failure = summary.Notebooks[0].Failure!;
        Assert.Equal(2, failure.Index);
        Assert.Equal(2, failure.Error!.Line);
        Assert.Equal(["completed", "failed", "skipped"], summary.Notebooks[0].Cells.Select(c => c.Status));
        var executed = Notebook.Load(Path.Combine(folder, "out", "notebooks", "failing.ipynb"));
        var error = Assert.Single(AllOutputs(executed), o => (string?)o["output_type"] == "error");
        Assert.Equal("InvalidOperationException", (string?)error["ename"]);
        Assert.Contains("broken on purpose", File.ReadAllText(summary.ReportPath));
    }

    [Fact]
    public async Task NotebooksRunInTheirOwnFolder()
    {
        var path = Write("cwd.ipynb", NotebookJson(("cwd", "Environment.CurrentDirectory", [])));
        var summary = await Run(path);
        var value = Assert.Single(AllOutputs(summary.Notebooks[0].Executed));
        Assert.Equal(folder, Notebook.JoinText(value["data"]!["text/plain"]));
    }

    [Fact]
    public async Task MalformedNotebookFailsTheRunNamingTheFile()
    {
        var good = Write("good.ipynb", NotebookJson(("x", "File.WriteAllText(\"ran.txt\", \"\");", [])));
        var bad = Write("bad.ipynb", "{ \"cells\": [ { \"cell_type\": \"code\", ");
        var error = await Assert.ThrowsAsync<NotebookFormatException>(() => NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = [good, bad],
            OutputDirectory = Path.Combine(folder, "out"),
        }, TestContext.Current.CancellationToken));
        Assert.Contains(bad, error.Message);
        Assert.False(File.Exists(Path.Combine(folder, "ran.txt")), "nothing runs when one notebook is malformed");
    }

    [Fact]
    public async Task CellOverTheCellTimeoutFailsWithCellTimeoutAndStopsItsNotebook()
    {
        var notebook = Write("slow.ipynb", NotebookJson(("wait", "await Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);", []), ("after", "var x = 1;", [])));
        var summary = await NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = [notebook],
            OutputDirectory = Path.Combine(folder, "out"),
            CellTimeout = TimeSpan.FromMilliseconds(300),
        }, TestContext.Current.CancellationToken);

        var failure = summary.Notebooks[0].Failure!;
        Assert.Equal("CellTimeout", failure.Error!.Name);
        Assert.Equal("The cell ran longer than the cell timeout (0.3 s) and was stopped.", failure.Error.Message);
        Assert.Equal([CellStatus.Failed, CellStatus.Skipped], summary.Notebooks[0].Cells.Select(c => c.Status));
    }

    [Fact]
    public async Task CancelledRunMarksTheRunningCellInterruptedAndStillWritesEverything()
    {
        var first = Write("first.ipynb", NotebookJson(("hello", "Console.WriteLine(\"hello\");", []), ("wait", "await Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);", [])));
        var second = Write("second.ipynb", NotebookJson(("x", "var x = 1;", [])));
        using var stop = new CancellationTokenSource();
        var output = Path.Combine(folder, "out");
        var log = new StringWriter();
        var run = NotebookRunner.RunAsync(new RunOptions { Notebooks = [first, second], OutputDirectory = output, Log = new CancelOnSecondCell(log, stop) }, stop.Token);
        var summary = await run.WaitAsync(TimeSpan.FromSeconds(60), TestContext.Current.CancellationToken);

        Assert.Equal("cancelled", summary.StoppedBy);
        Assert.False(summary.Success);
        var executed = Notebook.Load(Path.Combine(output, "notebooks", "first.ipynb"));
        Assert.Equal(CellStatus.Interrupted, (string?)Cell(executed, "wait").Metadata["papermill"]?["status"]);
        Assert.Equal("hello\n", Notebook.JoinText(Cell(executed, "hello").Outputs.Single()["text"]));
        var notRun = Notebook.Load(Path.Combine(output, "notebooks", "second.ipynb"));
        Assert.Equal(CellStatus.Skipped, (string?)Cell(notRun, "x").Metadata["papermill"]?["status"]);
        Assert.True(File.Exists(Path.Combine(output, "report", "index.html")));
    }

    /// <summary>A log that cancels the run once the first cell's progress line arrives, while the second cell starts.</summary>
    private sealed class CancelOnSecondCell(TextWriter inner, CancellationTokenSource stop) : TextWriter
    {
        public override System.Text.Encoding Encoding => inner.Encoding;

        public override void WriteLine(string? value)
        {
            inner.WriteLine(value);
            if (value?.Contains("cell 1/2 ok") == true) stop.CancelAfter(300);
        }
    }
}
