using Analysis;
using CsCheck;

namespace Analysis.Tests.Extraction.Figures;

/// <summary>Any text yields figures whose offsets are valid, never an exception or a hang.</summary>
public class FigureFuzzTests
{
    private static void Check(string text)
    {
        var article = Corpus.FromTexts(("fuzz", text)).Articles[0];
        var task = Task.Run(() => FigureExtractor.Extract(article));
        Assert.True(task.Wait(TimeSpan.FromSeconds(60)), $"extraction did not finish on a text of {text.Length} chars");
        foreach (var f in task.Result)
        {
            Assert.InRange(f.Start, 0, f.End);
            Assert.InRange(f.End, f.Start, article.Text.Length);
            Assert.Equal(f.Surface, article.Text[f.Start..f.End]);
            Assert.False(double.IsNaN(f.Value) || double.IsInfinity(f.Value), f.Surface);
        }
    }

    [Fact]
    public void RandomTextNeverThrows() =>
        Gen.String[0, 400].Sample(Check, iter: 2000);

    [Fact]
    public void NumberLikeTextNeverThrows() =>
        Gen.Char["0123456789,.-–%$£€ abcdehimnorstwyk-'\n\uD800\uDC00()\"—"].Array[0, 300].Select(a => new string(a))
            .Sample(Check, iter: 4000);

    [Theory]
    [InlineData("")]
    [InlineData("   \n\n  ")]
    [InlineData("\uD800\uD800 12 \uDC00 million \uDFFF")]
    [InlineData("between 5 and")]
    [InlineData("two and a half and a half and")]
    [InlineData("$$$£££ 1,2,3,4 1..2 -5- 3--4 ,,,")]
    [InlineData("hundreds of thousands of millions of")]
    public void AdversarialSnippets(string text) => Check(text);

    [Fact]
    public void TenMegabytesOfDigitsOrPunctuation()
    {
        Check(new string('7', 10_000_000));
        Check(string.Concat(Enumerable.Repeat("((([[{", 500_000)) + string.Concat(Enumerable.Repeat("}]])))", 500_000)));
        Check(string.Concat(Enumerable.Repeat("1,000 ", 400_000)));
    }
}
