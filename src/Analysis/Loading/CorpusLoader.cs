using Analysis.Cleaning;
using Analysis.Model;

namespace Analysis.Loading;

/// <summary>Options for loading a corpus.</summary>
public sealed record LoadOptions
{
    /// <summary>Files larger than this are skipped with a LoadReport row (default 20 MB).</summary>
    public long MaxFileBytes { get; init; } = 20L * 1024 * 1024;
}

/// <summary>Reads a folder of article files into <see cref="Article"/>s and a load report.</summary>
public static class CorpusLoader
{
    /// <summary>Loads every .txt/.md file below <paramref name="folder"/>.</summary>
    public static (List<Article> Articles, List<LoadReportEntry> Report) LoadFolder(string folder, LoadOptions options)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Corpus folder not found: '{folder}'.");
        var articles = new List<Article>();
        var report = new List<LoadReportEntry>();
        foreach (var path in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories).Order(StringComparer.Ordinal))
        {
            var rel = Path.GetRelativePath(folder, path).Replace('\\', '/');
            var ext = Path.GetExtension(path).ToLowerInvariant();
            if (ext is not (".txt" or ".md")) continue;
            var raw = File.ReadAllText(path);
            var id = Path.ChangeExtension(rel, null).Replace('/', '_');
            articles.Add(ArticleBuilder.Build(id, raw, rel));
            report.Add(new LoadReportEntry(rel, id, LoadStatus.Loaded, null));
        }
        return (articles, report);
    }
}
