
namespace Analysis;

/// <summary>
/// Reads a folder of article files, a CSV or JSON Lines file of articles, or a single text/HTML page into
/// cleaned <see cref="Article"/>s and a load report that lists every input. Files are processed in parallel;
/// the output order is always the ordinal order of relative paths (then row order inside a table file).
/// </summary>
public static class CorpusLoader
{
    private static readonly HashSet<string> TextExtensions = new(StringComparer.OrdinalIgnoreCase) { ".txt", ".text", ".md", ".markdown" };
    private static readonly HashSet<string> HtmlExtensions = new(StringComparer.OrdinalIgnoreCase) { ".html", ".htm" };
    private static readonly HashSet<string> JsonLinesExtensions = new(StringComparer.OrdinalIgnoreCase) { ".jsonl", ".ndjson" };
    private static readonly HashSet<string> DocumentationNames = new(StringComparer.OrdinalIgnoreCase) { "readme", "license", "licence", "copying", "changelog", "notice" };

    /// <summary>Name of the manifest picked up from a corpus folder when <see cref="LoadOptions.ManifestPath"/> is null.</summary>
    public const string DefaultManifestName = "manifest.csv";

    /// <summary>Loads a folder (recursively) or a single file. Throws when <paramref name="path"/> does not exist.</summary>
    public static (List<Article> Articles, List<LoadReportEntry> Report) Load(string path, LoadOptions options)
    {
        var articles = new List<Article>();
        var report = new List<LoadReportEntry>();
        foreach (var chunk in Stream(path, options, int.MaxValue))
        {
            articles.AddRange(chunk.Articles);
            report.AddRange(chunk.Report);
        }
        return (articles, report);
    }

    /// <summary>Loads every file below <paramref name="folder"/>; see <see cref="Load"/>.</summary>
    public static (List<Article> Articles, List<LoadReportEntry> Report) LoadFolder(string folder, LoadOptions options)
    {
        if (!Directory.Exists(folder)) throw new DirectoryNotFoundException($"Corpus folder not found: '{folder}'.");
        return Load(folder, options);
    }

