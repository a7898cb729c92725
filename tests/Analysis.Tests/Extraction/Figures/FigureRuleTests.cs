
using Analysis;
namespace Analysis.Tests.Extraction.Figures;

/// <summary>Single rules of the grammar and the context rules, positive and negative, with exact offsets.</summary>
public class FigureRuleTests
{
    private static IReadOnlyList<Figure> Extract(string text, FigureOptions? options = null) =>
        FigureExtractor.Extract(Corpus.FromTexts(("t", text)).Articles[0], options);

    [Theory]
    [InlineData("Talks lasted two-and-a-half-hour sessions.", "two-and-a-half-hour", 2.5, "hour", "compound-adjective")]
    [InlineData("A 30-day window opened.", "30-day", 30, "day", "compound-adjective")]
    [InlineData("Profits jumped to $1.13bn.", "$1.13bn", 1.13e9, "USD", "digits-scale")]
    [InlineData("He was paid £600m.", "£600m", 6e8, "GBP", "digits-scale")]
    [InlineData("Some 1.2 million fled.", "Some 1.2 million", 1.2e6, "", "digits-scale")]
    [InlineData("It was Blinken's 11th trip.", "11th", 11, "ordinal", "ordinal-digits")]
    [InlineData("Between 20 and 30 people died.", "Between 20 and 30", 20, "", "range-between")]
    [InlineData("Twenty-three boats sank.", "Twenty-three", 23, "", "words")]
    public void SurfaceValueUnitAndRule(string text, string surface, double value, string unit, string rule)
    {
        var f = Assert.Single(Extract(text));
        Assert.Equal((surface, value, unit, rule), (f.Surface, f.Value, f.Unit, f.Rule));
        Assert.Equal(text.IndexOf(surface, StringComparison.Ordinal), f.Start);
        Assert.Equal(f.Start + surface.Length, f.End);
    }

    [Theory]
    [InlineData("Around 250 hostages were taken.", 225.0, 275.0)]
    [InlineData("More than 250 hostages were taken.", 250.0, null)]
    [InlineData("Up to 250 hostages were taken.", null, 250.0)]
    [InlineData("Officials said 1.2 million people fled.", 1.15e6, 1.25e6)]
    [InlineData("Exactly 42,718 people died.", 42717.5, 42718.5)]
    public void IntervalFollowsTheWording(string text, double? low, double? high)
    {
        var f = Assert.Single(Extract(text));
        Assert.Equal((low, high), (f.Low, f.High));
    }

    [Fact]
    public void BetweenWithADescendingPairKeepsBothNumbers()
    {
        var figures = Extract("The gap between 30 and 20 seats narrowed.");
        Assert.Equal([30.0, 20.0], figures.Select(f => f.Value));
        Assert.All(figures, f => Assert.NotEqual(Qualifier.Range, f.Qualifier));
    }

    [Fact]
    public void UserCategoryExtendsTheLexicons()
    {
        var options = new FigureOptions();
        options.Categories.Insert(0, new MeasureCategory("vaccinated", [""], ["vaccinated", "jabbed"]));
        var f = Assert.Single(Extract("Nurses say 3,400 children were jabbed last week.", options));
        Assert.Equal("vaccinated", f.Measure);
        Assert.Equal("Nurses say", f.Attribution);
    }

    [Fact]
    public void DataFrameHasTheDocumentedColumns()
    {
        var df = Extract("Lebanese authorities said 13 people were killed.").ToDataFrame();
        Assert.Equal(["article_id", "outlet", "value", "unit", "low", "high", "qualifier", "counted", "measure", "attribution",
            "surface", "source", "raw_start", "raw_end", "start", "end", "sentence_index", "sentence", "rule"], df.Columns.Select(c => c.Name));
        Assert.Equal("Lebanese authorities said", df["attribution"][0]);
        Assert.Equal("killed", df["measure"][0]);
    }

    [Fact]
    public void BadOptionsAndNullInputAreClearErrors()
    {
        Assert.Throws<ArgumentNullException>(() => FigureExtractor.Extract((Analysis.Article)null!));
        var options = new FigureOptions { ApproximateTolerance = 2 };
        var e = Assert.Throws<ArgumentOutOfRangeException>(() => Extract("6 people.", options));
        Assert.Contains("ApproximateTolerance", e.Message);
    }
}
