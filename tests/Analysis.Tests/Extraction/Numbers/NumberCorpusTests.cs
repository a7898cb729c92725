using Analysis.Tests.Loading;

namespace Analysis.Tests.Extraction.Numbers;

/// <summary>
/// The labelled articles of Data/numbers-corpus.tsv (see Data/README.md): acceptance on the held-out part. BBC and
/// AllSides articles need ../shared; the seeds are in the repository, so their part always runs.
/// </summary>
public class NumberCorpusTests
{
    private static string Root => TestFiles.Root;

    [Fact]
    public void LabelsAreConsistent()
    {
        var (articles, labels) = NumberEvaluation.Load(Root);
        Assert.True(labels.Count >= 500, $"{labels.Count} labelled expressions");
        var split = articles.ToDictionary(a => a.Article, a => a.Split);
        Assert.All(labels, l => Assert.Equal(split[l.Article], l.Split));
        Assert.Contains(labels, l => l.Article.StartsWith("bbc/"));
        Assert.Contains(labels, l => l.Article.StartsWith("allsides/"));
        Assert.Contains(labels, l => l.Article.StartsWith("seeds/"));
        Assert.True(labels.Count(l => l.Split == "heldout") >= 150, "held-out part");
    }

    [Fact]
    public void HeldOutValueF1AndQualifierAccuracyMeetTheBar()
    {
        Assert.SkipUnless(Directory.Exists(TestFiles.Bbc), $"BBC corpus not found at {TestFiles.Bbc}: the held-out BBC and AllSides articles are not available.");
        var score = NumberEvaluation.Score(Root, "heldout");
        TestContext.Current.TestOutputHelper?.WriteLine("held-out: " + score);
        Assert.True(score.F1 >= 0.97 && score.QualifierAccuracy >= 0.95, score.ToString());
    }

    [Fact]
    public void SeedNumbersAreReadOnBothParts()
    {
        foreach (var split in new[] { "dev", "heldout" })
        {
            var score = NumberEvaluation.Score(Root, split, null, a => a.StartsWith("seeds/", StringComparison.Ordinal));
            TestContext.Current.TestOutputHelper?.WriteLine($"seeds {split}: {score}");
            Assert.True(score.Gold > 20 && score.F1 >= 0.97 && score.QualifierAccuracy >= 0.95, score.ToString());
        }
    }
}
