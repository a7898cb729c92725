using System.Diagnostics;
using System.Text;
using Analysis;

namespace Analysis.Tests.Loading;

/// <summary>
/// Input built to break the loader (issue 16): deep HTML, links that loop, special files, unreadable folders, files
/// that lie about their size, UTF-16 without a byte-order mark, an unclosed CSV quote. Each one ends as a load-report
/// row with a true reason while the rest of the folder loads.
/// </summary>
public class HostileInputTests
{
    private const string Body = "The council approved the budget on Tuesday. Members voted 7 to 2 in favour of the plan.";

    private static LoadReportEntry Row(Corpus corpus, string file) => Assert.Single(corpus.LoadReport, r => r.File == file);

    /// <summary>Loads on a worker so that a hang fails the test instead of stopping the suite.</summary>
    private static Corpus LoadWithin(string path, LoadOptions? options = null, int seconds = 60)
    {
        var load = Task.Run(() => Corpus.Load(path, options ?? new LoadOptions()));
        Assert.True(load.Wait(TimeSpan.FromSeconds(seconds)), $"loading '{path}' did not finish within {seconds} s");
        return load.Result;
    }

    internal static string NestedPage(int depth) =>
        "<html><head><title>Deep</title></head><body>" + string.Concat(Enumerable.Repeat("<div>", depth)) +
        $"<p>{Body}</p>" + string.Concat(Enumerable.Repeat("</div>", depth)) + "</body></html>";

    private static string ArticlePage(string body) =>
        "<html><head><title>Budget passes</title></head><body><article><h1>Budget passes</h1>" +
        string.Concat(Enumerable.Range(1, 6).Select(i => $"<p>Paragraph {i}: {body}</p>")) + "</article></body></html>";

