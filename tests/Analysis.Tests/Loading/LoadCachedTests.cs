namespace Analysis.Tests.Loading;

/// <summary>
/// <c>Corpus.LoadCached</c>: notebooks run in one process share one load while the files are unchanged. The only
/// class calling it, so its single kept corpus is not replaced by a test running alongside.
/// </summary>
public class LoadCachedTests
{
    private const string Body = "The council approved the budget on Tuesday. Members voted 7 to 2 in favour.";

    [Fact]
    public void SameFolderAndOptionsGiveTheSameCorpusWithWhatWasComputedOnIt()
    {
        using var dir = new TempFolder();
        dir.File("a.txt", Body);
        dir.File("b.txt", "Another council met on Monday and approved 3 new schools.");
        var first = Corpus.LoadCached(dir.Path);
        var figures = first.Analyze().Figures;
        var again = Corpus.LoadCached(Path.Combine(dir.Path, "..", Path.GetFileName(dir.Path)));
        Assert.Same(first, again);
        Assert.Same(figures, again.Analyze().Figures);
        Assert.Same(first, Corpus.LoadCached(dir.Path, new LoadOptions()));
        // Load always reads the files.
        Assert.NotSame(first, Corpus.Load(dir.Path));
    }

    [Fact]
    public void AChangedAddedOrRemovedFileOrOtherOptionsLoadAgain()
    {
        using var dir = new TempFolder();
        var a = dir.File("a.txt", Body);
        var first = Corpus.LoadCached(dir.Path);

        File.WriteAllText(a, Body + " The vote was close.");
        var changed = Corpus.LoadCached(dir.Path);
        Assert.NotSame(first, changed);
        Assert.Contains("The vote was close.", changed.Articles[0].Text);

        dir.File("b.txt", "A second article about 12 new buses.");
        var added = Corpus.LoadCached(dir.Path);
        Assert.Equal(2, added.Articles.Count);

        File.Delete(Path.Combine(dir.Path, "b.txt"));
        var removed = Corpus.LoadCached(dir.Path);
        Assert.Single(removed.Articles);

        var other = Corpus.LoadCached(dir.Path, new LoadOptions { DetectHeadlines = false });
        Assert.NotSame(removed, other);
        Assert.Same(other, Corpus.LoadCached(dir.Path, new LoadOptions { DetectHeadlines = false }));
    }

    [Fact]
    public void AChangedManifestLoadsAgain()
    {
        using var dir = new TempFolder();
        dir.File("a.txt", Body);
        var manifest = dir.File("manifest.csv", "file,outlet\na.txt,Daily One\n");
        Assert.Equal("Daily One", Corpus.LoadCached(dir.Path).Articles[0].Outlet);
        File.WriteAllText(manifest, "file,outlet\na.txt,Evening Two\n");
        Assert.Equal("Evening Two", Corpus.LoadCached(dir.Path).Articles[0].Outlet);
    }
}
