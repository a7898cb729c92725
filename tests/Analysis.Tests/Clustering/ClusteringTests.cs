
using Analysis;
namespace Analysis.Tests.Clustering;

public class ClusteringTests
{
    private static string Seeds => Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds");

    [Fact]
    public void SeedsWithTwoClustersSetTheJanuaryArticleApart()
    {
        Assert.SkipUnless(Directory.Exists(Seeds), $"seeds/ not found at {Seeds}");
        var clusters = Corpus.Load(Seeds).Cluster(k: 2);
        var january = clusters.ClusterOf("002_27eef62aab9ae9be");
        var october = new[] { "000_d6199a2c9468f502", "001_0e3eb90125af58f6", "003_22fe785f3a9f5138", "004_6f4a0a97051a63e0" };
        Assert.All(october, id => Assert.NotEqual(january, clusters.ClusterOf(id)));
        Assert.Single(october.Select(clusters.ClusterOf).Distinct());
    }

    [Fact]
    public void SameInputGivesSameClustersAndCoordinates()
    {
        var corpus = Synthetic.Corpus(groups: 3, perGroup: 8);
        var first = corpus.Cluster(k: 3);
        var second = corpus.Cluster(k: 3);
        Assert.Equal(first.Assignments, second.Assignments);
        Assert.Equal(first.Terms, second.Terms);
    }

    [Fact]
    public void AutomaticKFindsTheBuiltGroups()
    {
        var corpus = Synthetic.Corpus(groups: 4, perGroup: 6);
        var clusters = corpus.Cluster();
        Assert.Equal(4, clusters.K);
        Assert.All(clusters.KScores, s => Assert.InRange(s.K, 2, 10));
        Assert.Single(clusters.KScores, s => s.Chosen);
        // Every built group lands in one cluster of its own.
        var byGroup = clusters.Assignments.GroupBy(a => a.ArticleId.Split('-')[0]).ToList();
        Assert.All(byGroup, g => Assert.Single(g.Select(a => a.Cluster).Distinct()));
        Assert.Equal(4, byGroup.Select(g => g.First().Cluster).Distinct().Count());
    }

    [Fact]
    public void ClusterTermsComeFromTheGroupsOwnVocabulary()
    {
        var clusters = Synthetic.Corpus(groups: 2, perGroup: 6).Cluster(k: 2);
        var sportCluster = clusters.ClusterOf("g0-0");
        var terms = clusters.Summary.Single(s => s.Cluster == sportCluster).TopTerms;
        Assert.Subset(Synthetic.Vocabulary[0].Select(w => w.TrimEnd('s')).ToHashSet(), terms.Take(3).ToHashSet());
    }

    [Fact]
    public void OneArticleGivesAClearMessage()
    {
        var corpus = Corpus.FromTexts(("only", "Ministers met in Brussels to discuss the budget."));
        var e = Assert.Throws<ClusteringException>(() => corpus.Cluster());
        Assert.Contains("single article ('only')", e.Message);
    }

    [Fact]
    public void EmptyArticlesGiveAClearMessage()
    {
        var corpus = Corpus.FromTexts(("a", ""), ("b", "   \n\n "), ("c", "the and of"));
        var e = Assert.Throws<ClusteringException>(() => corpus.Cluster(k: 2));
        Assert.Contains("none of the 3 articles has any words", e.Message);
    }

    [Fact]
    public void EmptyCorpusGivesAClearMessage()
    {
        var e = Assert.Throws<ClusteringException>(() => new Corpus([]).Cluster());
        Assert.Contains("no articles", e.Message);
    }

    [Fact]
    public void KLargerThanTheArticlesIsRejectedWithTheRange()
    {
        var corpus = Synthetic.Corpus(groups: 2, perGroup: 2);
        var e = Assert.Throws<ClusteringException>(() => corpus.Cluster(k: 7));
        Assert.Contains("k must be between 2 and 4", e.Message);
    }

