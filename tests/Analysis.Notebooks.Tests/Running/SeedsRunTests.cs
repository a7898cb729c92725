using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Running;
using static Analysis.Notebooks.Tests.Running.NotebookOutputs;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>Facts about running every notebook on seeds/ (one shared run, see <see cref="SeedsRunFixture"/>).</summary>
[Collection(SeedsRunCollection.Name)]
public sealed class SeedsRunTests(SeedsRunFixture run)
{
    /// <summary>The seed files' names, hence the article ids the loader gives them.</summary>
    private static readonly string[] SeedIds =
        ["000_d6199a2c9468f502", "001_0e3eb90125af58f6", "002_27eef62aab9ae9be", "003_22fe785f3a9f5138", "004_6f4a0a97051a63e0"];

    private Notebook Executed(string name) => Notebook.Load(Path.Combine(run.Output, "notebooks", name + ".ipynb"));

    public static TheoryData<string> NotebookNames() =>
        new(Directory.GetFiles(Path.Combine(SeedsRunFixture.Root, "notebooks"), "*.ipynb").Select(Path.GetFileNameWithoutExtension).Order()!);

    [Fact]
    public void EveryNotebookInTheFolderRan()
    {
        Assert.Equal(["01-articles", "02-clusters", "03-figures", "04-walkthrough"], run.Summary.Notebooks.Select(n => n.Name).Take(4));
        Assert.True(run.Summary.Success, run.Log.ToString());
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void ExecutedNotebookHasNoErrorOutputsAndRealExecutionCounts(string name)
    {
        var notebook = Executed(name);
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        Assert.DoesNotContain(AllOutputs(notebook), o => (string?)o["output_type"] == "error");
        Assert.Equal(Enumerable.Range(1, code.Count).Select(i => (int?)i), code.Select(c => c.ExecutionCount));
        Assert.All(code, c => Assert.Equal(NotebookRunner.Completed, (string?)c.Metadata["papermill"]?["status"]));
        Assert.All(code, c => Assert.True((double)c.Metadata["papermill"]!["duration"]! >= 0));
    }

    [Fact]
    public void ArticleTableShowsFiveArticles()
    {
        var html = Html(Cell(Executed("01-articles"), "a-articles-code"));
        Assert.Equal(5, TableRows(html));
        Assert.All(SeedIds, id => Assert.Contains(id, html));
    }

    [Fact]
    public void LoadReportShowsEverySeedLoaded()
    {
        var rows = Html(Cell(Executed("01-articles"), "a-report-code")).Split("<tr>");
        Assert.All(SeedIds, id => Assert.Contains(rows, r => r.Contains($"<td>{id}</td>") && r.Contains("<td>loaded</td>")));
    }

    [Fact]
    public void ArticlesCsvIsWrittenToTheOutputFolder()
    {
        var path = Path.Combine(run.Output, "tables", "articles.csv");
        Assert.StartsWith("article_id,", File.ReadLines(path).First());
        Assert.Equal(SeedIds, CsvColumn(path, "article_id"));
    }

    [Theory]
    [MemberData(nameof(NotebookNames))]
    public void EachChartHoldsTheArticlesItPlots(string name)
    {
        var table = Path.Combine(run.Output, "tables", "articles.csv");
        var wordsById = CsvColumn(table, "article_id").Zip(CsvColumn(table, "words"), (id, words) => (id, words))
            .ToDictionary(p => p.id, p => int.Parse(p.words));
        foreach (var trace in AllOutputs(Executed(name)).Select(Html).OfType<string>().SelectMany(ChartData).SelectMany(d => d))
        {
            var ids = trace!["x"]!.AsArray().Select(x => (string)x!).ToList();
            Assert.Equal(SeedIds, ids);
            Assert.Equal(ids.Select(id => wordsById[id]), trace["y"]!.AsArray().Select(y => (int)y!));
        }
    }

    [Fact]
    public void ChartsAreDrawnWhereExpected()
    {
        int Charts(string name) => AllOutputs(Executed(name)).Select(Html).OfType<string>().SelectMany(ChartData).Count();
        Assert.Equal(1, Charts("01-articles"));
        Assert.Equal(1, Charts("03-figures"));
    }

    [Fact]
    public void ReportIsSelfContainedWithPlotlyOnce()
    {
        var html = File.ReadAllText(run.Summary.ReportPath);
        Assert.Equal(1, html.Split("data-library=\"plotly\"").Length - 1);
        Assert.DoesNotContain("<script src=", html);
        Assert.All(run.Summary.Notebooks, n => Assert.Contains($"id=\"{n.Name}\"", html));
    }

    [Fact]
    public void ProgressIsLoggedPerCell()
    {
        var cells = run.Summary.Notebooks.Sum(n => n.Cells.Count);
        Assert.Equal(cells, run.Log.ToString().Split('\n').Count(l => l.Contains(" ok ")));
    }
}
