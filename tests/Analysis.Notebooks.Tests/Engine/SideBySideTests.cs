using Analysis.Notebooks.Engine;

namespace Analysis.Notebooks.Tests.Engine;

/// <summary>
/// Several sessions in one process (the runner's notebooks side by side): cells of sessions in one folder run at the
/// same time, cells of sessions in different folders take turns, each with its own folder as current directory, and
/// each cell's console text goes to its own output. Not alongside other test classes: their sessions, in other
/// folders, would take turns with these and make a waiting cell wait longer than it allows.
/// </summary>
[Collection(nameof(SideBySideTests))]
public sealed class SideBySideTests : IDisposable
{
    private readonly string root = Directory.CreateTempSubdirectory("side-by-side").FullName;

    public void Dispose() => Directory.Delete(root, recursive: true);

    private string Folder(string name) => Directory.CreateDirectory(Path.Combine(root, name)).FullName;

    /// <summary>A cell that announces itself with a file and waits (up to 20 s) for the other cell's file.</summary>
    private static string Meet(string mine, string theirs) => $$"""
        System.IO.File.WriteAllText("{{mine}}", "");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!System.IO.File.Exists("{{theirs}}") && clock.Elapsed < TimeSpan.FromSeconds(20)) await Task.Delay(20);
        Console.WriteLine(System.IO.File.Exists("{{theirs}}") ? "met {{theirs}}" : "alone");
        """;

    [Fact]
    public async Task CellsOfSessionsInOneFolderRunAtTheSameTime()
    {
        var folder = Folder("shared");
        using var a = new NotebookSession(new SessionOptions { WorkingDirectory = folder });
        using var b = new NotebookSession(new SessionOptions { WorkingDirectory = folder });
        var (outA, outB) = (new RecordingOutput(), new RecordingOutput());
        // Each cell waits for the other's file: one at a time, the first would wait its 20 s out and say "alone".
        var results = await Task.WhenAll(
            a.ExecuteAsync(Meet("a.flag", "b.flag"), outA, TestContext.Current.CancellationToken),
            b.ExecuteAsync(Meet("b.flag", "a.flag"), outB, TestContext.Current.CancellationToken));
        Assert.All(results, r => Assert.True(r.Success, r.Error?.Message));
        Assert.Equal("met b.flag\n", outA.Stdout);
        Assert.Equal("met a.flag\n", outB.Stdout);
    }

    [Fact]
    public async Task CellsOfSessionsInDifferentFoldersTakeTurnsEachInItsOwnFolder()
    {
        var (first, second) = (Folder("first"), Folder("second"));
        using var a = new NotebookSession(new SessionOptions { WorkingDirectory = first });
        using var b = new NotebookSession(new SessionOptions { WorkingDirectory = second });
        var before = Environment.CurrentDirectory;
        // The files are written relative to the current directory: side by side they would land in one folder.
        const string Cell = """
            var here = Environment.CurrentDirectory;
            System.IO.File.WriteAllText("mark.txt", here);
            await Task.Delay(300);
            Console.WriteLine(Environment.CurrentDirectory == here ? "stayed" : "moved");
            """;
        var (outA, outB) = (new RecordingOutput(), new RecordingOutput());
        var results = await Task.WhenAll(
            a.ExecuteAsync(Cell, outA, TestContext.Current.CancellationToken),
            b.ExecuteAsync(Cell, outB, TestContext.Current.CancellationToken));
        Assert.All(results, r => Assert.True(r.Success, r.Error?.Message));
        Assert.Equal("stayed\n", outA.Stdout);
        Assert.Equal("stayed\n", outB.Stdout);
        Assert.Equal(first, File.ReadAllText(Path.Combine(first, "mark.txt")));
        Assert.Equal(second, File.ReadAllText(Path.Combine(second, "mark.txt")));
        Assert.Equal(before, Environment.CurrentDirectory);
    }

    [Fact]
    public async Task EachNotebookInTheProcessGetsPlotlyJsWithItsFirstChart()
    {
        // The notebooks' folder, whose NuGet.Config names the feed the build fills.
        var notebooks = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "notebooks");
        using var a = new NotebookSession(new SessionOptions { WorkingDirectory = notebooks });
        using var b = new NotebookSession(new SessionOptions { WorkingDirectory = notebooks });
        const string Setup = "#r \"nuget: Analysis.Display, 0.1.0\"\nusing Analysis;\nvar corpus = Corpus.FromTexts((\"a\", \"One sentence here.\"), (\"b\", \"Another text, longer.\"));";
        const string Chart = "ArticleCharts.Lengths(corpus.Articles)";
        async Task<string> Html(NotebookSession session, string code)
        {
            var result = await session.ExecuteAsync(code, new RecordingOutput(), TestContext.Current.CancellationToken);
            Assert.True(result.Success, result.Error?.Message);
            return result.Value?.Data.GetValueOrDefault("text/html") ?? "";
        }
        // Interleaved as two notebooks run side by side: each one's first chart carries the library, its second does
        // not. Each session loads its own copy of the package, and b's setup registers the formatters last: a's
        // second chart is made by b's copy.
        await Html(a, Setup);
        var firstOfA = await Html(a, Chart);
        await Html(b, Setup);
        var charts = new[] { firstOfA, await Html(a, Chart), await Html(b, Chart), await Html(b, Chart) };
        Assert.All(charts, html => Assert.Contains("Plotly.newPlot", html));
        Assert.Equal([true, false, true, false], charts.Select(html => html.Contains("data-library=\"plotly\"")));
    }

    [Fact]
    public async Task ASessionsCellsRunOneAtATimeInCallOrder()
    {
        using var a = new NotebookSession(new SessionOptions { WorkingDirectory = Folder("one") });
        var output = new RecordingOutput();
        var first = a.ExecuteAsync("await Task.Delay(300);\nvar x = 41;", output, TestContext.Current.CancellationToken);
        var second = a.ExecuteAsync("x + 1", output, TestContext.Current.CancellationToken);
        await first;
        var value = await second;
        Assert.True(value.Success, value.Error?.Message);
        Assert.Equal("42", value.Value!.Data["text/plain"]);
    }
}

[CollectionDefinition(nameof(SideBySideTests), DisableParallelization = true)]
public sealed class SideBySideCollection;
