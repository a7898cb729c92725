using System.Globalization;
using System.Text;
using Analysis;

namespace Analysis.Tests.Extraction.Numbers;

/// <summary>One labelled numeric expression: where it is in an article file and what it says.</summary>
public sealed record LabelledNumber(string Article, string Split, int Start, int End, double Value, double? High, string Kind, string Qualifier)
{
    /// <summary>True when <paramref name="n"/> reads this expression: overlapping spans, the same value (and upper end).</summary>
    public bool Matches(Number n) =>
        n.Start < End && Start < n.End && Same(n.Value, Value) && (High is null ? n.High is null || n.Kind == NumberKind.Year : n.High is double h && Same(h, High.Value));

    /// <summary>Values agree to 0.1% (labels write two-thirds as 0.6667).</summary>
    internal static bool Same(double a, double b) => Math.Abs(a - b) <= 1e-3 * Math.Max(1, Math.Abs(b));
}

/// <summary>Value precision/recall/F1 and qualifier and kind accuracy over the matched expressions.</summary>
public sealed record NumberScore(int Gold, int Found, int Matched, int QualifierRight, int KindRight, int Articles)
{
    public double Precision => Found == 0 ? 1 : (double)Matched / Found;
    public double Recall => Gold == 0 ? 1 : (double)Matched / Gold;
    public double F1 => Precision + Recall == 0 ? 0 : 2 * Precision * Recall / (Precision + Recall);
    public double QualifierAccuracy => Matched == 0 ? 1 : (double)QualifierRight / Matched;
    public double KindAccuracy => Matched == 0 ? 1 : (double)KindRight / Matched;

    public override string ToString() =>
        $"{Articles} articles, {Gold} labelled, {Found} found, {Matched} matched: value P={Precision:F3} R={Recall:F3} F1={F1:F3}; " +
        $"qualifier accuracy {QualifierAccuracy:F3}; kind accuracy {KindAccuracy:F3}";
}

/// <summary>
/// Scores <see cref="Analysis.Numbers.Find(string)"/> against the labelled articles of Extraction/Numbers/Data. Article texts are read
/// at run time: the seeds from the repository's seeds/ folder, BBC and AllSides from ../shared/corpora; articles whose
/// file is absent are skipped (and counted as such).
/// </summary>
public static class NumberEvaluation
{
    public static string DataFolder(string root) => Path.Combine(root, "tests", "Analysis.Tests", "Extraction", "Numbers", "Data");

    /// <summary>The labelled articles (id, split) and their labels.</summary>
    public static (List<(string Article, string Split)> Articles, List<LabelledNumber> Labels) Load(string root)
    {
        var articles = Rows(Path.Combine(DataFolder(root), "numbers-articles.tsv")).Select(c => (c[0], c[1])).ToList();
        var labels = Rows(Path.Combine(DataFolder(root), "numbers-corpus.tsv")).Select(c => new LabelledNumber(
            c[0], c[1], int.Parse(c[2], CultureInfo.InvariantCulture), int.Parse(c[3], CultureInfo.InvariantCulture),
            double.Parse(c[4], CultureInfo.InvariantCulture), c[5].Length == 0 ? null : double.Parse(c[5], CultureInfo.InvariantCulture),
            c[6], c[7])).ToList();
        return (articles, labels);
    }

    private static IEnumerable<string[]> Rows(string path) =>
        File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Skip(1).Select(l => l.Split('\t'));

    /// <summary>Where an article id's text lives: seeds/ in the repository, the rest under ../shared/corpora.</summary>
    public static string PathOf(string root, string article) =>
        article.StartsWith("seeds/", StringComparison.Ordinal) ? Path.Combine(root, article)
        : article.StartsWith("allsides/", StringComparison.Ordinal) ? Path.Combine(root, "..", "shared", "corpora", "allsides", "articles", article["allsides/".Length..])
        : Path.Combine(root, "..", "shared", "corpora", article);

    /// <summary>Scores the articles of one split ("dev" or "heldout"); <paramref name="errors"/> collects readable misses.</summary>
    public static NumberScore Score(string root, string split, List<string>? errors = null, Func<string, bool>? articleFilter = null)
    {
        var (articles, labels) = Load(root);
        int gold = 0, found = 0, matched = 0, qualifier = 0, kind = 0, read = 0;
        foreach (var (article, s) in articles)
        {
            if (s != split || articleFilter is not null && !articleFilter(article)) continue;
            var path = PathOf(root, article);
            if (!File.Exists(path)) continue;
            read++;
            var text = File.ReadAllText(path);
            var predicted = Analysis.Numbers.Find(text).ToList();
            var expected = labels.Where(l => l.Article == article).ToList();
            gold += expected.Count;
            found += predicted.Count;
            foreach (var e in expected)
            {
                var hit = predicted.FirstOrDefault(e.Matches);
                if (hit is null)
                {
                    errors?.Add($"{article} missed {Format(e.Value, e.High)} {e.Kind} {e.Qualifier} in '{Context(text, e.Start, e.End)}'");
                    continue;
                }
                predicted.Remove(hit);
                matched++;
                if (hit.QualifierName == e.Qualifier) qualifier++;
                else errors?.Add($"{article} qualifier {hit.QualifierName} for {e.Qualifier} in '{Context(text, e.Start, e.End)}'");
                if (hit.KindName == e.Kind) kind++;
            }
            foreach (var p in predicted)
                errors?.Add($"{article} unexpected {Format(p.Value, p.High)} {p.KindName} ({p.Rule}) in '{Context(text, p.Start, p.End)}'");
        }
        return new NumberScore(gold, found, matched, qualifier, kind, read);
    }

    private static string Format(double v, double? h) =>
        v.ToString("G6", CultureInfo.InvariantCulture) + (h is double x ? ".." + x.ToString("G6", CultureInfo.InvariantCulture) : "");

    private static string Context(string text, int start, int end)
    {
        int a = Math.Max(0, start - 40), b = Math.Min(text.Length, end + 30);
        return new StringBuilder().Append(text, a, start - a).Append("[[").Append(text, start, end - start).Append("]]")
            .Append(text, end, b - end).Replace('\n', ' ').ToString();
    }
}
