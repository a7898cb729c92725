using Analysis.Cleaning;
using Analysis.Loading;
using Analysis.Model;

namespace Analysis;

/// <summary>
/// A loaded collection of articles: the entry point of the library.
/// <code>var corpus = Corpus.Load("seeds"); corpus.Articles.ToDataFrame()</code>
/// </summary>
public sealed class Corpus
{
    /// <summary>The articles, in a stable order (by relative path).</summary>
    public IReadOnlyList<Article> Articles { get; }
    /// <summary>One row per input: loaded, loaded with warnings, or skipped with the reason.</summary>
    public IReadOnlyList<LoadReportEntry> LoadReport { get; }
    /// <summary>The folder or file the corpus was loaded from (null for in-memory corpora).</summary>
    public string? Source { get; }

    public Corpus(IReadOnlyList<Article> articles, IReadOnlyList<LoadReportEntry>? loadReport = null, string? source = null)
    {
        Articles = articles;
        LoadReport = loadReport ?? articles.Select(a => new LoadReportEntry(a.File, a.Id, LoadStatus.Loaded, null)).ToList();
        Source = source;
    }

    /// <summary>Loads a corpus from a folder of article files. Relative paths are taken from the current directory.</summary>
    public static Corpus Load(string path, LoadOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        var (articles, report) = CorpusLoader.LoadFolder(full, options ?? new LoadOptions());
        return new Corpus(articles, report, full);
    }

    /// <summary>A corpus of in-memory texts (id, text), cleaned and segmented like loaded files.</summary>
    public static Corpus FromTexts(params (string Id, string Text)[] texts) =>
        new(texts.Select(t => ArticleBuilder.Build(t.Id, t.Text)).ToList());

    public override string ToString() => $"Corpus of {Articles.Count} articles from {Source ?? "memory"}";
}
