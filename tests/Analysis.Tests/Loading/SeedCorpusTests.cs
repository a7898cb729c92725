
using Analysis;
namespace Analysis.Tests.Loading;

/// <summary>Acceptance: the five seed articles and the BBC corpus.</summary>
public class SeedCorpusTests
{
    private static readonly Lazy<Corpus> Seeds = new(() => Corpus.Load(TestFiles.Seeds));

    private static Article Seed(string prefix) => Seeds.Value.Articles.Single(a => a.Id.StartsWith(prefix));

    [Fact]
    public void LoadsFiveArticlesAndReportsEveryInput()
    {
        var corpus = Seeds.Value;
        Assert.Equal(5, corpus.Articles.Count);
        Assert.Equal(["manifest.csv", "000_d6199a2c9468f502.txt", "001_0e3eb90125af58f6.txt", "002_27eef62aab9ae9be.txt",
            "003_22fe785f3a9f5138.txt", "004_6f4a0a97051a63e0.txt"], corpus.LoadReport.Select(r => r.File));
        Assert.All(corpus.LoadReport, r => Assert.Equal(LoadStatus.Loaded, r.Status));
    }

    [Theory]
    [InlineData("000", null)]
    [InlineData("001", null)]
    [InlineData("002", "Blinken meets Israel’s war leadership as US concerns grow")]
    [InlineData("003", null)]
    [InlineData("004", "Blinken in Israel in last big ceasefire push before US election")]
    public void HeadlinesWhereTheTextHasOne(string seed, string? headline)
    {
        var article = Seed(seed);
        Assert.Equal(headline, article.Headline);
        if (headline is not null) Assert.DoesNotContain(headline, article.Text);
    }

    [Fact]
    public void HeadlinesAreFoundInTheTextWithoutTheManifestToo()
    {
        var corpus = Corpus.Load(TestFiles.Seeds, new() { UseManifest = false });
        Assert.Equal([null, null, "Blinken meets Israel’s war leadership as US concerns grow", null,
            "Blinken in Israel in last big ceasefire push before US election"], corpus.Articles.Select(a => a.Headline));
        Assert.Equal(new DateOnly(2024, 1, 9), corpus.Articles[2].Published);
        Assert.True(corpus.Articles[2].PublishedInferred);
        Assert.StartsWith("caption: January 9, 2024", corpus.Articles[2].PublishedBasis);
        Assert.Equal("The Times of Israel", corpus.Articles[2].Outlet);
        Assert.Equal("Lazar Berman", corpus.Articles[2].Byline);
    }

    [Fact]
    public void SplitWordsAreRejoined()
    {
        var text = Seed("004").Text;
        Assert.Contains("Hours before Blinken landed, air raid sirens sounded", text);
        Assert.Contains("takes over following the Nov. 5 election", text);
        Assert.Equal(2, Seed("004").Removed.Count(p => p.Kind == PieceKinds.Join));
    }

    [Fact]
    public void ChromeTeasersAndNoticesAreSetApart()
    {
        var article = Seed("004");
        foreach (var gone in new[] { "Skip to main content", "3 min", "Syrian FM hints", "undeniable reality", "newsletter", "Mena banner", "cookies" })
            Assert.DoesNotContain(gone, article.Text);
        Assert.Contains(article.Removed, p => p.Kind == PieceKinds.Teaser && p.Text.StartsWith("Syrian FM hints"));
        Assert.Contains(Seed("002").Removed, p => p.Kind == PieceKinds.Teaser && p.Text == "Most Popular");
        Assert.EndsWith("who were killed in Israel on October 7.", Seed("002").Text);
    }

    [Fact]
    public void CaptionsAndRepeatsAreCountedOnce()
    {
        var article = Seed("002");
        Assert.Equal(7, article.Removed.Count(p => p.Kind == PieceKinds.Caption));
        Assert.Equal(1, article.Removed.Count(p => p.Kind == PieceKinds.Repeat));
        Assert.DoesNotContain("(Kobi Gideon/GPO)", article.Text);
        var lead = "Secretary of State Antony Blinken met Israeli Prime Minister Benjamin Netanyahu on Tuesday";
        Assert.Single(Seed("004").Paragraphs, p => p.Span.Of(Seed("004").Text).StartsWith(lead));
        Assert.Contains(Seed("004").Removed, p => p.Kind == PieceKinds.Caption && p.Text.EndsWith("Reuters/Nathan Howard"));
    }

    [Fact]
    public void EmbeddedPostsAreSetApartWithAuthorHandleAndDate()
    {
        var article = Seed("000");
        var attributed = article.Posts.Where(p => p.Handle is not null).ToList();
        Assert.Equal(["edrormba", "JewishWarrior13", "mdubowitz", "AvivaKlompas"], attributed.Select(p => p.Handle));
        Assert.Equal("Eli Dror", attributed[0].Author);
        Assert.Equal(new DateOnly(2024, 10, 22), attributed[0].Date);
        Assert.StartsWith("Netanyahu to Blinken:", attributed[0].Text);
        Assert.Equal(new DateOnly(2024, 8, 25), attributed[3].Date);
        foreach (var gone in new[] { "pic.twitter.com", "t.co/", "(@", "JUST IN" }) Assert.DoesNotContain(gone, article.Text);
        Assert.Equal(new DateOnly(2024, 10, 22), article.Published);
        Assert.True(article.PublishedInferred);
        Assert.StartsWith("post: October 22, 2024", article.PublishedBasis);
    }

