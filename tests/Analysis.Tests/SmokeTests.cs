using Analysis;

namespace Analysis.Tests;

public class SmokeTests
{
    [Fact]
    public void InMemoryCorpusHasOneRowPerArticle()
    {
        var corpus = Corpus.FromTexts(("a", "First sentence. Second one."), ("b", "Other text."));
        var df = corpus.Articles.ToDataFrame();
        Assert.Equal(2, df.Rows.Count);
        Assert.Equal("a", df["article_id"][0]);
        Assert.Equal(2, corpus.Articles[0].Sentences.Count);
    }
}
