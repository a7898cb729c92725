
using Analysis;
namespace Analysis.Tests.Clustering;

public class EventDatesTests
{
    [Fact]
    public void UndatedArticleTakesItsMostMentionedDayInTheNearestYear()
    {
        var articles = new[]
        {
            ArticleBuilder.Build("dated", "Talks went on.", published: new DateOnly(2024, 10, 22)),
            ArticleBuilder.Build("undated", "On Oct. 22 they met. The Oct 22 talks followed the Oct. 7 anniversary."),
            ArticleBuilder.Build("tie", "On Oct. 22 they met after Oct. 7."),
            ArticleBuilder.Build("once", "They met on Oct 21."),
        };
        var dates = EventDates.Of(articles);
        Assert.Equal([new DateOnly(2024, 10, 22), new DateOnly(2024, 10, 22), null, null], dates);
    }

    [Fact]
    public void NoDatedArticleMeansNoInference()
    {
        var articles = new[] { ArticleBuilder.Build("a", "Oct 22 and again Oct 22.") };
        Assert.Equal([null], EventDates.Of(articles));
    }
}
