using Analysis;

namespace Analysis.Tests.Cleaning;

/// <summary>Issue 14's cleaning examples, as lines written for this test in the same shape.</summary>
public class HeadlineAndBioTests
{
    [Theory]
    [InlineData("Charity Wins Back Its Millions From the I.R.S.")]
    [InlineData("Minister Says Nothing Will Change, She Tells U.S.")]
    [InlineData("A Quiet Shake-Up at the Top of the Ohio G.O.P.")]
    public void AHeadlineEndingWithAnAbbreviationIsAHeadline(string headline)
    {
        var raw = headline + "\n\nThe body of the story begins here and runs on for a while, as bodies do.\n";
        var cleaned = Cleaner.Clean(raw);
        Assert.Equal(headline, cleaned.Headline);
        Assert.DoesNotContain(headline, cleaned.Text);
    }

    [Fact]
    public void ASentenceEndingWithAFullStopIsStillBody()
    {
        var raw = "The talks ended without a deal.\n\nBoth sides said they would meet again next month.\n";
        Assert.Null(Cleaner.Clean(raw).Headline);
    }

    [Theory]
    [InlineData("Follow her on Twitter at @pjordan_news.")]
    [InlineData("Follow Dana Whitlock on Instagram @dwhitlock")]
    public void AFollowLineIsSetApartAsBio(string line)
    {
        var raw = "Storm Closes Schools\n\nSchools across the county closed on Tuesday as the storm arrived.\n\n" + line + "\n";
        var cleaned = Cleaner.Clean(raw);
        Assert.DoesNotContain("@", cleaned.Text);
        Assert.Contains(cleaned.Removed, p => p.Kind == PieceKinds.Bio && p.Text.Contains('@'));
    }
}
