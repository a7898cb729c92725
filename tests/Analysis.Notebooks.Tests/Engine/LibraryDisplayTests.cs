using Analysis.Notebooks.Engine;

namespace Analysis.Notebooks.Tests.Engine;

/// <summary>The library, loaded the way the notebooks' setup cell loads it (the local feed the build fills), and its formatters.</summary>
public sealed class LibraryDisplayTests
{
    private static readonly string Root = RepositoryPaths.Root(AppContext.BaseDirectory);

    /// <summary>The notebooks' own setup line; loading the package runs its extension script, which registers the formatters.</summary>
    private const string Setup = "#r \"nuget: Analysis.Display, 0.1.0\"\nusing Analysis;";

    private static async Task<CellResult[]> RunCells(params string[] cells)
    {
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Path.Combine(Root, "notebooks") });
        var results = new List<CellResult>();
        foreach (var cell in cells) results.Add(await session.ExecuteAsync(cell, new RecordingOutput(), TestContext.Current.CancellationToken));
        return [.. results];
    }

    [Fact]
    public async Task LoadingThePackageRunsItsExtensionScriptInTheSession()
    {
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Path.Combine(Root, "notebooks") });
        var output = new RecordingOutput();
        var result = await session.ExecuteAsync(Setup, output, TestContext.Current.CancellationToken);
        Assert.True(result.Success, result.Error?.Message);
        Assert.Contains("Installed packages: Analysis.Display, 0.1.0", output.Stdout);
        Assert.Matches(@"Loaded extension script .*analysis\.display[/\\]0\.1\.0[/\\]interactive-extensions[/\\]dotnet[/\\]extension\.dib", output.Stdout);
    }

    [Fact]
    public async Task ReferencedLibraryFormatsDataFramesAsHtmlTables()
    {
        var results = await RunCells(
            Setup,
            "Corpus.FromTexts((\"a\", \"One sentence here. And another one.\"), (\"b\", \"Third text.\")).Articles.ToDataFrame()");
        Assert.All(results, r => Assert.True(r.Success, r.Error?.Message));
        var html = results[1].Value!.Data["text/html"];
        Assert.StartsWith("<table", html);
        Assert.Equal(3, html.Split("<tr>").Length - 1);
    }

    [Fact]
    public async Task CorpusAndRecordListsAreShownAsTables()
    {
        var results = await RunCells(
            Setup + "\nvar corpus = Corpus.FromTexts((\"a\", \"One sentence here.\"), (\"b\", \"Another text.\"));",
            "corpus",
            "corpus.LoadReport");
        Assert.All(results, r => Assert.True(r.Success, r.Error?.Message));
        var corpusHtml = results[1].Value!.Data["text/html"];
        Assert.StartsWith("<p>Corpus of 2 articles from memory</p><table", corpusHtml);
        Assert.Equal("Corpus of 2 articles from memory", results[1].Value!.Data["text/plain"]);
        var reportHtml = results[2].Value!.Data["text/html"];
        Assert.Contains("<th>ArticleId</th>", reportHtml);
        Assert.Equal(2, reportHtml.Split("<tr>").Length - 2);
    }
}
