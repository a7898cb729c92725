using Analysis;
using System.Text;

namespace Analysis.Tests.Loading;

/// <summary>Sources, encodings and bad input: each problem becomes a load-report row and the rest loads.</summary>
public class LoaderTests
{
    private const string Body = "The council approved the budget on Tuesday. Members voted 7 to 2 in favour.";

    private static LoadReportEntry Row(Corpus corpus, string file) => Assert.Single(corpus.LoadReport, r => r.File == file);

    [Fact]
    public void MissingFolderOrFileNamesThePath()
    {
        var missing = Path.Combine(Path.GetTempPath(), "no-such-corpus-" + Guid.NewGuid());
        var e = Assert.Throws<FileNotFoundException>(() => Corpus.Load(missing));
        Assert.Contains(missing, e.Message);
        e = Assert.Throws<FileNotFoundException>(() => Corpus.Load(missing + ".csv"));
        Assert.Contains(missing + ".csv", e.Message);
    }

    [Fact]
    public void MissingExplicitManifestNamesThePath()
    {
        using var dir = new TempFolder();
        dir.File("a.txt", Body);
        var e = Assert.Throws<FileNotFoundException>(() => Corpus.Load(dir.Path, new() { ManifestPath = "meta.csv" }));
        Assert.Contains(Path.Combine(dir.Path, "meta.csv"), e.Message);
    }

    [Fact]
    public void EmptyBinaryUnreadableOversizedAndUnsupportedFilesAreReportedAndTheRestLoads()
    {
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        dir.File("empty.txt", "");
        dir.File("blank.md", "  \r\n\t\n");
        dir.Bytes("image.txt", [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]);
        dir.File("big.txt", Body + new string('x', 3000));
        dir.File("slides.pdf", "%PDF-1.4");
        dir.File(".DS_Store", "x");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.txt"), Path.Combine(dir.Path, "deleted-target.txt"));

        var corpus = Corpus.Load(dir.Path, new() { MaxFileBytes = 1000 });

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        Assert.Equal(8, corpus.LoadReport.Count);
        Assert.Equal("empty file", Row(corpus, "empty.txt").Reason);
        Assert.Equal("empty file (whitespace only)", Row(corpus, "blank.md").Reason);
        Assert.Equal("binary file, not text", Row(corpus, "image.txt").Reason);
        Assert.StartsWith("broken link:", Row(corpus, "gone.txt").Reason);
        Assert.Contains("over the 0 MB limit", Row(corpus, "big.txt").Reason!.Replace("0.0", "0"));
        Assert.Equal("unsupported file type '.pdf'", Row(corpus, "slides.pdf").Reason);
        Assert.Equal("hidden file", Row(corpus, ".DS_Store").Reason);
        Assert.All(corpus.LoadReport.Where(r => r.File != "good.txt"), r => Assert.Equal(LoadStatus.Skipped, r.Status));
    }

    [Fact]
    public void OversizedFileLoadsWhenTheLimitIsRaised()
    {
        using var dir = new TempFolder();
        dir.File("big.txt", Body + " " + string.Join(' ', Enumerable.Repeat("word", 500)) + ".");
        Assert.Empty(Corpus.Load(dir.Path, new() { MaxFileBytes = 100 }).Articles);
        Assert.Single(Corpus.Load(dir.Path).Articles);
    }

    [Theory]
    [InlineData("utf-8", "utf-8")]
    [InlineData("utf-8-bom", "utf-8-bom")]
    [InlineData("utf-16le", "utf-16le-bom")]
    [InlineData("utf-16be", "utf-16be-bom")]
    public void UnicodeEncodingsDecode(string encoding, string reported)
    {
        Encoding enc = encoding switch
        {
            "utf-8" => new UTF8Encoding(false),
            "utf-8-bom" => new UTF8Encoding(true),
            "utf-16le" => new UnicodeEncoding(false, true),
            _ => new UnicodeEncoding(true, true),
        };
        using var dir = new TempFolder();
        dir.File("a.txt", "Prices rose to €5 and “records” fell.\r\nThe café closed.", enc);
        var article = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("Prices rose to €5 and “records” fell.\n\nThe café closed.", article.Text);
        Assert.Equal(reported, article.Encoding);
        Assert.Equal(LoadStatus.Loaded, Row(Corpus.Load(dir.Path), "a.txt").Status);
    }

    [Fact]
    public void InvalidUtf8FallsBackToWindows1252WithAWarning()
    {
        using var dir = new TempFolder();
        dir.Bytes("latin.txt", Encoding.Latin1.GetBytes("The fee was £15.8m, a record.\nIt was paid in cash – café owners said."));
        var corpus = Corpus.Load(dir.Path);
        var article = Assert.Single(corpus.Articles);
        Assert.Contains("£15.8m", article.Text);
        Assert.Equal("windows-1252", article.Encoding);
        var row = Row(corpus, "latin.txt");
        Assert.Equal(LoadStatus.LoadedWithWarnings, row.Status);
        Assert.Contains("not valid UTF-8 (byte 0xA3", row.Reason);
    }

