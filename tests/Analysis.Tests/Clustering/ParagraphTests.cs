using Analysis;
using Plotly.NET;

namespace Analysis.Tests.Clustering;

public class ParagraphTests
{
    private const string Wire = "The ministry said on Monday that the convoy of forty trucks carrying flour and medicine crossed the border at dawn after a delay of three days.";

    private static Corpus WireCopy() => Corpus.FromTexts(
        ("a", "Opening words from outlet A about the weather and sport results today.\n\n" + Wire + "\n\nA closing paragraph unique to outlet A about local elections."),
        ("b", "Outlet B starts with a story about the harbour and its new fishing boats.\n\n" + Wire.Replace("at dawn", "early at dawn") + "\n\nOutlet B ends talking about concerts in the park."),
        ("c", "Outlet C writes only about the football league and the transfer window this winter."));

    [Fact]
    public void WireCopyReusedByTwoOutletsIsOneGroup()
    {
        var corpus = WireCopy();
        var dups = corpus.NearDuplicateParagraphs();
        Assert.Equal(2, dups.Count);
        Assert.All(dups, d => Assert.Equal(0, d.Group));
        Assert.Equal(["a", "b"], dups.Select(d => d.ArticleId));
        Assert.All(dups, d => Assert.Equal(1, d.Paragraph));
        Assert.All(dups, d => Assert.Equal(2, d.Articles));
        Assert.All(dups, d => Assert.InRange(d.Similarity, 0.5, 0.99));
        var a = corpus.Articles[0];
        Assert.Equal(Wire, a.Text[dups[0].Start..dups[0].End]);
        Assert.Equal(["article_id", "outlet", "group", "paragraph", "sentence", "start", "end", "similarity", "articles", "text", "rule"],
            dups.ToDataFrame().Columns.Select(c => c.Name));
    }

    [Fact]
    public void ParagraphsRepeatedInsideOneArticleAreNotCrossArticleDuplicates()
    {
        var corpus = Corpus.FromTexts(("a", Wire + "\n\n" + Wire), ("b", "Something else entirely about gardens, roses and the spring flower show."));
        Assert.Empty(corpus.NearDuplicateParagraphs());
    }

    [Fact]
    public void ThemesGroupParagraphsByTopicAndSharesSumToOne()
    {
        // Each article mixes paragraphs of two known topics; themes must recover the topics, not the articles.
        string P(int topic, int seed) => string.Join(' ', Enumerable.Range(0, 30).Select(i => Synthetic.Vocabulary[topic][(i * 7 + seed) % 8])) + ".";
        var corpus = Corpus.FromTexts(
            ("x", $"{P(0, 1)}\n\n{P(1, 2)}\n\n{P(0, 3)}"),
            ("y", $"{P(1, 4)}\n\n{P(2, 5)}"),
            ("z", $"{P(2, 6)}\n\n{P(0, 7)}\n\n{P(2, 8)}"));
        var themes = corpus.Themes(3);
        Assert.Equal(3, themes.Summary.Count);
        Assert.Equal(8, themes.Paragraphs.Count);
        var themeOfTopic0 = themes.Paragraphs.Single(p => p.ArticleId == "x" && p.Paragraph == 0).Theme;
        Assert.Equal(themeOfTopic0, themes.Paragraphs.Single(p => p.ArticleId == "z" && p.Paragraph == 1).Theme);
        Assert.NotEqual(themeOfTopic0, themes.Paragraphs.Single(p => p.ArticleId == "x" && p.Paragraph == 1).Theme);
        foreach (var g in themes.Shares.GroupBy(s => s.ArticleId)) Assert.Equal(1.0, g.Sum(s => s.Share), 3);
        Assert.Equal(2.0 / 3, themes.Shares.Single(s => s.ArticleId == "x" && s.Theme == themeOfTopic0).Share, 2);
        Assert.Contains(themes.Summary.Single(s => s.Theme == themeOfTopic0).Label.Split(", ")[0],
            Synthetic.Vocabulary[0].Select(w => w.TrimEnd('s')));
    }

    [Fact]
    public void ChartsRenderTheirData()
    {
        var clusters = Synthetic.Corpus(groups: 2, perGroup: 3).Cluster(k: 2);
        var heat = GenericChart.toChartHTML(ClusterCharts.Heatmap(clusters));
        Assert.Contains("\"type\":\"heatmap\"", heat);
        Assert.Contains("g1-2", heat);
        var map = GenericChart.toChartHTML(ClusterCharts.Map(clusters));
        Assert.Contains($"\"name\":\"0: {clusters.Assignments[0].ClusterTerms}\"", map);
        Assert.Contains("\"name\":\"1: ", map);
        Assert.DoesNotContain("\"name\":\"2: ", map);
        var sil = GenericChart.toChartHTML(ClusterCharts.Silhouette(clusters));
        Assert.Contains("chosen k", sil);
        var themes = GenericChart.toChartHTML(ClusterCharts.ThemeShares(WireCopy().Themes(2, minWords: 5)));
        Assert.Contains("\"barmode\":\"stack\"", themes);
    }

    [Fact]
    public void GivenKStillHasItsSilhouette()
    {
        var clusters = Synthetic.Corpus(groups: 2, perGroup: 3).Cluster(k: 2);
        var score = Assert.Single(clusters.KScores);
        Assert.Equal(2, score.K);
        Assert.True(score.Chosen);
        Assert.InRange(score.Silhouette, 0.2, 1.0);
    }
}
