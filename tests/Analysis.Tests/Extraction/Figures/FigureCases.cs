using Analysis;
using System.Globalization;

namespace Analysis.Tests.Extraction.Figures;

/// <summary>One labelled sentence of Data/figures.tsv: the figures a careful reader finds in it.</summary>
public sealed record FigureCase(string Source, string Sentence, IReadOnlyList<ExpectedFigure> Expected)
{
    public override string ToString() => Sentence.Length > 70 ? Sentence[..70] + "…" : Sentence;
}

/// <summary>value|unit|qualifier|counted ("-" for nothing counted).</summary>
public sealed record ExpectedFigure(double Value, string Unit, Qualifier Qualifier, string Counted)
{
    public bool SameNumber(Figure f) => Unit == f.Unit && Math.Abs(Value - f.Value) <= 1e-9 * Math.Max(1, Math.Abs(Value));
    public bool Matches(Figure f) => SameNumber(f) && Qualifier == f.Qualifier && string.Equals(Counted, f.Counted, StringComparison.OrdinalIgnoreCase);
    public override string ToString() => $"{Value.ToString(CultureInfo.InvariantCulture)}|{Unit}|{Qualifiers.Name(Qualifier)}|{(Counted.Length == 0 ? "-" : Counted)}";
}

public static class FigureCaseData
{
    private static readonly Lazy<IReadOnlyList<FigureCase>> Cases = new(() => Load("figures.tsv"));
    private static readonly Lazy<IReadOnlyList<FigureCase>> HeldOutCases = new(() => Load("figures-heldout.tsv"));

    /// <summary>The development set: every row is a test, and the rules were refined against it.</summary>
    public static IReadOnlyList<FigureCase> All => Cases.Value;

    /// <summary>BBC sentences labelled before the extractor ever ran on them and never used to tune it: an honest score.</summary>
    public static IReadOnlyList<FigureCase> HeldOut => HeldOutCases.Value;

    /// <summary>Rows for [Theory]: one per labelled sentence.</summary>
    public static TheoryData<int> Rows()
    {
        var data = new TheoryData<int>();
        for (int i = 0; i < All.Count; i++) data.Add(i);
        return data;
    }

    private static IReadOnlyList<FigureCase> Load(string file)
    {
        var path = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "tests", "Analysis.Tests", "Extraction", "Figures", "Data", file);
        var list = new List<FigureCase>();
        foreach (var line in File.ReadLines(path).Skip(1))
        {
            if (line.Length == 0) continue;
            var cols = line.Split('\t');
            if (cols.Length != 3) throw new FormatException($"{file}: expected 3 columns in '{line}'.");
            var expected = cols[2] == "-" ? [] : cols[2].Split(" ; ").Select(Parse).ToList();
            list.Add(new FigureCase(cols[0], cols[1], expected));
        }
        return list;
    }

    private static ExpectedFigure Parse(string s)
    {
        var p = s.Split('|');
        if (p.Length != 4) throw new FormatException($"figures.tsv: bad figure '{s}'.");
        return new ExpectedFigure(double.Parse(p[0], CultureInfo.InvariantCulture), p[1], Qualifiers.Parse(p[2]), p[3] == "-" ? "" : p[3]);
    }
}