    [Fact]
    public void CsvArticlesLoadWithTheirColumnsAndBadRowsAreReported()
    {
        using var dir = new TempFolder();
        var csv = dir.File("articles.csv",
            "id,outlet,headline,published,url,text\r\n" +
            $"a1,Daily News,Budget passes,2024-03-05,https://example.org/a1,\"{Body}\"\r\n" +
            "a2,Daily News,Multi-line,\"March 6, 2024\",,\"First paragraph, with a comma.\n\nSecond \"\"quoted\"\" paragraph.\"\r\n" +
            "a3,Daily News,Too few fields\r\n" +
            "a4,Daily News,No text,2024-03-07,,\r\n" +
            $"a1,Daily News,Same id again,2024-03-08,,\"{Body}\"\r\n" +
            $"a5,Daily News,Bad date,someday,,\"{Body}\"\r\n");
        var corpus = Corpus.Load(csv);

        Assert.Equal(["a1", "a2", "a5"], corpus.Articles.Select(a => a.Id));
        var a1 = corpus["a1"];
        Assert.Equal(("Daily News", "Budget passes", new DateOnly(2024, 3, 5), "https://example.org/a1"), (a1.Outlet, a1.Headline, a1.Published, a1.Url));
        Assert.Equal("source column", a1.PublishedBasis);
        Assert.Equal("First paragraph, with a comma.\n\nSecond \"quoted\" paragraph.", corpus["a2"].Text);
        Assert.Equal(new DateOnly(2024, 3, 6), corpus["a2"].Published);
        Assert.Equal(6, corpus.LoadReport.Count(r => r.File.StartsWith("articles.csv:")));
        Assert.Contains(corpus.LoadReport, r => r.Status == LoadStatus.Skipped && r.Reason!.StartsWith("malformed CSV row"));
        Assert.Contains(corpus.LoadReport, r => r.ArticleId == "a4" && r.Reason == "row has no text");
        Assert.Contains(corpus.LoadReport, r => r.ArticleId == "a1" && r.Reason?.StartsWith("duplicate id 'a1'") == true);
        var a5 = corpus.LoadReport.Single(r => r.ArticleId == "a5");
        Assert.Equal(LoadStatus.LoadedWithWarnings, a5.Status);
        Assert.Contains("unreadable date 'someday'", a5.Reason);
    }

    [Fact]
    public void CsvWithAnUnclosedQuoteReportsTheRowAndKeepsEarlierOnes()
    {
        using var dir = new TempFolder();
        var csv = dir.File("a.csv", $"id,text\na1,\"{Body}\"\na2,\"never closed\n");
        var corpus = Corpus.Load(csv);
        Assert.Equal(["a1"], corpus.Articles.Select(a => a.Id));
        Assert.Contains(corpus.LoadReport, r => r.Status == LoadStatus.Skipped && r.Reason == "malformed CSV row: a quoted field is never closed");
    }

    [Fact]
    public void JsonLinesArticlesLoadAndInvalidLinesAreReported()
    {
        using var dir = new TempFolder();
        dir.File("feed.jsonl",
            $"{{\"id\":\"j1\",\"outlet\":\"Wire\",\"headline\":\"Vote held\",\"published\":\"2024-05-01T10:00:00Z\",\"text\":\"{Body}\"}}\n" +
            "{\"id\":\"j2\",\"text\":\n" +
            "\n" +
            "[1,2,3]\n" +
            $"{{\"text\":\"{Body}\"}}\n");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal(["j1", "feed_5"], corpus.Articles.Select(a => a.Id));
        Assert.Equal(new DateOnly(2024, 5, 1), corpus["j1"].Published);
        Assert.StartsWith("invalid JSON", Row(corpus, "feed.jsonl:2").Reason);
        Assert.Equal("JSON line is not an object", Row(corpus, "feed.jsonl:4").Reason);
    }

    [Fact]
    public void AFileOfChromeOnlyLoadsWithAWarning()
    {
        using var dir = new TempFolder();
        dir.File("chrome.txt", "Skip to main content\n\nAdvertisement\n\n4 min read");
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal("", Assert.Single(corpus.Articles).Text);
        Assert.Equal(LoadStatus.LoadedWithWarnings, Row(corpus, "chrome.txt").Status);
        Assert.Equal("no body text left after cleaning", Row(corpus, "chrome.txt").Reason);
    }

    [Fact]
    public void ASingleTextFileLoads()
    {
        var corpus = Corpus.Load(Path.Combine(TestFiles.Seeds, "002_27eef62aab9ae9be.txt"));
        var article = Assert.Single(corpus.Articles);
        Assert.Equal(("002_27eef62aab9ae9be", "002_27eef62aab9ae9be.txt"), (article.Id, article.File));
        Assert.Equal("Blinken meets Israel’s war leadership as US concerns grow", article.Headline);
        Assert.Equal(LoadStatus.Loaded, Assert.Single(corpus.LoadReport).Status);
    }

