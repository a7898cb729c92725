using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>Notebook entry points: <c>var figures = corpus.Figures(); figures.ToDataFrame()</c>.</summary>
public static class FigureExtensions
{
    /// <summary>Every figure of every article in the corpus.</summary>
    public static IReadOnlyList<Figure> Figures(this Corpus corpus, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return FigureExtractor.Extract(corpus.Articles, options);
    }

    /// <summary>figures: one row per figure (schema in docs/figures.md).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Figure> figures) => TableBuilder.Build(figures,
        Column<Figure>.Text("article_id", f => f.ArticleId),
        Column<Figure>.Double("value", f => f.Value),
        Column<Figure>.Text("unit", f => f.Unit),
        Column<Figure>.Double("low", f => f.Low),
        Column<Figure>.Double("high", f => f.High),
        Column<Figure>.Text("qualifier", f => f.QualifierName),
        Column<Figure>.Text("counted", f => f.Counted),
        Column<Figure>.Text("measure", f => f.Measure),
        Column<Figure>.Text("attribution", f => f.Attribution),
        Column<Figure>.Int("sentence_index", f => f.SentenceIndex),
        Column<Figure>.Text("sentence", f => f.Sentence),
        Column<Figure>.Int("start", f => f.Start),
        Column<Figure>.Int("end", f => f.End),
        Column<Figure>.Text("surface", f => f.Surface),
        Column<Figure>.Text("rule", f => f.Rule),
        Column<Figure>.Text("source", f => f.Source),
        Column<Figure>.Int("raw_start", f => f.RawStart),
        Column<Figure>.Int("raw_end", f => f.RawEnd));
}
