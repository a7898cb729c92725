using Analysis;
using GenericChart = Plotly.NET.GenericChart;

namespace Analysis.Tests.Extraction.Figures;

/// <summary>The seed facts an analyst checks first, reconciled across the five seed articles.</summary>
public class ReconciliationTests
{
    private static Corpus Seeds()
    {
        var folder = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds");
        Assert.SkipWhen(!Directory.Exists(folder), $"Seed articles not found at {folder}.");
        // Publication dates as the outlets give them, set here rather than read from seeds/manifest.csv.
        var dates = new Dictionary<string, DateOnly>
        {
            ["000"] = new(2024, 10, 23), ["001"] = new(2024, 10, 23), ["002"] = new(2024, 1, 9), ["003"] = new(2024, 10, 22), ["004"] = new(2024, 10, 22),
        };
        return new Corpus(Directory.GetFiles(folder, "*.txt").Order(StringComparer.Ordinal)
            .Select(f => ArticleBuilder.Build(Path.GetFileNameWithoutExtension(f), File.ReadAllText(f), published: dates[Path.GetFileName(f)[..3]]))
            .ToList());
    }

    private static (Corpus Corpus, IReadOnlyList<Figure> Figures, Reconciliation Rec) Run()
    {
        var corpus = Seeds();
        var figures = corpus.Figures();
        return (corpus, figures, figures.Reconcile(corpus));
    }

    [Fact]
    public void HostageFiguresOfTheSameAttackAgree()
    {
        var (_, figures, rec) = Run();
        var hostages = figures.Where(f => f.Measure == "hostages · Oct 7" && f.Qualifier != Qualifier.Range).ToList();
        Assert.Contains(hostages, f => f.ArticleId.StartsWith("002") && f.Value == 240 && f.Qualifier == Qualifier.MoreThan);
        Assert.Contains(hostages, f => f.ArticleId.StartsWith("003") && f.Value == 250 && f.Qualifier == Qualifier.Approximately);
        Assert.Contains(hostages, f => f.ArticleId.StartsWith("004") && f.Value == 250 && f.Qualifier == Qualifier.MoreThan
            && f.Attribution == "according to Israeli tallies");
        Assert.Equal(Verdict.Agree, rec.Measures.Single(m => m.Measure == "hostages · Oct 7").Verdict);
    }

    [Fact]
    public void GazaDeathTollsDatedApartAreAnUpdateNotAConflict()
    {
        var (_, figures, rec) = Run();
        var later = figures.Single(f => f.Value == 42718);
        Assert.Equal("killed · Palestinians", later.Measure);
        Assert.Equal("the enclave's health authorities say", later.Attribution);
        var earlier = figures.Single(f => f.Value == 23000);
        Assert.Equal("killed · Palestinians", earlier.Measure);
        Assert.Equal("According to the Hamas-run Gaza Health Ministry", earlier.Attribution);
        Assert.Equal(Verdict.Update, rec.Measures.Single(m => m.Measure == "killed · Palestinians").Verdict);
    }

    [Fact]
    public void TheJanuaryArticleIsFlaggedAsAnotherOccurrence()
    {
        var (_, _, rec) = Run();
        Assert.Equal(["002_27eef62aab9ae9be"], rec.OtherOccurrences);
        Assert.InRange(rec.StoryDate!.Value, new DateOnly(2024, 10, 22), new DateOnly(2024, 10, 23));
        var visits = rec.Rows.Where(r => r.Measure == "visit number").ToList();
        Assert.Equal([5.0], visits.Where(r => r.OtherOccurrence).Select(r => r.Value));
        Assert.All(visits.Where(r => !r.OtherOccurrence), r => Assert.Equal(11, r.Value));
    }

    [Fact]
    public void MeetingLengthDisplacedAndOctoberSeventhTollAgree()
    {
        var (_, _, rec) = Run();
        Assert.Equal(Verdict.Agree, rec.Measures.Single(m => m.Measure == "meeting length").Verdict);
        Assert.Equal(Verdict.Agree, rec.Measures.Single(m => m.Measure == "displaced · Lebanese").Verdict);
        var toll = rec.Measures.Single(m => m.Measure == "killed · Oct 7");
        Assert.Equal((Verdict.Agree, 3), (toll.Verdict, toll.Articles));
    }

