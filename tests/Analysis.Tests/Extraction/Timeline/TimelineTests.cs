using Analysis;
using Analysis.Tests.Extraction.Entities;

namespace Analysis.Tests.Extraction.Timeline;

public class TimelineTests
{
    public static TheoryData<string, string, string, string, string> Rows() => LabelledData.Five("Extraction/Timeline/Data/relative-dates.tsv");

    [Theory]
    [MemberData(nameof(Rows))]
    public void DateIsResolvedAgainstTheArticleDate(string published, string sentence, string expression, string expected, string precision)
    {
        var article = ArticleBuilder.Build("a", sentence, published: DateOnly.Parse(published));
        var entry = Assert.Single(new Corpus([article]).Timeline().Entries);
        Assert.Equal(expression, entry.Expression);
        Assert.Equal(expected, entry.Date?.ToString("yyyy-MM-dd") ?? "");
        Assert.Equal(precision, entry.Precision);
        Assert.Equal(sentence, entry.Sentence);
        Assert.Equal(expression, article.Text[entry.Start..entry.End]);
        Assert.False(string.IsNullOrEmpty(entry.Basis));
    }

    [Fact]
    public void ArticleDateIsInferredWhenMissing()
    {
        var t = Corpus.FromTexts(("a", "It rained on October 22, 2024. The team met on Monday.")).Timeline();
        var monday = t.Entries.Single(e => e.Expression == "on Monday");
        Assert.Equal(new DateOnly(2024, 10, 21), monday.Date);
        Assert.StartsWith("inferred", monday.ReferenceBasis);
    }

    [Fact]
    public void YearlessDateTakesItsYearFromItsStory()
    {
        var corpus = new Corpus([
            ArticleBuilder.Build("a", "The envoys met on Tuesday.", published: new DateOnly(2024, 10, 22)),
            ArticleBuilder.Build("b", "The envoys met on Oct. 22. The war began on Oct. 7, 2023. Talks resume on Monday."),
        ]);
        var b = corpus.Timeline(new TimelineOptions { SameStory = [["a", "b"]] }).Entries.Where(e => e.ArticleId == "b").ToList();
        Assert.All(b, e => Assert.Equal(new DateOnly(2024, 10, 22), e.Reference));
        Assert.Contains("this article or its story", b[0].ReferenceBasis);
        Assert.Equal(new DateOnly(2024, 10, 21), b.Single(e => e.Expression == "on Monday").Date);
    }

    [Fact]
    public void YearlessDateNeverBorrowsItsYearFromAnUnrelatedArticle()
    {
        // The unrelated article was published on the very day the yearless date names, eight years earlier.
        var corpus = new Corpus([
            ArticleBuilder.Build("old", "Parliament met on Tuesday.", published: new DateOnly(2011, 2, 8)),
            ArticleBuilder.Build("new", "Sales opened on Jan. 3, 2019. Tickets are valid through Feb. 8."),
        ]);
        var entries = corpus.Timeline().Entries.Where(e => e.ArticleId == "new").ToList();
        Assert.Equal(new DateOnly(2019, 2, 8), entries.Single(e => e.Expression.Contains("Feb. 8")).Reference);
        Assert.Contains("this article", entries[0].ReferenceBasis);
        // Without any full date of its own or of its story, a yearless date gives no reference at all.
        var alone = new Corpus([corpus.Articles[0], ArticleBuilder.Build("bare", "Tickets are valid through Feb. 8.")]);
        Assert.Null(alone.Timeline().Entries.Single(e => e.ArticleId == "bare").Reference);
    }

    [Fact]
    public void OutletsGivingAnotherDayForTheSameEventAreFlagged()
    {
        var corpus = new Corpus([
            ArticleBuilder.Build("a", "Antony Blinken met Benjamin Netanyahu on Tuesday.", outlet: "A", published: new DateOnly(2024, 10, 22)),
            ArticleBuilder.Build("b", "Antony Blinken met Benjamin Netanyahu on Oct. 22.", outlet: "B", published: new DateOnly(2024, 10, 23)),
            ArticleBuilder.Build("c", "Antony Blinken met with Benjamin Netanyahu on Wednesday.", outlet: "C", published: new DateOnly(2024, 10, 23)),
        ]);
        var timeline = corpus.Timeline();
        var flag = Assert.Single(timeline.Inconsistencies());
        Assert.Equal("c", flag.ArticleId);
        Assert.Equal(new DateOnly(2024, 10, 23), flag.Date);
        Assert.Equal("meet: Antony Blinken + Benjamin Netanyahu", flag.EventKey);
        Assert.Contains("2024-10-22", flag.Reason);
    }

    [Fact]
    public void WeekdayContradictingItsDateIsFlagged()
    {
        var t = Corpus.FromTexts(("a", "The summit opened on Wednesday, Oct. 22, 2024, in Doha.")).Timeline();
        Assert.Contains(t.Inconsistencies(), i => i.Reason.Contains("Tuesday"));
    }

    [Fact]
    public void SeedArticlesDisagreeOnTheWeekdayOfTheMeeting()
    {
        // The repository's seeds carry a manifest (outlets, publication days); 000 gives no date and is inferred.
        var seeds = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds");
        Assert.SkipWhen(!File.Exists(Path.Combine(seeds, "manifest.csv")), $"seed articles with manifest not found at {seeds}");
        // 000's yearless dates take their year from its story (the four October articles), as the analysis does.
        var corpus = Corpus.Load(seeds);
        var timeline = corpus.Timeline(new TimelineOptions { SameStory = corpus.Stories().Select(s => s.ArticleIds).ToList() });
        var flag = Assert.Single(timeline.Inconsistencies());
        Assert.StartsWith("000_", flag.ArticleId);
        Assert.Equal("on Wednesday", flag.Expression);
        Assert.Equal("meet: Antony Blinken + Benjamin Netanyahu", flag.EventKey);
        Assert.Contains("3 outlet(s) place it on 2024-10-22 (Tuesday)", flag.Reason);
        var html = Plotly.NET.GenericChart.toChartHTML(TimelineCharts.ByOutlet(timeline, new DateOnly(2024, 1, 1)));
        Assert.Contains("000_d6199a2c9468f502", html);
    }
}
