using Analysis;
namespace Analysis.Tests.Segmentation;

public class WordTermsTests
{
    [Theory]
    [InlineData("policies", "policy")]
    [InlineData("talks", "talk")]
    [InlineData("israels", "israel")]
    [InlineData("crisis", "crisis")]
    [InlineData("business", "business")]
    [InlineData("virus", "virus")]
    [InlineData("says", "say")]
    public void LightStemmerStripsPluralEndings(string word, string stem) =>
        Assert.Equal(stem, WordTerms.Stem(word.ToCharArray()).ToString());

    [Fact]
    public void TermsAreLowerCasedContentWordsOfTheOneTokenizer()
    {
        var terms = new List<string>();
        WordTerms.Read("The Israel’s al-Aqsa talks, in 2024, were about 12 policies.", stem: true, t => terms.Add(t.ToString()));
        Assert.Equal(["israel", "alaqsa", "talk", "policy"], terms);
    }
}
