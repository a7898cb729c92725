
using Analysis;
namespace Analysis.Tests.Extraction.Figures;

/// <summary>The labelled sentences of Data/figures.tsv, one test per row, and the precision/recall over all of them.</summary>
public class FigureCaseTests
{
    private static IReadOnlyList<Figure> Extract(string sentence) =>
        FigureExtractor.Extract(Corpus.FromTexts(("case", sentence)).Articles[0]);

    [Theory]
    [MemberData(nameof(FigureCaseData.Rows), MemberType = typeof(FigureCaseData))]
    public void SentenceYieldsExactlyTheLabelledFigures(int row)
    {
        var c = FigureCaseData.All[row];
        var found = Extract(c.Sentence).ToList();
        var missing = new List<ExpectedFigure>();
        foreach (var e in c.Expected)
        {
            var hit = found.FirstOrDefault(e.Matches);
            if (hit is null) missing.Add(e);
            else found.Remove(hit);
        }
        Assert.True(missing.Count == 0 && found.Count == 0,
            $"{c.Sentence}\n missing: {string.Join(", ", missing)}\n unexpected: {string.Join(", ", found.Select(f => $"{f.Value}|{f.Unit}|{f.QualifierName}|{f.Counted} ({f.Surface}, {f.Rule})"))}");
    }

    [Fact]
    public void DataSetHasAtLeast150LabelledSentencesFromEverySource()
    {
        Assert.True(FigureCaseData.All.Count >= 150, $"{FigureCaseData.All.Count} rows");
        Assert.All(new[] { "own", "seed", "bbc" }, s => Assert.Contains(FigureCaseData.All, c => c.Source == s));
    }

    [Fact]
    public void NumberNormalizationF1IsAtLeast095()
    {
        var score = FigureEvaluation.Score(FigureCaseData.All.Select(c => (c.Expected, Extract(c.Sentence))));
        TestContext.Current.TestOutputHelper?.WriteLine("development set: " + score);
        Assert.True(score.NumberF1 >= 0.95, score.ToString());
    }

    [Fact]
    public void HeldOutSentencesScore()
    {
        var score = FigureEvaluation.Score(FigureCaseData.HeldOut.Select(c => (c.Expected, Extract(c.Sentence))));
        TestContext.Current.TestOutputHelper?.WriteLine("held-out set: " + score);
        foreach (var c in FigureCaseData.HeldOut)
        {
            var got = Extract(c.Sentence);
            var lost = c.Expected.Where(e => !got.Any(e.Matches)).ToList();
            var extra = got.Where(f => !c.Expected.Any(e => e.Matches(f))).ToList();
            if (lost.Count + extra.Count > 0)
                TestContext.Current.TestOutputHelper?.WriteLine($"  {c}: missing {string.Join(", ", lost)}; unexpected {string.Join(", ", extra.Select(f => $"{f.Value}|{f.Unit}|{f.QualifierName}|{f.Counted}"))}");
        }
        Assert.True(score.NumberF1 >= 0.9, score.ToString());
    }
}

/// <summary>Precision/recall of extraction against labelled figures.</summary>
public sealed record FigureScore(int Expected, int Found, int NumberMatches, int FullMatches)
{
    public double NumberPrecision => Found == 0 ? 1 : (double)NumberMatches / Found;
    public double NumberRecall => Expected == 0 ? 1 : (double)NumberMatches / Expected;
    public double NumberF1 => NumberPrecision + NumberRecall == 0 ? 0 : 2 * NumberPrecision * NumberRecall / (NumberPrecision + NumberRecall);
    public double FullPrecision => Found == 0 ? 1 : (double)FullMatches / Found;
    public double FullRecall => Expected == 0 ? 1 : (double)FullMatches / Expected;

    public override string ToString() =>
        $"figures expected {Expected}, found {Found}; number (value+unit) P={NumberPrecision:F3} R={NumberRecall:F3} F1={NumberF1:F3}; " +
        $"full (value+unit+qualifier+counted) P={FullPrecision:F3} R={FullRecall:F3}";
}

public static class FigureEvaluation
{
    public static FigureScore Score(IEnumerable<(IReadOnlyList<ExpectedFigure> Expected, IReadOnlyList<Figure> Found)> cases)
    {
        int expected = 0, found = 0, number = 0, full = 0;
        foreach (var (exp, got) in cases)
        {
            expected += exp.Count; found += got.Count;
            var pool = got.ToList();
            foreach (var e in exp)
            {
                var hit = pool.FirstOrDefault(e.Matches) ?? pool.FirstOrDefault(e.SameNumber);
                if (hit is null) continue;
                number++;
                if (e.Matches(hit)) full++;
                pool.Remove(hit);
            }
        }
        return new FigureScore(expected, found, number, full);
    }
}
