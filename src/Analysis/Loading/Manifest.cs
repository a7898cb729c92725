using System.Collections.Concurrent;

namespace Analysis;

/// <summary>
/// Per-file metadata read from a manifest CSV (columns: file, and any of outlet, headline, published, byline, url).
/// A row applies to the file whose path relative to the corpus folder, or whose bare file name, it names.
/// </summary>
internal sealed class Manifest
{
    private readonly Dictionary<string, (ArticleMetadata Meta, int Line)> _byFile = new(StringComparer.OrdinalIgnoreCase);
    private readonly ConcurrentDictionary<string, bool> _used = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>Name of the manifest as shown in the load report.</summary>
    public string Name { get; }
    /// <summary>Report rows about the manifest itself (malformed rows, unreadable values).</summary>
    public List<LoadReportEntry> Report { get; } = new();

    private Manifest(string name) => Name = name;

    public static Manifest Read(string text, string name)
    {
        var manifest = new Manifest(name);
        foreach (var row in TableReader.ReadCsv(text))
        {
            string where = $"{name}:{row.Line}";
            var file = row.Get("file", "filename", "path");
            if (row.Problem is not null) { manifest.Skip(where, row.Problem); continue; }
            if (file is null) { manifest.Skip(where, "manifest row has no file name"); continue; }
            var meta = row.Metadata("manifest", out var dateProblem);
            if (dateProblem is not null) { manifest.Skip(where, $"manifest row for '{file}': {dateProblem}"); continue; }
            var key = file.Replace('\\', '/');
            if (!manifest._byFile.TryAdd(key, (meta, row.Line)))
                manifest.Skip(where, $"second manifest row for '{file}' (line {manifest._byFile[key].Line} is used)");
        }
        return manifest;
    }

    private void Skip(string where, string reason) => Report.Add(new LoadReportEntry(where, null, LoadStatus.Skipped, reason));

    /// <summary>The metadata for the file at <paramref name="relativePath"/>, or null. Thread-safe.</summary>
    public ArticleMetadata? For(string relativePath)
    {
        foreach (var key in new[] { relativePath, Path.GetFileName(relativePath) })
            if (_byFile.TryGetValue(key, out var entry))
            {
                _used[key] = true;
                return entry.Meta;
            }
        return null;
    }

    /// <summary>
    /// Report rows for manifest rows that named no loaded file; with <paramref name="include"/>, only for the files
    /// it accepts (a shard reports the rows of its own share of the names).
    /// </summary>
    public IEnumerable<LoadReportEntry> Unused(Func<string, bool>? include = null) => _byFile
        .Where(kv => !_used.ContainsKey(kv.Key) && (include is null || include(kv.Key)))
        .OrderBy(kv => kv.Value.Line)
        .Select(kv => new LoadReportEntry($"{Name}:{kv.Value.Line}", null, LoadStatus.Skipped,
            $"manifest row names '{kv.Key}', which is not in the corpus"));
}
