using Analysis;
using CsCheck;
using Analysis.Tests.Loading;

namespace Analysis.Tests.Segmentation;

public class SegmenterTests
{
    public static TheoryData<string, string> SentenceCases() => TestFiles.TsvPairs("Segmentation", "Data", "sentences.tsv");

    [Theory]
    [MemberData(nameof(SentenceCases))]
    public void SplitsSentencesAsLabelled(string paragraph, string expected)
    {
        var sentences = Segmenter.Sentences(paragraph, Segmenter.Paragraphs(paragraph));
        Assert.Equal(expected, string.Join(" || ", sentences.Select(s => s.Text)));
        foreach (var s in sentences) Assert.Equal(s.Text, paragraph[s.Start..s.End]);
    }

    [Fact]
    public void ParagraphsAreLinesWithOffsets()
    {
        const string text = "First paragraph.\n\nSecond one. Two sentences.\n\n  Third.  ";
        var paragraphs = Segmenter.Paragraphs(text);
        Assert.Equal(["First paragraph.", "Second one. Two sentences.", "Third."], paragraphs.Select(p => p.Span.Of(text)));
        var sentences = Segmenter.Sentences(text, paragraphs);
        Assert.Equal([0, 1, 1, 2], sentences.Select(s => s.Paragraph));
        Assert.Equal([0, 1, 2, 3], sentences.Select(s => s.Index));
    }

    [Fact]
    public void TokensCarryKindsAndOffsets()
    {
        const string text = "U.S. envoy al-Mughrabi’s £15.8m deal: 1,200 jobs (42%) #Gaza";
        var tokens = new List<(string, TokenKind)>();
        foreach (var t in Tokenizer.Tokenize(text)) tokens.Add((t.In(text).ToString(), t.Kind));
        Assert.Equal([
            ("U.S.", TokenKind.Word), ("envoy", TokenKind.Word), ("al-Mughrabi’s", TokenKind.Word), ("£", TokenKind.Symbol),
            ("15.8m", TokenKind.Number), ("deal", TokenKind.Word), (":", TokenKind.Punctuation), ("1,200", TokenKind.Number),
            ("jobs", TokenKind.Word), ("(", TokenKind.Punctuation), ("42", TokenKind.Number), ("%", TokenKind.Symbol),
            (")", TokenKind.Punctuation), ("#", TokenKind.Symbol), ("Gaza", TokenKind.Word),
        ], tokens);
        Assert.Equal(9, Tokenizer.CountWords(text));
    }

    [Fact]
    public void TokenOffsetsReferToTheWholeTextWhenASpanIsTokenized()
    {
        const string text = "Skip this. Count these words.";
        var starts = new List<int>();
        foreach (var t in Tokenizer.Tokenize(text, new TextSpan(11, text.Length))) starts.Add(t.Start);
        Assert.Equal([11, 17, 23, 28], starts);
    }

    [Fact]
    public void SentenceEndsNeverFallInsideAWord() =>
        Gen.String[Gen.Char["ab .?!\"”U"], 0, 80].Sample(text =>
        {
            foreach (int end in Segmenter.SentenceEnds(text, 0, text.Length))
                Assert.True(end > 0 && end < text.Length && char.IsWhiteSpace(text[end]));
        });
}
