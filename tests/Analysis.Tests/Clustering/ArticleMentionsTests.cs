using Analysis;
namespace Analysis.Tests.Clustering;

/// <summary>What clusters are explained by, read from the annotated article (formerly a regex stand-in's tests).</summary>
public class ArticleMentionsTests
{
    private static AnnotatedArticle Annotated(string text) => Corpus.FromTexts([("a", text)]).Annotations[0];

    [Theory]
    [InlineData("Blinken met him on Oct. 22, 2024 in Tel Aviv.", "Oct 22")]
    [InlineData("The attack of October 7 changed everything.", "Oct 7")]
    [InlineData("Talks resumed on 3 March after a pause.", "Mar 3")]
    [InlineData("By Sept. 27 the strikes had begun.", "Sep 27")]
    [InlineData("Prices rose in May 2024; the deal was signed on 12 June.", "Jun 12")]
    public void DaysAreNormalisedToMonthAndDay(string text, string expected) =>
        Assert.Contains(expected, ArticleMentions.Days(Annotated(text)));

    [Theory]
    [InlineData("Turnout may 5 times exceed the forecast.")]
    [InlineData("He scored 22 goals in May 2023.")]
    public void NumbersThatAreNotDaysAreNotDays(string text) => Assert.Empty(ArticleMentions.Days(Annotated(text)));

    [Fact]
    public void NamesComeFromTheEntityLayerWithoutTitlesOrPossessives()
    {
        var names = ArticleMentions.Names(Annotated("The State Department said Israel’s army and Prime Minister Benjamin Netanyahu met."));
        Assert.Contains("State Department", names);
        Assert.Contains("Israel", names);
        Assert.Contains("Benjamin Netanyahu", names);
        Assert.DoesNotContain("The State Department", names);
        Assert.DoesNotContain("Israel’s", names);
    }

    [Fact]
    public void FiguresKeepUnitsAndSkipYears()
    {
        var figures = ArticleMentions.Figures(Annotated("Some 1,200 people died in 2023; aid rose 40% to $1.2 billion."));
        Assert.Contains("1,200", figures);
        Assert.Contains("40%", figures);
        Assert.Contains("$1.2 billion", figures);
        Assert.DoesNotContain("2023", figures);
    }

    [Fact]
    public void SharedKeepsWhatMostOfAGroupHasAndOthersLack()
    {
        var perDocument = new List<HashSet<string>> { new() { "Riverton", "Stroud" }, new() { "Riverton" }, new() { "Calloway" }, new() { "Calloway", "Riverton" } };
        var shared = ArticleMentions.Shared(perDocument, [0, 0, 1, 1], 2, 5);
        // Riverton: all of group 0, half of group 1 (0.5); Stroud: half of group 0, none of group 1 (0.5); ties by text.
        Assert.Equal(["Riverton", "Stroud"], shared[0]);
        Assert.Equal(["Calloway"], shared[1]);
    }
}
