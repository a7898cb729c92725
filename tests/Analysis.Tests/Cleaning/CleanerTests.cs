using Analysis;
using Analysis.Tests.Loading;

namespace Analysis.Tests.Cleaning;

public class CleanerTests
{
    private const string Before = "The ministers met in the capital on Monday to discuss the plan in detail.";
    private const string After = "Officials from both sides said the talks would continue later in the week.";

    public static TheoryData<string, string> LineKinds() => TestFiles.TsvPairs("Cleaning", "Data", "line-kinds.tsv");

    [Theory]
    [MemberData(nameof(LineKinds))]
    public void ClassifiesALineBetweenBodyParagraphs(string line, string expected)
    {
        var raw = $"{Before}\n\n{line}\n\n{After}";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        var piece = cleaned.Removed.SingleOrDefault(p => p.Text == line);
        Assert.Equal(expected, piece?.Kind ?? (cleaned.Text.Contains(line) ? "body" : "lost"));
        Assert.Contains(Before, cleaned.Text);
        Assert.Contains(After, cleaned.Text);
    }

    [Theory]
    [InlineData("The company's shares were repor", "ted to have fallen sharply.", "The company's shares were reported to have fallen sharply.")]
    [InlineData("Rescuers worked through the ni", "ght to reach survivors.", "Rescuers worked through the night to reach survivors.")]
    [InlineData("The team has been walk", "ing a fine line all season.", "The team has been walking a fine line all season.")]
    [InlineData("Officials said", "he would not attend the meeting.", "Officials said he would not attend the meeting.")]
    [InlineData("The convoy drove in", "to the city at dawn.", "The convoy drove in to the city at dawn.")]
    [InlineData("The price rose to 1,200", "euros per tonne.", "The price rose to 1,200 euros per tonne.")]
    [InlineData("Talks on a cease-", "fire resumed on Monday.", "Talks on a cease-fire resumed on Monday.")]
    public void RejoinsTextSplitByALineBreak(string left, string right, string expected)
    {
        var cleaned = Cleaner.Clean($"{left}\n\n{right}", new CleanOptions { DetectHeadline = false });
        Assert.Equal(expected, cleaned.Text);
        var join = Assert.Single(cleaned.Removed);
        Assert.Equal(PieceKinds.Join, join.Kind);
        Assert.Equal("\n\n", join.Text);
    }

