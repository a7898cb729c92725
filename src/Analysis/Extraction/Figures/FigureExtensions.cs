namespace Analysis;

/// <summary>Notebook entry points: <c>var figures = corpus.Figures(); figures.ToDataFrame()</c>.</summary>
public static class FigureExtensions
{
    /// <summary>Every figure of every article in the corpus, read from the corpus's annotations.</summary>
    public static IReadOnlyList<Figure> Figures(this Corpus corpus, FigureOptions? options = null) =>
        FigureExtractor.Extract(corpus, options);
}