    [Fact]
    public void EmptyArticleIsListedWithoutACluster()
    {
        var texts = Synthetic.Texts(groups: 2, perGroup: 3).Append(("blank", "")).ToArray();
        var clusters = Corpus.FromTexts(texts).Cluster(k: 2);
        var blank = clusters.Assignments.Single(a => a.ArticleId == "blank");
        Assert.Null(blank.Cluster);
        Assert.Equal(7, clusters.ToDataFrame().Rows.Count);
        // Left out with no neighbours, never an exception (a notebook asks every article for its neighbours).
        Assert.Empty(clusters.Neighbours("blank"));
        Assert.NotEmpty(clusters.Neighbours("g0-0"));
        Assert.Throws<KeyNotFoundException>(() => clusters.Neighbours("no such article"));
    }

    [Fact]
    public void ShortArticleAmongOthersIsLeftOutNotAnError()
    {
        // One article whose only words are in no other article: nothing survives the two-document minimum.
        var texts = Synthetic.Texts(groups: 2, perGroup: 3).Append(("short", "Watch: the tapirs.")).ToArray();
        var clusters = Corpus.FromTexts(texts).Cluster(k: 2);
        Assert.Null(clusters.Assignments.Single(a => a.ArticleId == "short").Cluster);
        Assert.Empty(Corpus.FromTexts(texts).Articles.SelectMany(a => clusters.Neighbours(a.Id, 3)).Where(n => n.ArticleId == "short"));
    }

    [Fact]
    public void NeighboursAndSimilarityAgree()
    {
        var clusters = Synthetic.Corpus(groups: 2, perGroup: 4).Cluster(k: 2);
        var near = clusters.Neighbours("g1-0", 3);
        Assert.Equal(3, near.Count);
        Assert.All(near, n => Assert.StartsWith("g1-", n.NeighbourId));
        Assert.All(near, n => Assert.True(n.SameCluster));
        Assert.Equal(near[0].Similarity, clusters.Similarity["g1-0", near[0].NeighbourId], 6);
        Assert.Equal(1.0, clusters.Similarity["g0-1", "g0-1"], 6);
    }

    [Fact]
    public void ClustersTableHasTheDocumentedColumns()
    {
        var df = Synthetic.Corpus(groups: 2, perGroup: 3).Cluster(k: 2).ToDataFrame();
        Assert.Equal(["article_id", "outlet", "cluster", "cluster_terms", "x", "y"], df.Columns.Select(c => c.Name));
        Assert.Equal(6, df.Rows.Count);
    }

    [Fact]
    public void PublicationTimeSeparatesStoriesOnOneTopic()
    {
        // Six articles on one subject; three published in January, three in October.
        var texts = Synthetic.Texts(groups: 1, perGroup: 6);
        var articles = texts.Select((t, i) => Analysis.ArticleBuilder.Build(t.Id, t.Text,
            published: i < 3 ? new DateOnly(2024, 1, 8 + i) : new DateOnly(2024, 10, 21 + i))).ToList();
        var clusters = articles.Cluster(k: 2);
        Assert.Equal(clusters.ClusterOf("g0-0"), clusters.ClusterOf("g0-2"));
        Assert.Equal(clusters.ClusterOf("g0-3"), clusters.ClusterOf("g0-5"));
        Assert.NotEqual(clusters.ClusterOf("g0-0"), clusters.ClusterOf("g0-3"));
    }
}

public class BbcQualityTests
{
    [Fact]
    public void BbcTopicsAreRecoveredWithFiveClusters()
    {
        var bbc = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "..", "shared", "corpora", "bbc");
        Assert.SkipUnless(Directory.Exists(bbc), $"BBC corpus not found at {bbc}");
        var articles = Corpus.Load(bbc).Articles.Where(a => a.File.Contains('/')).ToList();
        var clusters = articles.Cluster(k: 5);
        var truth = articles.Select(a => a.File.Split('/')[0]).ToList();
        var predicted = clusters.Assignments.Select(a => a.Cluster ?? -1).ToList();
        // scikit-learn's TF-IDF + KMeans reaches 0.87 on this corpus; ours measured 0.888–0.915 over five seeds.
        Assert.True(ClusterMetrics.Nmi(truth, predicted) >= 0.85, $"NMI {ClusterMetrics.Nmi(truth, predicted):F3}");
    }
}
