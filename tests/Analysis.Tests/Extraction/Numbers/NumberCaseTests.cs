using System.Globalization;
using Analysis;
using Analysis.Tests.Loading;

namespace Analysis.Tests.Extraction.Numbers;

/// <summary>The written sentences of Data/numbers-written.tsv: each yields exactly the numbers labelled for it.</summary>
public class NumberCaseTests
{
    public sealed record Expected(double Value, double? High, string Kind, string Qualifier, string Surface)
    {
        public bool Matches(Number n) =>
            LabelledNumber.Same(n.Value, Value) && (High is null ? n.High is null : n.High is double h && LabelledNumber.Same(h, High.Value))
            && n.KindName == Kind && n.QualifierName == Qualifier && n.Surface == Surface;

        public override string ToString() => $"{Value}{(High is null ? "" : ".." + High)}|{Kind}|{Qualifier}|{Surface}";
    }

    private static readonly Lazy<List<(string Tag, string Sentence, List<Expected> Expected)>> Cases = new(() =>
        TestFiles.Tsv("Extraction", "Numbers", "Data", "numbers-written.tsv").Skip(1).Select(c => (c[0], c[1], Parse(c[2]))).ToList());

    private static List<Expected> Parse(string cell) => cell == "-" ? [] : cell.Split(" ; ").Select(e =>
    {
        var p = e.Split('|', 4);
        var v = p[0].Split("..");
        return new Expected(double.Parse(v[0], CultureInfo.InvariantCulture), v.Length > 1 ? double.Parse(v[1], CultureInfo.InvariantCulture) : null, p[1], p[2], p[3]);
    }).ToList();

    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Value.Count; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void SentenceYieldsExactlyTheLabelledNumbers(int row)
    {
        var (_, sentence, expected) = Cases.Value[row];
        var found = Analysis.Numbers.Find(sentence).ToList();
        var missing = new List<Expected>();
        foreach (var e in expected)
        {
            var hit = found.FirstOrDefault(e.Matches);
            if (hit is null) missing.Add(e);
            else found.Remove(hit);
        }
        Assert.True(missing.Count == 0 && found.Count == 0,
            $"{sentence}\n missing: {string.Join(", ", missing)}\n unexpected: {string.Join(", ", found.Select(n => $"{n.Value}|{n.KindName}|{n.QualifierName}|{n.Surface} ({n.Rule})"))}");
    }

    [Fact]
    public void WrittenCasesCoverEveryKindAndTheIssueShapes()
    {
        var kinds = Cases.Value.SelectMany(c => c.Expected).Select(e => e.Kind).ToHashSet();
        foreach (var k in Enum.GetNames<NumberKind>()) Assert.Contains(k.ToLowerInvariant(), kinds);
        Assert.True(Cases.Value.Count(c => c.Tag == "issue") >= 25, "issue-shaped sentences");
        Assert.Contains(Cases.Value, c => c.Expected.Count == 0);
    }

    [Fact]
    public void SpansCoverTheQualifierAndNumberStartsAfterIt()
    {
        var n = Assert.Single(Analysis.Numbers.Find("Officials said more than 1,000 people fled."));
        Assert.Equal("more than 1,000", n.Surface);
        Assert.Equal("1,000", "Officials said more than 1,000 people fled."[n.NumberStart..n.End]);
        Assert.Equal("digits", n.Rule);
    }

    [Fact]
    public void AnnotatedArticleExposesTheSameNumbers()
    {
        const string text = "About 40 people and two-thirds of the staff left on October 7, 2023.";
        var corpus = Corpus.FromTexts(("a", text));
        var annotated = corpus.Annotations[0];
        Assert.Equal(Analysis.Numbers.Find(annotated.Text).Select(n => (n.Surface, n.Value)), annotated.Numbers.Select(n => (n.Surface, n.Value)));
        Assert.Equal(["About 40", "two-thirds", "2023"], annotated.Numbers.Select(n => n.Surface));
    }
}
