namespace Analysis.Tests.Tables;

/// <summary>Analyses of one corpus share the parts computed with the same options (two notebooks, one computation).</summary>
public class CoverageAnalysisTests
{
    private static Corpus Seeds() => Corpus.Load(Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds"));

    [Fact]
    public void PartsWithEqualOptionsAreComputedOnceAcrossAnalyses()
    {
        var corpus = Seeds();
        var first = corpus.Analyze(new AnalysisOptions { ClusterK = 2 });
        var second = corpus.Analyze(new AnalysisOptions { ClusterK = 2 });
        Assert.Same(first.Stories, second.Stories);
        Assert.Same(first.Clusters, second.Clusters);
        Assert.Same(first.Timeline, second.Timeline);
        Assert.Same(first.Reconciliation, second.Reconciliation);
        Assert.Same(first.Quotes, second.Quotes);
        // Another k is another clustering; the stories do not depend on k.
        var third = corpus.Analyze(new AnalysisOptions { ClusterK = 3 });
        Assert.NotSame(first.Clusters, third.Clusters);
        Assert.Equal(3, third.Clusters.K);
        Assert.Same(first.Stories, third.Stories);
        // Story options are compared by value.
        var looser = corpus.Analyze(new AnalysisOptions { Stories = new StoryOptions { Threshold = 0.5 } });
        Assert.NotSame(first.Stories, looser.Stories);
        Assert.Same(looser.Stories, corpus.Analyze(new AnalysisOptions { Stories = new StoryOptions { Threshold = 0.5 } }).Stories);
        // Another corpus shares nothing.
        Assert.NotSame(first.Stories, Seeds().Analyze(new AnalysisOptions { ClusterK = 2 }).Stories);
    }

    [Fact]
    public void PartsWithEditableOptionsAreNotShared()
    {
        // FigureOptions can be edited after the call, so an analysis given one computes its own figures.
        var corpus = Seeds();
        var options = new FigureOptions();
        var mine = corpus.Analyze(new AnalysisOptions { Figures = options });
        var defaults = corpus.Analyze();
        Assert.NotSame(mine.Figures, defaults.Figures);
        Assert.NotSame(mine.Figures, corpus.Analyze(new AnalysisOptions { Figures = options }).Figures);
        Assert.Same(defaults.Figures, corpus.Analyze().Figures);
        Assert.Equal(defaults.Figures.Count, mine.Figures.Count);
    }
}