    [Fact]
    public void InMemoryTextsAreBodiesButStillCleaned()
    {
        var corpus = Corpus.FromTexts(("a", "Prices rise again\n\nThe index rose 5% on Monday.\n\nAdvertisement"));
        var article = Assert.Single(corpus.Articles);
        Assert.Null(article.Headline);
        Assert.Equal("Prices rise again\n\nThe index rose 5% on Monday.", article.Text);
        Assert.Equal(["Prices rise again", "The index rose 5% on Monday."], article.Sentences.Select(s => s.Text));
    }

    [Fact]
    public void DuplicateIdsInAFolderKeepTheFirst()
    {
        using var dir = new TempFolder();
        dir.File("story.md", Body);
        dir.File("story.txt", Body);
        var corpus = Corpus.Load(dir.Path);
        Assert.Equal("story.md", Assert.Single(corpus.Articles).File);
        Assert.Equal("duplicate id 'story' (already loaded from 'story.md')", Row(corpus, "story.txt").Reason);
    }

    [Fact]
    public void ManifestAddsMetadataAndReportsMalformedRows()
    {
        using var dir = new TempFolder();
        dir.File("a.txt", Body);
        dir.File("sub/b.txt", Body);
        dir.File("manifest.csv",
            "file,outlet,headline,published,byline,url\n" +
            "a.txt,The Courier,Council passes budget,2024-02-01,Ann Lee,https://example.org/a\n" +
            "sub/b.txt,The Courier,,not a date,,\n" +
            "c.txt,The Courier,,,,\n" +
            ",The Courier,,,,\n" +
            "a.txt,Other,,,,\n" +
            "b.txt,\"unclosed,,,,\n");
        var corpus = Corpus.Load(dir.Path);

        Assert.Equal(2, corpus.Articles.Count);
        var a = corpus["a"];
        Assert.Equal(("The Courier", "Council passes budget", new DateOnly(2024, 2, 1), "Ann Lee", "https://example.org/a"),
            (a.Outlet, a.Headline, a.Published, a.Byline, a.Url));
        Assert.Null(corpus["sub_b"].Outlet);
        Assert.Equal(LoadStatus.Loaded, Row(corpus, "manifest.csv").Status);
        var manifestRows = corpus.LoadReport.Where(r => r.File.StartsWith("manifest.csv:")).ToList();
        Assert.Equal(5, manifestRows.Count);
        Assert.All(manifestRows, r => Assert.Equal(LoadStatus.Skipped, r.Status));
        Assert.Contains(manifestRows, r => r.Reason!.Contains("unreadable date 'not a date'"));
        Assert.Contains(manifestRows, r => r.Reason == "manifest row has no file name");
        Assert.Contains(manifestRows, r => r.Reason!.StartsWith("second manifest row for 'a.txt'"));
        Assert.Contains(manifestRows, r => r.Reason == "manifest row names 'c.txt', which is not in the corpus");
        Assert.Contains(manifestRows, r => r.Reason!.StartsWith("malformed CSV row"));
    }

    [Fact]
    public void HtmlPageLoadsThroughReadability()
    {
        using var dir = new TempFolder();
        var paragraphs = string.Concat(Enumerable.Range(1, 6).Select(i =>
            $"<p>Paragraph {i} of the story: the council approved the budget on Tuesday after a long debate, and members voted in favour.</p>"));
        dir.File("page.html",
            "<html><head><title>Council passes budget</title><meta property=\"og:site_name\" content=\"The Courier\">" +
            "<meta property=\"article:published_time\" content=\"2024-02-01T09:00:00Z\"></head>" +
            $"<body><nav>Home | World | Sport</nav><article><h1>Council passes budget</h1>{paragraphs}</article><footer>Contact us</footer></body></html>");
        var article = Assert.Single(Corpus.Load(dir.Path).Articles);
        Assert.Equal("Council passes budget", article.Headline);
        Assert.Equal("The Courier", article.Outlet);
        Assert.Equal(new DateOnly(2024, 2, 1), article.Published);
        Assert.Contains("Paragraph 6 of the story", article.Text);
        Assert.DoesNotContain("Contact us", article.Text);
    }

    [Fact]
    public void OutputOrderDoesNotDependOnParallelism()
    {
        using var dir = new TempFolder();
        for (int i = 0; i < 40; i++) dir.File($"{(char)('a' + i % 26)}/{i:D3}.txt", $"Story {i}. {Body}");
        var progress = new List<LoadProgress>();
        var one = Corpus.Load(dir.Path, new() { MaxDegreeOfParallelism = 1, Progress = new SyncProgress(progress.Add) });
        var two = Corpus.Load(dir.Path, new() { MaxDegreeOfParallelism = 2 });
        Assert.Equal(one.Articles.Select(a => a.Id), two.Articles.Select(a => a.Id));
        Assert.Equal(one.Articles.Select(a => a.Id).Order(StringComparer.Ordinal), one.Articles.Select(a => a.Id));
        Assert.Equal(40, progress.Count);
        Assert.Equal(40, progress[^1].Done);
    }

    private sealed class SyncProgress(Action<LoadProgress> report) : IProgress<LoadProgress>
    {
        public void Report(LoadProgress value) => report(value);
    }
}
