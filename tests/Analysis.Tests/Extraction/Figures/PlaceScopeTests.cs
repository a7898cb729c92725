
using Analysis;
namespace Analysis.Tests.Extraction.Figures;

/// <summary>Place scope of measure keys: one labelled case per row of Data/place-scope.tsv.</summary>
public class PlaceScopeTests
{
    private static readonly Lazy<string[][]> Cases = new(() =>
    {
        var path = Path.Combine(Analysis.RepositoryPaths.Root(AppContext.BaseDirectory), "tests", "Analysis.Tests", "Extraction", "Figures", "Data", "place-scope.tsv");
        return File.ReadAllLines(path).Skip(1).Where(l => l.Length > 0).Select(l => l.Split('\t')).ToArray();
    });

    /// <summary>Row numbers of the labelled cases.</summary>
    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < Cases.Value.Length; i++) data.Add(i);
        return data;
    }

    [Theory]
    [MemberData(nameof(Rows))]
    public void MeasureKeyTakesThePlaceOfTheFiguresClause(int row)
    {
        var (sentence, surface, measure, why) = (Cases.Value[row][0], Cases.Value[row][1], Cases.Value[row][2], Cases.Value[row][3]);
        var figures = FigureExtractor.Extract(Corpus.FromTexts(("t", sentence)).Articles[0]);
        var f = Assert.Single(figures, x => x.Surface == surface);
        Assert.True(measure == f.Measure, $"{why}: expected '{measure}', got '{f.Measure}' in \"{sentence}\"");
    }

    [Fact]
    public void GazetteerOptionNamesPlaces()
    {
        const string text = "Twelve people were killed in Kirya on Monday.";
        var plain = Assert.Single(FigureExtractor.Extract(Corpus.FromTexts(("t", text)).Articles[0]));
        var options = new FigureOptions { Gazetteer = Gazetteer.Default.With("Kirya", EntityKind.Place, "Tel Aviv") };
        var scoped = Assert.Single(FigureExtractor.Extract(Corpus.FromTexts(("t", text)).Articles[0], options));
        Assert.Equal(("killed · Kirya", "killed · Tel Aviv"), (plain.Measure, scoped.Measure));
    }
}