    [Fact]
    public void JoinsAWordTheArticleWritesWholeElsewhere()
    {
        var raw = "Hochstein arrived on Monday.\n\nThe envoy Amos Hoch\n\nstein met officials.";
        Assert.Contains("The envoy Amos Hochstein met officials.", Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false }).Text);
    }

    [Fact]
    public void SentenceStartsAreNotJoined()
    {
        var cleaned = Cleaner.Clean("The first paragraph ends here\n\nThe second one begins.", new CleanOptions { DetectHeadline = false });
        Assert.Equal("The first paragraph ends here\n\nThe second one begins.", cleaned.Text);
    }

    [Fact]
    public void TeaserBlockAtTheEndIsSetApartWithItsFigures()
    {
        var raw = $"{Before}\n\n{After}\n\nMost Read\n\nOil prices\n\nBrent jumps 7% to $91 a barrel as 3,000 traders react\n\nThe benchmark rose for a third day.";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        Assert.Equal($"{Before}\n\n{After}", cleaned.Text);
        Assert.Equal(4, cleaned.Removed.Count(p => p.Kind == PieceKinds.Teaser));
    }

    [Fact]
    public void TeaserLabelMidBodyTakesOnlyTheFollowingTeaser()
    {
        var body = string.Join("\n\n", Enumerable.Repeat(After, 6));
        var raw = $"{Before}\n\nRelated\n\nWorld\n\nOther story headline here\n\nOther story summary with 42 people.\n\n{body}";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        Assert.DoesNotContain("42 people", cleaned.Text);
        Assert.StartsWith(Before + "\n\n" + After, cleaned.Text);
    }

    [Fact]
    public void EmbeddedPostIsSetApartWithAuthorHandleAndDate()
    {
        var raw = $"{Before}\nBreaking: talks collapse in Doha pic.twitter.com/AbC123\n— Jane Roe (@janeroe) March 3, 2024\n{After}";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        var post = Assert.Single(cleaned.Posts);
        Assert.Equal(("Jane Roe", "janeroe", new DateOnly(2024, 3, 3)), (post.Author, post.Handle, post.Date));
        Assert.Equal("Breaking: talks collapse in Doha pic.twitter.com/AbC123", post.Text);
        Assert.Equal($"{Before}\n\n{After}", cleaned.Text);
        Assert.Equal(2, cleaned.Removed.Count(p => p.Kind == PieceKinds.Post));
        Assert.Contains(cleaned.Dates, d => d.Kind == "post" && d.Date == new DateOnly(2024, 3, 3));
    }

    [Fact]
    public void PostTextOverSeveralLinesIsTakenWhileItLooksLikeAPost()
    {
        var raw = $"{Before}\nThread on the vote, with @cityhall:\nTurnout was 61% #vote2024 https://t.co/xYz\n— City Desk (@citydesk) May 2, 2024\n{After}";
        var post = Assert.Single(Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false }).Posts);
        Assert.Equal("Thread on the vote, with @cityhall:\nTurnout was 61% #vote2024 https://t.co/xYz", post.Text);
        Assert.Equal(raw.IndexOf("Thread", StringComparison.Ordinal), post.RawStart);
    }

    [Fact]
    public void RepeatedLeadAndCaptionAreCountedOnce()
    {
        const string caption = "A man walks past a damaged building in Kyiv, Ukraine. (Efrem Lukatsky/AP)";
        var raw = $"{Before}\n\n{caption}\n\n{caption}\n\n{Before}\n\n{After}";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        Assert.Equal($"{Before}\n\n{After}", cleaned.Text);
        Assert.Equal(["caption", "repeat", "repeat"], cleaned.Removed.Select(p => p.Kind));
    }

    [Fact]
    public void BylineBioAndSourceBecomeMetadata()
    {
        var raw = $"By Jane Doe\n\n{Before}\n\n{After}\n\nJane Doe is The Daily Planet's science editor.\n\nFrom The Daily Planet";
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        Assert.Equal("Jane Doe", cleaned.Byline);
        Assert.Equal("The Daily Planet", cleaned.Outlet);
        Assert.Equal($"{Before}\n\n{After}", cleaned.Text);
    }

    [Fact]
    public void DatelineOpeningTheFirstParagraphIsSetApart()
    {
        var cleaned = Cleaner.Clean($"GAZA CITY, Oct. 22, 2024 (Reuters) - {Before}", new CleanOptions { DetectHeadline = false });
        Assert.Equal(Before, cleaned.Text);
        Assert.Equal(PieceKinds.Dateline, Assert.Single(cleaned.Removed).Kind);
        Assert.Equal(new DateOnly(2024, 10, 22), Assert.Single(cleaned.Dates).Date);
    }

    [Theory]
    [InlineData("Markets rally as inflation cools\n\nShares rose on Monday.", "Markets rally as inflation cools")]
    [InlineData("'Strong dollar' call halts slide\n\nThe dollar steadied.", "'Strong dollar' call halts slide")]
    [InlineData("Markets rally as inflation cools\nShares rose on Monday after figures showed prices rising more slowly than forecast.", "Markets rally as inflation cools")]
    [InlineData("iPhone sales slow in China\n\nApple said sales fell.", "iPhone sales slow in China")]
    [InlineData("Rivals of the £400 Apple...\n\nThe Mac mini is cheap.", "Rivals of the £400 Apple...")]
    [InlineData("&#163;1.8m fine for broadcaster\n\nThe broadcaster paid.", "&#163;1.8m fine for broadcaster")]
    [InlineData("shares fell sharply on monday\n\nThe index dropped.", null)]
    [InlineData("Markets rallied on Monday as inflation cooled.\nShares rose.", null)]
    [InlineData("Markets rally as inflation cools", null)]
    public void FirstLineIsTheHeadlineWhenItReadsAsOne(string raw, string? expected) =>
        Assert.Equal(expected, Cleaner.Clean(raw).Headline);

    [Theory]
    [InlineData("Line one.\r\nLine two.\r\n\r\nLine three.")]
    [InlineData("Line one.\rLine two.\r\rLine three.")]
    [InlineData("Line one.\nLine two.\n\nLine three.")]
    public void AnyLineEndingSeparatesParagraphs(string raw)
    {
        var cleaned = Cleaner.Clean(raw, new CleanOptions { DetectHeadline = false });
        Assert.Equal("Line one.\n\nLine two.\n\nLine three.", cleaned.Text);
    }

    [Fact]
    public void EveryKeptCharacterMapsBackToTheSameRawCharacter()
    {
        var raw = File.ReadAllText(Path.Combine(TestFiles.Seeds, "004_6f4a0a97051a63e0.txt"));
        var cleaned = Cleaner.Clean(raw);
        int checkedChars = 0;
        for (int i = 0; i < cleaned.Text.Length; i++)
        {
            if (cleaned.Text[i] == '\n') continue;
            Assert.Equal(cleaned.Text[i], raw[cleaned.Map.ToRaw(i)]);
            checkedChars++;
        }
        Assert.True(checkedChars > 4000);
        foreach (var piece in cleaned.Removed) Assert.Equal(piece.Text, raw[piece.RawStart..piece.RawEnd]);
    }

    [Fact]
    public void PublishedDateIsTheLatestDatedEvidence()
    {
        var inferred = PublishedDateInference.Infer([
            new DateEvidence("caption", new DateOnly(2023, 12, 13), "December 13, 2023"),
            new DateEvidence("caption", new DateOnly(2024, 1, 9), "January 9, 2024"),
            new DateEvidence("post", new DateOnly(2024, 1, 9), "January 9, 2024"),
        ]);
        Assert.Equal(new DateOnly(2024, 1, 9), inferred?.Date);
        Assert.Equal("caption: January 9, 2024 (2 of 3 dates)", inferred?.Basis);
        Assert.Null(PublishedDateInference.Infer([]));
        var fromDateline = PublishedDateInference.Infer([
            new DateEvidence("post", new DateOnly(2024, 3, 9), "March 9, 2024"),
            new DateEvidence("dateline", new DateOnly(2024, 3, 8), "March 8, 2024"),
        ]);
        Assert.Equal(new DateOnly(2024, 3, 8), fromDateline?.Date);
        Assert.Equal("dateline: March 8, 2024 (1 of 2 dates)", fromDateline?.Basis);
    }
}
