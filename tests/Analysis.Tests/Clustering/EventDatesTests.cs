using Analysis;
namespace Analysis.Tests.Clustering;

public class EventDatesTests
{
    private static EventDay?[] Of(params Article[] articles) => new Corpus(articles).Annotations.Select(EventDates.Of).ToArray();

    [Fact]
    public void AnUndatedArticleTakesItsMostMentionedDayOnlyWithItsOwnYear()
    {
        var dates = Of(
            ArticleBuilder.Build("dated", "Talks went on.", published: new DateOnly(2024, 10, 22)),
            ArticleBuilder.Build("own-year", "On Oct. 22, 2024 they met. The Oct 22 talks followed the Oct. 7 anniversary."),
            ArticleBuilder.Build("yearless", "On Oct. 22 they met. The Oct 22 talks followed the Oct. 7 anniversary."),
            ArticleBuilder.Build("tie", "On Oct. 22, 2024 they met after Oct. 7, 2024."),
            ArticleBuilder.Build("once", "They met on Oct 21, 2024."));
        // "yearless" would have borrowed 2024 from "dated" before: a year is never taken from another article.
        Assert.Equal([new EventDay(10, 22, 2024), new EventDay(10, 22, 2024), new EventDay(10, 22, null), null, null], dates);
    }

    [Fact]
    public void AnArticleAloneIsDatedByItsOwnText()
    {
        Assert.Equal([new EventDay(10, 22, 2022)], Of(ArticleBuilder.Build("a", "Oct 22, 2022 and again Oct 22.")));
    }
}