    private static void RequireLinks()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "symbolic links need extra rights on Windows; covered on Linux and macOS");
    }

    // ---- HTML ----

    [Fact]
    public void HundredThousandNestedDivsAreSkippedWithAReasonInsteadOfOverflowingTheStack()
    {
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        dir.File("deep.html", NestedPage(100_000));

        var corpus = LoadWithin(dir.Path);

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        var deep = Row(corpus, "deep.html");
        Assert.Equal(LoadStatus.Skipped, deep.Status);
        Assert.Contains("HTML nests more than 4096 unclosed tags", deep.Reason);
    }

    [Fact]
    public void PageDeeperThanTheLimitIsSkippedNamingItsDepthAndALowerPageLoads()
    {
        using var dir = new TempFolder();
        dir.File("deep.html", NestedPage(60));
        dir.File("page.html", ArticlePage(Body));

        var corpus = LoadWithin(dir.Path, new LoadOptions { MaxHtmlDepth = 40 });

        var deep = Row(corpus, "deep.html");
        Assert.Equal(LoadStatus.Skipped, deep.Status);
        // html > body > 60 divs > p: 63 elements deep.
        Assert.Equal("HTML elements nest 63 deep, over the limit of 40 (LoadOptions.MaxHtmlDepth)", deep.Reason);
        Assert.Contains(Body, corpus["page"].Text);
    }

    [Fact]
    public void NestingCostGrowsNoFasterThanTheInput()
    {
        // Before the guard, 1,000 levels took 9 s and 3,000 over 5 minutes. Now pages past the limit stop early: four
        // times the levels may not cost more than a generous multiple of the time for one.
        using var dir = new TempFolder();
        var small = dir.File("small.html", NestedPage(2_000));
        var large = dir.File("large.html", NestedPage(8_000));
        LoadWithin(small);
        static TimeSpan Best(string path)
        {
            var best = TimeSpan.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                var clock = Stopwatch.StartNew();
                Assert.Equal(LoadStatus.Skipped, LoadWithin(path).LoadReport.Single().Status);
                if (clock.Elapsed < best) best = clock.Elapsed;
            }
            return best;
        }
        var one = Best(small);
        var four = Best(large);
        Assert.True(four < one * 8 + TimeSpan.FromMilliseconds(250), $"2,000 levels: {one.TotalMilliseconds:F0} ms; 8,000 levels: {four.TotalMilliseconds:F0} ms");
    }

    [Fact]
    public void PageOverTheTimeBudgetIsSkippedWithTheBudgetInTheReason()
    {
        using var dir = new TempFolder();
        dir.File("page.html", ArticlePage(Body));
        dir.File("good.txt", Body);

        var corpus = LoadWithin(dir.Path, new LoadOptions { HtmlTimeBudget = TimeSpan.Zero });

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        Assert.Equal("HTML parsing took over 0 s (LoadOptions.HtmlTimeBudget); skipped", Row(corpus, "page.html").Reason);
    }

    [Theory]
    [InlineData("<b><b><b><i>", 4)]
    [InlineData("<div><p>one<p>two<li>three<br><img src=x></div><div>", 1)]
    [InlineData("<div><script>var s = '<div><div><div>';</script><!-- <div><div> --><span/></div>", 1)]
    [InlineData("<div><span></div></span><div><div>", 2)]
    [InlineData("<<<<<<a><<<<", 1)]
    [InlineData("<<<<<<a<<<<", 0)]
    public void PreScanCountsOpenTagsLikeTheParserNests(string html, int depth) =>
        Assert.Equal(depth, HtmlNesting.OpenTagDepth(html, 100));

    // ---- The folder walk ----

    [Fact]
    public void LinkToAParentFolderIsNotFollowedByDefaultAndEveryFileLoadsOnce()
    {
        RequireLinks();
        using var dir = new TempFolder();
        dir.File("a.txt", Body);
        dir.File("loop/b.txt", Body);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up2"), "..");

        var corpus = LoadWithin(dir.Path);

        Assert.Equal(["a", "loop_b"], corpus.Articles.Select(a => a.Id));
        Assert.Equal("link to a folder, not followed (set LoadOptions.FollowDirectoryLinks to follow it)", Row(corpus, "loop/up").Reason);
        Assert.Equal(4, corpus.LoadReport.Count);
    }

    [Fact]
    public void FollowedFolderLinksAreWalkedOnceAndLoopsAreReported()
    {
        RequireLinks();
        using var dir = new TempFolder();
        using var outside = new TempFolder();
        dir.File("a.txt", Body);
        dir.File("loop/b.txt", Body);
        outside.File("c.txt", Body);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "loop", "up2"), "..");
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "more"), outside.Path);
        Directory.CreateSymbolicLink(Path.Combine(dir.Path, "more-again"), outside.Path);

        var corpus = LoadWithin(dir.Path, new LoadOptions { FollowDirectoryLinks = true });

        Assert.Equal(["a", "loop_b", "more_c"], corpus.Articles.Select(a => a.Id));
        Assert.Equal("folder already walked as '.' (a link loop or a second link to it); not walked again", Row(corpus, "loop/up").Reason);
        Assert.Equal("folder already walked as '.' (a link loop or a second link to it); not walked again", Row(corpus, "loop/up2").Reason);
        Assert.Equal("folder already walked as 'more' (a link loop or a second link to it); not walked again", Row(corpus, "more-again").Reason);
    }

    [Fact]
    public void SymbolicLinkLoopsAreReportedAsLoopsAndBrokenLinksAsBroken()
    {
        RequireLinks();
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "a.txt"), "b.txt");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "b.txt"), "a.txt");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "self"), "self");
        File.CreateSymbolicLink(Path.Combine(dir.Path, "gone.txt"), "deleted.txt");

        var corpus = LoadWithin(dir.Path);

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        foreach (var name in new[] { "a.txt", "b.txt", "self" })
            Assert.Equal("symbolic link loop (too many levels of links)", Row(corpus, name).Reason);
        Assert.Equal("broken link: its target 'deleted.txt' does not exist", Row(corpus, "gone.txt").Reason);
    }

    [Fact]
    public void FifoIsReportedAndNeverOpened()
    {
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        var fifo = Path.Combine(dir.Path, "pipe.txt");
        MakeFifo(fifo);

        var corpus = LoadWithin(dir.Path, seconds: 30);
        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        Assert.Equal("not a regular file (fifo)", Row(corpus, "pipe.txt").Reason);

        var single = LoadWithin(fifo, seconds: 30);
        Assert.Equal("not a regular file (fifo)", Assert.Single(single.LoadReport).Reason);
    }

    [Fact]
    public void LinkToADeviceIsReportedWithoutReadingIt()
    {
        RequireLinks();
        Assert.SkipUnless(File.Exists("/dev/zero"), "no /dev/zero on this system");
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "zero.txt"), "/dev/zero");

        var corpus = LoadWithin(dir.Path, seconds: 30);

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        Assert.Equal("not a regular file (character device)", Row(corpus, "zero.txt").Reason);
    }

    [Fact]
    public void SizeLimitHoldsWhileReadingAFileThatReportsNoLength()
    {
        // /proc files are regular files that report a length of 0 and still hold text.
        RequireLinks();
        Assert.SkipUnless(File.Exists("/proc/self/status"), "no /proc on this system");
        using var dir = new TempFolder();
        File.CreateSymbolicLink(Path.Combine(dir.Path, "status.txt"), "/proc/self/status");

        var limited = LoadWithin(dir.Path, new LoadOptions { MaxFileBytes = 64 });
        Assert.Equal("file gave more bytes than it reported (reading stopped at the limit), over the 0 MB limit (LoadOptions.MaxFileBytes)",
            Row(limited, "status.txt").Reason);
        Assert.Contains("Name:", LoadWithin(dir.Path).Articles.Single().Text);
    }

    [Fact]
    public void ReadErrorBecomesAReportRow()
    {
        // Reading /proc/self/mem at offset 0 fails with EIO, even for root.
        RequireLinks();
        Assert.SkipUnless(File.Exists("/proc/self/mem"), "no /proc on this system");
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        File.CreateSymbolicLink(Path.Combine(dir.Path, "mem.txt"), "/proc/self/mem");

        var corpus = LoadWithin(dir.Path);

        Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
        Assert.StartsWith("unreadable: ", Row(corpus, "mem.txt").Reason);
    }

    [Fact]
    public void UnreadableSubfolderBecomesAReportRowAndTheRestLoads()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "folder permissions are set with chmod here");
        Assert.SkipWhen(Environment.IsPrivilegedProcess, "running as root, which reads every folder whatever its mode");
        using var dir = new TempFolder();
        dir.File("good.txt", Body);
        dir.File("locked/secret.txt", Body);
        var locked = Path.Combine(dir.Path, "locked");
        File.SetUnixFileMode(locked, UnixFileMode.None);
        try
        {
            var corpus = LoadWithin(dir.Path);
            Assert.Equal(["good"], corpus.Articles.Select(a => a.Id));
            Assert.StartsWith("unreadable folder: ", Row(corpus, "locked/").Reason);
        }
        finally
        {
            File.SetUnixFileMode(locked, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    internal static void MakeFifo(string path)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "no FIFOs in Windows folders");
        try
        {
            using var mkfifo = Process.Start(new ProcessStartInfo("mkfifo", [path]) { RedirectStandardError = true })!;
            mkfifo.WaitForExit();
            Assert.SkipUnless(mkfifo.ExitCode == 0, "mkfifo failed: " + mkfifo.StandardError.ReadToEnd());
        }
        catch (System.ComponentModel.Win32Exception)
        {
            Assert.Skip("mkfifo is not installed");
        }
    }

    // ---- Encodings and tables ----

    [Theory]
    [InlineData(false, "utf-16le")]
    [InlineData(true, "utf-16be")]
    public void Utf16WithoutAByteOrderMarkLoadsAsTextWithAWarning(bool bigEndian, string encoding)
    {
        using var dir = new TempFolder();
        var text = "Café owners said the budget – approved on Tuesday – helps. " + Body;
        dir.Bytes("a.txt", new UnicodeEncoding(bigEndian, byteOrderMark: false).GetBytes(text));

        var corpus = LoadWithin(dir.Path);

        var article = Assert.Single(corpus.Articles);
        Assert.Equal(text, article.Raw);
        Assert.Equal(encoding, article.Encoding);
        Assert.Contains("no byte-order mark; read as UTF-16", Row(corpus, "a.txt").Reason);
    }

    [Fact]
    public void BinaryWithManyZeroBytesIsStillBinary()
    {
        using var dir = new TempFolder();
        var bytes = new byte[4096];
        new Random(7).NextBytes(bytes);
        for (int i = 1; i < bytes.Length; i += 2) bytes[i] = 0;
        bytes[100] = 0xD8; bytes[101] = 0xDC;   // no UTF-16 text is like this: ASCII-like low bytes, then a lone surrogate
        dir.Bytes("data.txt", bytes);
        Assert.Equal("binary file, not text", Row(LoadWithin(dir.Path), "data.txt").Reason);
    }

    [Fact]
    public void UnclosedCsvQuoteIsReportedAndTheRowsAfterItLoad()
    {
        using var dir = new TempFolder();
        var csv = dir.File("a.csv",
            "id,text\n" +
            $"a1,\"{Body}\"\n" +
            "a2,\"never closed\n" +
            $"a3,{Body}\n" +
            $"a4,{Body}\n" +
            $"a5,{Body}\n");

        var corpus = Corpus.Load(csv);
        var report = string.Join("\n", corpus.LoadReport.Select(r => $"{r.File} {r.Status} {r.Reason}"));

        Assert.True(new[] { "a1", "a3", "a4", "a5" }.SequenceEqual(corpus.Articles.Select(a => a.Id)), report);
        Assert.Equal(["a1", "a3", "a4", "a5"], corpus.Articles.Select(a => a.Id));
        var bad = Row(corpus, "a.csv:3");
        Assert.Equal(LoadStatus.Skipped, bad.Status);
        Assert.True(bad.Reason!.StartsWith("malformed CSV row: a quoted field is never closed"), report);
        Assert.Contains("the record ran on to line 6; those lines were read again one at a time", bad.Reason);
        Assert.Equal(Body, corpus["a4"].Text);
    }

    [Fact]
    public void StrayCsvQuoteThatPairsWithALaterOneReportsBothLinesAndKeepsThoseBetween()
    {
        using var dir = new TempFolder();
        var csv = dir.File("a.csv",
            "id,text\n" +
            "a1,\"stray\n" +
            $"a2,{Body}\n" +
            $"a3,{Body}\n" +
            "a4,another\"stray\n" +
            $"a5,{Body}\n");

        var corpus = Corpus.Load(csv);
        var report = string.Join("\n", corpus.LoadReport.Select(r => $"{r.File} {r.Status} {r.Reason}"));

        Assert.True(new[] { "a2", "a3", "a5" }.SequenceEqual(corpus.Articles.Select(a => a.Id)), report);
        Assert.Equal(["a2", "a3", "a5"], corpus.Articles.Select(a => a.Id));
        Assert.StartsWith("malformed CSV row", Row(corpus, "a.csv:2").Reason);
        Assert.StartsWith("malformed CSV row", Row(corpus, "a.csv:5").Reason);
    }
}
