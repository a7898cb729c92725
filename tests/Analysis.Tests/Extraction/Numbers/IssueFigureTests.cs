using Analysis;

namespace Analysis.Tests.Extraction.Numbers;

/// <summary>
/// Issue 15's figure-level failures, each with a sentence of our own of the same shape: what the figure API must
/// report once figures are built on the number layer.
/// </summary>
public class IssueFigureTests
{
    private static List<Figure> Figures(string sentence) => FigureExtractor.Extract(Corpus.FromTexts(("case", sentence)).Articles[0]).ToList();

    [Fact]
    public void NextWordsValueIsNotAddedToACount()
    {
        var f = Assert.Single(Figures("Three four-star generals resigned."));
        Assert.Equal(3, f.Value);
        Assert.Equal("Three", f.Surface);
    }

    [Theory]
    [InlineData("Tickets cost about $800 to $1,000 each.", 800, 1000, "about $800 to $1,000")]
    [InlineData("The house sold for $250,000 to $300,000.", 250000, 300000, "$250,000 to $300,000")]
    public void MoneyToMoneyIsOneRange(string sentence, double low, double high, string surface)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((low, high, Qualifier.Range, "USD", surface), (f.Value, f.High!.Value, f.Qualifier, f.Unit, f.Surface));
    }

    [Theory]
    [InlineData("Turnout fell by as much as 79 percent.", 79, Qualifier.AtMost)]
    [InlineData("Perhaps 15 stories were spiked.", 15, Qualifier.Approximately)]
    [InlineData("A dozen or so reporters waited outside.", 12, Qualifier.Approximately)]
    public void QualifiersAreRead(string sentence, double value, Qualifier qualifier)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal((value, qualifier), (f.Value, f.Qualifier));
    }

    [Theory]
    [InlineData("A neighbour called 911 at once.")]
    [InlineData("The hearing is set for February the 15th, the clerk said.")]
    [InlineData("The page https://example.com/a%2D9114%29b was taken down.")]
    [InlineData("The House voted 234 to 193 for the bill.")]
    public void NotCounts(string sentence) => Assert.Empty(Figures(sentence));

    [Theory]
    [InlineData("Overnight the temperature fell to -4 degrees.", -4, "")]
    [InlineData("The start-up raised 10M.", 10_000_000, "")]
    [InlineData("The charity hired 2.5 k volunteers.", 2500, "")]
    [InlineData("The city has 1 234 567 residents.", 1_234_567, "")]
    [InlineData("He celebrated his twenty-first birthday in Rome.", 21, "ordinal")]
    [InlineData("The mayor won an eighth term on Sunday.", 8, "ordinal")]
    [InlineData("Two-thirds of voters backed the plan.", 2.0 / 3, "fraction")]
    public void OneFigureWithTheRightValue(string sentence, double value, string unit)
    {
        var f = Assert.Single(Figures(sentence));
        Assert.Equal(value, f.Value, 6);
        Assert.Equal(unit, f.Unit);
    }
}
