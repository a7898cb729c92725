
using Analysis;
namespace Analysis.Tests.Clustering;

public class MentionsTests
{
    [Theory]
    [InlineData("Blinken met him on Oct. 22, 2024 in Tel Aviv.", "Oct 22")]
    [InlineData("The attack of October 7 changed everything.", "Oct 7")]
    [InlineData("Talks resumed on 3 March after a pause.", "Mar 3")]
    [InlineData("By Sept. 27 the strikes had begun.", "Sep 27")]
    [InlineData("Prices rose in May 2024; the deal was signed on 12 June.", "Jun 12")]
    public void DatesAreNormalisedToMonthAndDay(string text, string expected) =>
        Assert.Contains(expected, Mentions.Dates(text));

    [Theory]
    [InlineData("Turnout may 5 times exceed the forecast.")]
    [InlineData("He scored 22 goals in May 2023.")]
    public void NumbersThatAreNotDaysAreNotDates(string text) => Assert.Empty(Mentions.Dates(text));

    [Fact]
    public void EntitiesDropLeadingStopWordsAndPossessives()
    {
        var names = Mentions.Entities("The State Department said Israel’s army and Prime Minister Benjamin Netanyahu met.");
        Assert.Contains("State Department", names);
        Assert.Contains("Israel", names);
        Assert.Contains("Prime Minister Benjamin Netanyahu", names);
        Assert.DoesNotContain("The State Department", names);
    }

    [Fact]
    public void FiguresKeepUnitsAndSkipBareYears()
    {
        var figures = Mentions.Figures("Some 1,200 people died in 2023; aid rose 40% to $1.2 billion.");
        Assert.Contains("1,200", figures);
        Assert.Contains("40%", figures);
        Assert.Contains("$1.2 billion", figures);
        Assert.DoesNotContain("2023", figures);
    }

    [Theory]
    [InlineData("policies", "policy")]
    [InlineData("talks", "talk")]
    [InlineData("israels", "israel")]
    [InlineData("crisis", "crisis")]
    [InlineData("business", "business")]
    [InlineData("virus", "virus")]
    [InlineData("says", "say")]
    public void LightStemmerStripsPluralEndings(string word, string stem) =>
        Assert.Equal(stem, TermTokenizer.Stem(word.ToCharArray()).ToString());
}