    [Fact]
    public void BylinesBiosAndSourcesBecomeMetadata()
    {
        Assert.Equal("Humeyra Pamuk, Maayan Lubell and Nidal al-Mughrabi", Seed("004").Byline);
        Assert.DoesNotContain("Humeyra Pamuk", Seed("004").Text);
        Assert.Equal("The Epoch Times", Seed("003").Outlet);
        Assert.DoesNotContain("From The Epoch Times", Seed("003").Text);
        Assert.DoesNotContain("diplomatic reporter", Seed("002").Text);
        Assert.DoesNotContain("contributed to this report", Seed("002").Text);
    }

    [Fact]
    public void CapitalHeadingsStayOutOfSentences()
    {
        var article = Seed("004");
        Assert.Contains(article.Removed, p => p.Kind == PieceKinds.Heading && p.Text == "SIRENS IN TEL AVIV");
        Assert.DoesNotContain(article.Sentences, s => s.Text.Contains("SIRENS"));
    }

    [Fact]
    public void SentencesSurviveNewsAbbreviations()
    {
        var sentences = Seed("003").Sentences.Select(s => s.Text).ToList();
        Assert.Contains("The Tuesday visit marks Blinken’s 11th trip to the Middle East since the outbreak of the current war on Oct. 7, 2023.", sentences);
        Assert.Contains("The Israeli attack on Lebanon runs afoul of its obligations under U.N. Security Council Resolution 1701.", sentences);
    }

    [Fact]
    public void ManifestMetadataIsApplied()
    {
        var article = Seed("002");
        Assert.Equal(new DateOnly(2024, 1, 9), article.Published);
        Assert.False(article.PublishedInferred);
        Assert.Equal("manifest", article.PublishedBasis);
    }

    [Fact]
    public void TablesHaveStableColumnsAndArticleIds()
    {
        var corpus = Seeds.Value;
        var articles = corpus.ArticlesTable();
        Assert.Equal(["article_id", "file", "outlet", "headline", "published", "published_inferred", "byline", "words", "paragraphs",
            "sentences", "published_basis", "url", "encoding", "removed", "posts", "warnings"], articles.Columns.Select(c => c.Name));
        Assert.Equal(5, articles.Rows.Count);
        Assert.Equal("2024-01-09", articles["published"][2]);
        Assert.Equal(["article_id", "paragraph", "start", "end", "raw_start", "raw_end", "words", "text"], corpus.ParagraphsTable().Columns.Select(c => c.Name));
        Assert.Equal(["article_id", "sentence", "paragraph", "start", "end", "raw_start", "raw_end", "words", "text"], corpus.SentencesTable().Columns.Select(c => c.Name));
        Assert.Equal(["article_id", "kind", "reason", "raw_start", "raw_end", "text"], corpus.RemovedTable().Columns.Select(c => c.Name));
        Assert.Equal(["article_id", "author", "handle", "date", "raw_start", "raw_end", "text"], corpus.PostsTable().Columns.Select(c => c.Name));
        Assert.Equal(["file", "article_id", "status", "reason"], corpus.LoadReportTable().Columns.Select(c => c.Name));
        Assert.Equal(corpus.Articles.Sum(a => a.Sentences.Count), corpus.SentencesTable().Rows.Count);
        var sentences = corpus.SentencesTable();
        var first = corpus.Articles[0];
        Assert.Equal(first.Raw[(int)sentences["raw_start"][0]!..(int)sentences["raw_end"][0]!], first.Sentences[0].Text);
    }

    [Fact]
    public void BbcCorpusLoadsWithTheLatinOneFileDecoded()
    {
        Assert.SkipUnless(Directory.Exists(TestFiles.Bbc), $"BBC corpus not found at {TestFiles.Bbc} (../shared is only on developer machines)");
        var corpus = Corpus.Load(TestFiles.Bbc);
        Assert.Equal(2225, corpus.Articles.Count);
        var latin = corpus["sport_199"];
        Assert.Contains("£15.8m", latin.Text);
        Assert.Equal("windows-1252", latin.Encoding);
        var row = corpus.LoadReport.Single(r => r.File == "sport/199.txt");
        Assert.Equal(LoadStatus.LoadedWithWarnings, row.Status);
        Assert.Contains("Windows-1252", row.Reason);
        Assert.Contains(corpus.LoadReport, r => r.File == "README.TXT" && r.Status == LoadStatus.Skipped);
        Assert.Equal("Ad sales boost Time Warner profit", corpus["business_001"].Headline);
        Assert.All(corpus.Articles, a => Assert.NotNull(a.Headline));
    }
}