    [Fact]
    public void NoSeedDateYearOrResolutionBecomesAFigure()
    {
        var (corpus, figures, _) = Run();
        Assert.DoesNotContain(figures, f => f.Value is 1701 or 2006 or 2023 or 2024 or 2007);
        Assert.DoesNotContain(figures, f => f.Surface.Contains("Oct") || f.Surface.Contains("two-state"));
        foreach (var f in figures)
            Assert.Equal(f.Surface, corpus.Articles.Single(a => a.Id == f.ArticleId).Text[f.Start..f.End]);
    }

    [Fact]
    public void LoadedSeedsWithTheirManifestReconcileTheSameWay()
    {
        var folder = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds");
        Assert.SkipWhen(!File.Exists(Path.Combine(folder, "manifest.csv")), "seeds/manifest.csv not present.");
        var corpus = Corpus.Load(folder);
        var rec = corpus.Figures().Reconcile(corpus);
        // 001 and 003 carry no date: they are read at the story's date, so 11th vs 5th is the January article's other occurrence.
        Assert.Equal(Verdict.Update, rec.Measures.Single(m => m.Measure == "visit number").Verdict);
        Assert.Equal(["002_27eef62aab9ae9be"], rec.OtherOccurrences);
        Assert.Contains(rec.Rows, r => r.Outlet == "The Times of Israel" && r.Measure == "killed · Palestinians" && r.Value == 23000);
        Assert.Equal(Verdict.Agree, rec.Measures.Single(m => m.Measure == "hostages · Oct 7").Verdict);
    }

    [Fact]
    public void DifferentValuesAtTheSameDateConflict()
    {
        var corpus = new Corpus([
            ArticleBuilder.Build("a", "Officials said 30 people were killed in the blast.", outlet: "A", published: new DateOnly(2024, 5, 1)),
            ArticleBuilder.Build("b", "Officials said 55 people were killed in the blast.", outlet: "B", published: new DateOnly(2024, 5, 1)),
            ArticleBuilder.Build("c", "Officials said 80 people were killed in the blast.", outlet: "C", published: new DateOnly(2024, 5, 9)),
        ]);
        var rec = corpus.Figures().Reconcile(corpus);
        var m = rec.Measures.Single(v => v.Measure == "killed");
        Assert.Equal((Verdict.Conflict, 3), (m.Verdict, m.Articles));
        Assert.Equal(["A", "B", "C"], rec.Rows.Select(r => r.Outlet).Order());
    }

    [Fact]
    public void SingleSourceAndOutletFallbackToArticleId()
    {
        var corpus = Corpus.FromTexts(("only", "Rescuers said 12 people were injured."));
        var rec = corpus.Figures().Reconcile(corpus);
        var row = Assert.Single(rec.Rows);
        Assert.Equal(("only", Verdict.Single, "wounded"), (row.Outlet, row.Verdict, row.Measure));
        var df = rec.ToDataFrame();
        Assert.Equal(["article_id", "outlet", "story", "measure", "verdict", "published", "value", "unit", "qualifier", "low", "high", "counted",
            "attribution", "other_occurrence", "sentence_index", "sentence", "start", "end", "surface"], df.Columns.Select(c => c.Name));
    }

    [Fact]
    public void ChartsDrawOneMarkPerFigureWithIntervalsAndACoverageHeatmap()
    {
        var (_, _, rec) = Run();
        var chart = FigureCharts.ByMeasure(rec, "hostages · Oct 7");
        var json = GenericChart.toJson(chart);
        int markers = rec.Rows.Count(r => r.Measure == "hostages · Oct 7");
        Assert.Equal(markers, System.Text.RegularExpressions.Regex.Matches(json, "\"mode\":\"markers\"").Count);
        Assert.Contains("\"dash\":\"dash\"", json);   // "over 240" is an open whisker
        Assert.Contains("seizing over 240 hostages", json);   // hover text carries the sentence
        var all = GenericChart.toJson(FigureCharts.ByMeasure(rec));
        Assert.Contains("yaxis2", all);
        var coverage = GenericChart.toJson(FigureCharts.Coverage(rec));
        Assert.Contains("\"type\":\"heatmap\"", coverage);
        Assert.Throws<ArgumentException>(() => FigureCharts.ByMeasure(rec, "no such measure"));
    }
}
