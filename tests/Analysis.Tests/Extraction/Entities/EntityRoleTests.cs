using Analysis;

namespace Analysis.Tests.Extraction.Entities;

/// <summary>Issue 14: bylined reporters, post authors and quoted sources are in the entities table with their role.</summary>
public class EntityRoleTests
{
    [Theory]
    [InlineData("By Wendell Oakhurst, Priya Vantanen and Omar al-Haddadi", "Wendell Oakhurst|Priya Vantanen|Omar al-Haddadi")]
    [InlineData("Wendell Oakhurst | Reuters", "Wendell Oakhurst")]
    [InlineData("By Priya Vantanen, Staff Writer", "Priya Vantanen")]
    [InlineData("Associated Press", "")]
    public void BylineNamesArePersonalNamesOnly(string byline, string expected) =>
        Assert.Equal(expected, string.Join("|", Contributors.BylineNames(byline, Gazetteer.Default)));

    [Fact]
    public void BylineReportersGetARowAndQuotedSpeakersTheirRole()
    {
        var article = ArticleBuilder.Build("a",
            "Talks resumed on Monday. \"We will keep working until there is a deal,\" Senator Halvard Presswick said. Presswick spoke for an hour.\n\nPriya Vantanen asked several questions.",
            byline: "Priya Vantanen and Wendell Oakhurst");
        var corpus = new Corpus([article]);
        var analysis = corpus.Analyze();
        var rows = corpus.Entities().WithSpeakers(analysis.Quotes);
        var speaker = Assert.Single(rows, r => r.Canonical == "Halvard Presswick");
        Assert.Equal("named; quoted", speaker.Role);
        // A reporter the text names too keeps one row with both roles; one it never names gets a row of its own.
        var named = Assert.Single(rows, r => r.Canonical == "Priya Vantanen");
        Assert.Equal("named; byline", named.Role);
        Assert.Equal(1, named.Mentions);
        var credited = Assert.Single(rows, r => r.Canonical == "Wendell Oakhurst");
        Assert.Equal("byline", credited.Role);
        Assert.Equal((0, -1, -1, "byline"), (credited.Mentions, credited.Start, credited.SentenceIndex, credited.Rule));
        Assert.Equal("Priya Vantanen and Wendell Oakhurst", credited.Sentence);

        var table = corpus.Entities().ToDataFrame(analysis.Quotes);
        Assert.Contains("role", table.Columns.Select(c => c.Name));
    }

    [Fact]
    public void PostAuthorsAreEntitiesOfTheArticle()
    {
        var a = ArticleBuilder.Build("a", "The storm reached the coast overnight.");
        var withPost = new Article
        {
            Id = a.Id, Raw = a.Raw, Text = a.Text, Map = a.Map, Paragraphs = a.Paragraphs, Sentences = a.Sentences,
            Posts = [new SocialPost("Stay indoors tonight.", "Ilse Marrowby", "@imarrowby", null, 0, 0)],
        };
        var row = Assert.Single(new Corpus([withPost]).Entities().Counts, r => r.Canonical == "Ilse Marrowby");
        Assert.Equal(EntityRoles.PostAuthor, row.Role);
        Assert.Equal("Stay indoors tonight.", row.Sentence);
    }

    [Fact]
    public void MentionTitleAndPlaceAndQuoteConfidenceAreColumns()
    {
        var corpus = Corpus.FromTexts(("a", "\"We will not stop until the work is done,\" Nebraska Gov. Tobias Wrenfield said on Monday."));
        var mentions = corpus.Entities().Mentions.ToDataFrame();
        int row = corpus.Entities().Mentions.ToList().FindIndex(m => m.Canonical == "Tobias Wrenfield");
        Assert.Equal("Gov.", mentions["title"][row]);
        Assert.Equal("Nebraska", mentions["place"][row]);
        var quotes = corpus.Quotes();
        var table = quotes.ToDataFrame();
        Assert.Equal(quotes[0].Confidence, (double)table["confidence"][0]!);
        Assert.True(quotes[0].Confidence > 0.5, $"confidence {quotes[0].Confidence}");
    }
}