    /// <summary>
    /// Loads a folder or file as <see cref="Load"/> does, but <paramref name="chunkSize"/> input files at a time, in the
    /// same order, so a corpus larger than memory can be processed chunk by chunk: only the list of file names is
    /// held for the whole walk. Duplicate ids are caught across chunks. The manifest's own rows come first, and
    /// its unused rows last (only then is it known which rows no file used).
    /// </summary>
    public static IEnumerable<LoadChunk> Stream(string path, LoadOptions options, int chunkSize = 1000)
    {
        ArgumentNullException.ThrowIfNull(options);
        if (chunkSize < 1) throw new ArgumentOutOfRangeException(nameof(chunkSize), chunkSize, "Must be at least 1.");
        var full = Path.GetFullPath(path);
        var seen = new Dictionary<string, string>(StringComparer.Ordinal);
        if (File.Exists(full) && !Directory.Exists(full))
        {
            yield return Assemble([LoadEntry(Classify(full, Path.GetFileName(full)), options, null)], seen);
            yield break;
        }
        if (!Directory.Exists(full))
            throw new FileNotFoundException($"Corpus path not found: '{full}' is neither a folder nor a file.", full);
        var manifest = ReadManifest(full, options);
        var entries = Walk(full, options)
            .Where(f => manifest is null || !string.Equals(f.Rel, manifest.Rel, StringComparison.OrdinalIgnoreCase))
            .Where(f => options.Include is null || options.Include(f.Rel))
            .OrderBy(f => f.Rel, StringComparer.Ordinal)
            .ToArray();
        // In a split run the manifest's own rows belong to the share that owns its name, so they appear once overall.
        bool ownsManifest = manifest is not null && (options.Include is null || options.Include(manifest.Rel));
        if (ownsManifest) yield return new LoadChunk([], [manifest!.Entry], 0, entries.Length);
        int done = 0;
        for (int start = 0; start < entries.Length; start += chunkSize)
        {
            var results = new FileResult[Math.Min(chunkSize, entries.Length - start)];
            Parallel.For(0, results.Length, new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, options.MaxDegreeOfParallelism) }, i =>
            {
                results[i] = LoadEntry(entries[start + i], options, manifest?.Manifest);
                options.Progress?.Report(new LoadProgress(Interlocked.Increment(ref done), entries.Length, entries[start + i].Rel));
            });
            yield return Assemble(results, seen) with { Done = start + results.Length, Total = entries.Length };
        }
        if (manifest is not null)
            yield return new LoadChunk([], [.. ownsManifest ? manifest.Manifest.Report : [], .. manifest.Manifest.Unused(options.Include)], entries.Length, entries.Length);
    }

    /// <summary>A file to read, or an entry of the walk that is reported and not read (<see cref="Skip"/> says why).</summary>
    private sealed record WalkEntry(string Full, string Rel, string? Skip);

    /// <summary>
    /// Every entry below <paramref name="root"/>, breadth first and in ordinal order: regular files (and links to
    /// them) to read; FIFOs, devices, sockets, broken links, link loops, unfollowed folder links and unreadable
    /// folders as entries to report. A folder is walked once, however many links lead to it.
    /// </summary>
    private static List<WalkEntry> Walk(string root, LoadOptions options)
    {
        var entries = new List<WalkEntry>();
        var walked = new Dictionary<string, string>(StringComparer.Ordinal);
        if (FileKinds.Of(root).Identity is { } rootId) walked[rootId] = ".";
        var pending = new Queue<(string Full, string Rel)>();
        pending.Enqueue((root, ""));
        var listing = new EnumerationOptions { RecurseSubdirectories = false, IgnoreInaccessible = false, AttributesToSkip = 0 };
        while (pending.TryDequeue(out var folder))
        {
            string[] names;
            try
            {
                names = Directory.EnumerateFileSystemEntries(folder.Full, "*", listing).Select(Path.GetFileName).ToArray()!;
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                entries.Add(new(folder.Full, folder.Rel.Length == 0 ? "." : folder.Rel + "/", $"unreadable folder: {e.Message}"));
                continue;
            }
            Array.Sort(names, StringComparer.Ordinal);
            foreach (var name in names)
            {
                var full = Path.Combine(folder.Full, name);
                var rel = folder.Rel.Length == 0 ? name : folder.Rel + "/" + name;
                var entry = Classify(full, rel, out var info);
                if (info.Kind != EntryKind.Folder) { entries.Add(entry); continue; }
                if (info.IsLink && !options.FollowDirectoryLinks)
                    entries.Add(entry with { Skip = "link to a folder, not followed (set LoadOptions.FollowDirectoryLinks to follow it)" });
                else if (info.Identity is { } id && walked.TryGetValue(id, out var first))
                    entries.Add(entry with { Skip = $"folder already walked as '{first}' (a link loop or a second link to it); not walked again" });
                else
                {
                    if (info.Identity is { } newId) walked[newId] = rel;
                    pending.Enqueue((full, rel));
                }
            }
        }
        return entries;
    }

    private static WalkEntry Classify(string full, string rel) => Classify(full, rel, out _);

    private static WalkEntry Classify(string full, string rel, out EntryInfo info)
    {
        info = FileKinds.Of(full);
        return info.Kind switch
        {
            EntryKind.File or EntryKind.Folder => new(full, rel, null),
            EntryKind.LinkLoop or EntryKind.BrokenLink or EntryKind.Unreadable => new(full, rel, info.Problem),
            var kind => new(full, rel, $"not a regular file ({FileKinds.Describe(kind)})"),
        };
    }

    private sealed record FileResult(List<Article> Articles, List<LoadReportEntry> Report);


    /// <summary>A manifest read from the corpus folder, its path relative to it, and its own load-report row.</summary>
    private sealed record LoadedManifest(Manifest Manifest, string Rel, LoadReportEntry Entry);

    private static LoadedManifest? ReadManifest(string folder, LoadOptions options)
    {
        if (!options.UseManifest) return null;
        var path = Path.GetFullPath(Path.Combine(folder, options.ManifestPath ?? DefaultManifestName));
        if (!File.Exists(path))
        {
            if (options.ManifestPath is null) return null;
            throw new FileNotFoundException($"Manifest not found: '{path}'.", path);
        }
        var rel = Path.GetRelativePath(folder, path).Replace('\\', '/');
        var decoded = TextDecoder.Decode(File.ReadAllBytes(path));
        var manifest = Manifest.Read(decoded.Text, rel);
        var entry = new LoadReportEntry(rel, null, decoded.Warning is null ? LoadStatus.Loaded : LoadStatus.LoadedWithWarnings,
            decoded.Warning is null ? "manifest" : "manifest; " + decoded.Warning);
        return new LoadedManifest(manifest, rel, entry);
    }

    /// <summary>Joins per-file results in order and skips ids already loaded (in this chunk or an earlier one).</summary>
    private static LoadChunk Assemble(FileResult[] results, Dictionary<string, string> seen)
    {
        var articles = new List<Article>();
        var report = new List<LoadReportEntry>();
        foreach (var result in results)
        {
            var byFile = result.Articles.ToDictionary(a => a.File);
            foreach (var entry in result.Report)
            {
                if (entry.Status == LoadStatus.Skipped || !byFile.TryGetValue(entry.File, out var article))
                {
                    report.Add(entry);
                    continue;
                }
                if (seen.TryGetValue(article.Id, out var first))
                {
                    report.Add(new LoadReportEntry(entry.File, article.Id, LoadStatus.Skipped, $"duplicate id '{article.Id}' (already loaded from '{first}')"));
                    continue;
                }
                seen[article.Id] = article.File;
                articles.Add(article);
                report.Add(entry);
            }
        }
        return new LoadChunk(articles, report, results.Length, results.Length);
    }

    private static FileResult LoadEntry(WalkEntry entry, LoadOptions options, Manifest? manifest)
    {
        if (entry.Skip is null) return LoadFile(entry.Full, entry.Rel, options, manifest);
        return new FileResult([], [new LoadReportEntry(entry.Rel, null, LoadStatus.Skipped, entry.Skip)]);
    }

    private static FileResult LoadFile(string full, string rel, LoadOptions options, Manifest? manifest)
    {
        var result = new FileResult(new(), new());
        void Skip(string reason) => result.Report.Add(new LoadReportEntry(rel, null, LoadStatus.Skipped, reason));

        var name = Path.GetFileName(rel);
        var ext = Path.GetExtension(rel);
        if (name.StartsWith('.')) { Skip("hidden file"); return result; }
        if (DocumentationNames.Contains(Path.GetFileNameWithoutExtension(name))) { Skip("documentation file, not an article"); return result; }
        bool isText = TextExtensions.Contains(ext), isHtml = HtmlExtensions.Contains(ext);
        bool isCsv = ext.Equals(".csv", StringComparison.OrdinalIgnoreCase), isJsonLines = JsonLinesExtensions.Contains(ext);
        if (!(isText || isHtml || isCsv || isJsonLines)) { Skip($"unsupported file type '{(ext.Length == 0 ? "(none)" : ext)}'"); return result; }

        byte[]? bytes;
        try
        {
            bytes = ReadAtMost(full, options.MaxFileBytes, out long seen);
            if (bytes is null)
            {
                var size = seen >= 0 ? $"file is {seen / 1048576.0:F1} MB" : "file gave more bytes than it reported (reading stopped at the limit)";
                Skip($"{size}, over the {options.MaxFileBytes / 1048576.0:0.#} MB limit (LoadOptions.MaxFileBytes)");
                return result;
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or NotSupportedException)
        {
            Skip($"unreadable: {e.Message}");
            return result;
        }
        if (bytes.Length == 0) { Skip("empty file"); return result; }
        if (TextDecoder.LooksBinary(bytes)) { Skip("binary file, not text"); return result; }
        var decoded = TextDecoder.Decode(bytes);
        if (string.IsNullOrWhiteSpace(decoded.Text)) { Skip("empty file (whitespace only)"); return result; }
        List<string> warnings = decoded.Warning is null ? [] : [decoded.Warning];

        if (isCsv || isJsonLines)
        {
            var rows = isCsv ? TableReader.ReadCsv(decoded.Text) : TableReader.ReadJsonLines(decoded.Text);
            if (rows.Count == 0) { Skip("no article rows"); return result; }
            foreach (var row in rows) LoadRow(row, rel, decoded.Encoding, warnings, options, result);
            return result;
        }

        var id = Path.ChangeExtension(rel, null).Replace('/', '_');
        var meta = new ArticleMetadata();
        var raw = decoded.Text;
        if (isHtml)
        {
            var page = HtmlPage.Extract(raw, full, options);
            if (page.Page is not { } read) { Skip(page.Skipped!); return result; }
            (raw, meta) = read;
        }
        if (manifest?.For(rel) is { } fromManifest) meta = meta.OverriddenBy(fromManifest);
        Add(result, ArticleBuilder.Build(id, raw, rel, meta, decoded.Encoding, warnings, options.DetectHeadlines));
        return result;
    }

    /// <summary>
    /// The file's bytes, or null when it holds more than <paramref name="max"/> (then <paramref name="seen"/> is its
    /// reported length, or -1 when it reported less and reading stopped at the limit). The limit holds while reading:
    /// a length the file system reports is not trusted (a device reports 0, a file may grow).
    /// </summary>
    private static byte[]? ReadAtMost(string path, long max, out long seen)
    {
        max = Math.Min(max, Array.MaxLength - 1);
        using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete, 1, FileOptions.SequentialScan);
        long reported = stream.CanSeek ? stream.Length : 0;
        if (reported > max) { seen = reported; return null; }
        var buffer = new byte[(int)Math.Min(Math.Max(reported + 1, 4096), max + 1)];
        int total = 0;
        while (true)
        {
            if (total == buffer.Length)
            {
                if (total > max) { seen = -1; return null; }
                Array.Resize(ref buffer, (int)Math.Min((long)buffer.Length * 2, max + 1));
            }
            int read = stream.Read(buffer, total, buffer.Length - total);
            if (read == 0) break;
            total += read;
        }
        if (total > max) { seen = -1; return null; }
        seen = total;
        return total == buffer.Length ? buffer : buffer[..total];
    }

    private static void LoadRow(TableRow row, string rel, string encoding, List<string> fileWarnings, LoadOptions options, FileResult result)
    {
        var where = $"{rel}:{row.Line}";
        void Skip(string reason) => result.Report.Add(new LoadReportEntry(where, row.Get("id", "article_id"), LoadStatus.Skipped, reason));
        if (row.Problem is not null) { Skip(row.Problem); return; }
        var text = row.Get("text", "body", "content");
        if (text is null) { Skip("row has no text"); return; }
        var warnings = new List<string>(fileWarnings);
        var meta = row.Metadata("source column", out var dateProblem);
        if (dateProblem is not null) warnings.Add("published: " + dateProblem);
        var id = row.Get("id", "article_id") ?? $"{Path.GetFileNameWithoutExtension(rel)}_{row.Line}";
        // A table names its headline in a column: the text's first line is only taken as one when it repeats it.
        Add(result, ArticleBuilder.Build(id, text, where, meta, encoding, warnings, detectHeadline: false));
    }

    private static void Add(FileResult result, Article article)
    {
        result.Articles.Add(article);
        result.Report.Add(article.Warnings.Count == 0
            ? new LoadReportEntry(article.File, article.Id, LoadStatus.Loaded, null)
            : new LoadReportEntry(article.File, article.Id, LoadStatus.LoadedWithWarnings, string.Join("; ", article.Warnings)));
    }
}

/// <summary>
/// One chunk of a streamed load (<see cref="CorpusLoader.Stream"/>): its articles and load-report rows, and how many
/// of the <see cref="Total"/> input files have been read once it is done.
/// </summary>
public sealed record LoadChunk(IReadOnlyList<Article> Articles, IReadOnlyList<LoadReportEntry> Report, int Done, int Total);
