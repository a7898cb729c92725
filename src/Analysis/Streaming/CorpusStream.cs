using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using System.Diagnostics;

namespace Analysis;

/// <summary>One share of a run split over several machines: share <see cref="Index"/> (from 0) of <see cref="Count"/>.</summary>
public readonly record struct Shard(int Index, int Count)
{
    /// <summary>The whole corpus as one share.</summary>
    public static Shard All => new(0, 1);

    /// <summary>Reads "i/N" (i from 0 to N−1); throws with the accepted form otherwise.</summary>
    public static Shard Parse(string text)
    {
        var parts = (text ?? "").Split('/');
        if (parts.Length == 2 && int.TryParse(parts[0], out int i) && int.TryParse(parts[1], out int n) && n >= 1 && i >= 0 && i < n)
            return new Shard(i, n);
        throw new FormatException($"Shard '{text}' is not of the form i/N with 0 <= i < N (for example 0/4).");
    }

    /// <summary>
    /// True when the input named <paramref name="key"/> (its path relative to the corpus) belongs to this share: a
    /// stable hash of the name, so every machine agrees without talking to the others, and a rerun picks the same inputs.
    /// </summary>
    public bool Owns(string key)
    {
        if (Count == 1) return true;
        ulong h = 14695981039346656037UL;
        foreach (char c in key) { h ^= c; h *= 1099511628211UL; }
        // FNV-1a's low bits mix poorly: a finalizer spreads every input bit over the bits the modulo keeps.
        h ^= h >> 33; h *= 0xff51afd7ed558ccdUL; h ^= h >> 33;
        return (int)(h % (ulong)Count) == Index;
    }

    /// <summary>The part file name of this share ("part-0002-of-0004").</summary>
    public string PartName => $"part-{Index:D4}-of-{Count:D4}";

    public override string ToString() => $"{Index}/{Count}";
}

/// <summary>Options for <see cref="CorpusStream"/>.</summary>
public sealed record StreamOptions
{
    /// <summary>Articles analysed together and then released (default 1,000): memory is bounded by one batch.</summary>
    public int BatchSize { get; init; } = 1000;
    /// <summary>The share of the inputs this run processes (default: all).</summary>
    public Shard Shard { get; init; } = Shard.All;
    /// <summary>The extractors' options, as for <see cref="AnalysisExtensions.Analyze"/>.</summary>
    public AnalysisOptions Analysis { get; init; } = new();
    /// <summary>Batches analysed at once (default: one per core); the output never depends on it.</summary>
    public int MaxDegreeOfParallelism { get; init; } = Environment.ProcessorCount;
    /// <summary>Told after each batch, from the calling thread.</summary>
    public IProgress<StreamProgress>? Progress { get; init; }
}

/// <summary>Progress of a stream: articles and clean-text bytes done, time spent, and the rate.</summary>
public readonly record struct StreamProgress(long Articles, long Bytes, TimeSpan Elapsed, long? Total)
{
    /// <summary>Articles per second so far.</summary>
    public double ArticlesPerSecond => Elapsed.TotalSeconds > 0 ? Articles / Elapsed.TotalSeconds : 0;
    /// <summary>Megabytes of clean text per second so far.</summary>
    public double MegabytesPerSecond => Elapsed.TotalSeconds > 0 ? Bytes / 1e6 / Elapsed.TotalSeconds : 0;
    /// <summary>Time left at the current rate, when the total is known.</summary>
    public TimeSpan? Eta => Total is long t && ArticlesPerSecond > 0 ? TimeSpan.FromSeconds((t - Articles) / ArticlesPerSecond) : null;

    public override string ToString() =>
        $"{Articles:N0}{(Total is long t ? $" of {t:N0}" : "")} articles, {ArticlesPerSecond:N0}/s, {MegabytesPerSecond:N1} MB/s"
        + (Eta is { } eta ? $", about {eta:hh\\:mm\\:ss} left" : "");
}

/// <summary>What a merge wrote: rows per table, and each step's time and the managed memory held after it.</summary>
public sealed record MergeSummary(IReadOnlyDictionary<string, long> Rows, IReadOnlyList<MergeStep> Steps);

/// <summary>One step of a merge: its name, how long it took, and the managed heap after it (bytes, after a collection).</summary>
public sealed record MergeStep(string Name, TimeSpan Elapsed, long HeapBytes)
{
    public override string ToString() => $"{Name}: {Elapsed.TotalSeconds:N1} s, {HeapBytes / 1048576.0:N0} MB held";
}

/// <summary>What a stream wrote: rows per table, articles, time.</summary>
public sealed record StreamSummary(IReadOnlyDictionary<string, long> Rows, long Articles, long Bytes, TimeSpan Elapsed, string Folder);

/// <summary>
/// The analysis of a corpus too large for memory: articles are analysed in batches through the same
/// <see cref="CoverageAnalysis"/> a notebook uses, and each batch's per-article tables
/// (<see cref="TableScope.PerArticle"/>) are appended to Parquet files, one row group per batch:
/// <c>&lt;folder&gt;/parquet/&lt;table&gt;/part-i-of-N.parquet</c>. Tables that compare articles are built afterwards
/// over all the parts (<see cref="Merge(string, string, StreamOptions?, LoadOptions?)"/>). Each article is read on its own (its names merged within it, a yearless
/// date dated from its own text), so a row never depends on the batch or shard an article fell in: shards merged give
/// the rows of one run.
/// </summary>
public static class CorpusStream
{
    /// <summary>
    /// Loads the corpus at <paramref name="corpusPath"/> chunk by chunk (<see cref="CorpusLoader.Stream"/>, reading only
    /// this shard's files) and analyses it into <paramref name="folder"/>; see the class summary. The load report of the
    /// shard's inputs is streamed too.
    /// </summary>
    public static StreamSummary Analyze(string corpusPath, string folder, StreamOptions? options = null, LoadOptions? load = null)
    {
        options ??= new StreamOptions();
        var shard = options.Shard;
        load = (load ?? new LoadOptions()) with { Include = rel => shard.Owns(rel) };
        int total = 0;
        IEnumerable<(IReadOnlyList<Article>, IReadOnlyList<LoadReportEntry>?)> Chunks()
        {
            foreach (var chunk in CorpusLoader.Stream(corpusPath, load, options.BatchSize))
            {
                total = chunk.Total;
                yield return (chunk.Articles, chunk.Report);
            }
        }
        return Run(Chunks(), folder, options, () => total);
    }

    /// <summary>Analyses <paramref name="articles"/> (enumerated once) into <paramref name="folder"/>; see the class summary.</summary>
    public static StreamSummary Analyze(IEnumerable<Article> articles, string folder, StreamOptions? options = null, long? total = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        options ??= new StreamOptions();
        var shard = options.Shard;
        int size = options.BatchSize;
        IEnumerable<(IReadOnlyList<Article>, IReadOnlyList<LoadReportEntry>?)> Batches()
        {
            var batch = new List<Article>(size);
            foreach (var a in articles)
            {
                if (!shard.Owns(string.IsNullOrEmpty(a.File) ? a.Id : a.File)) continue;
                batch.Add(a);
                if (batch.Count < size) continue;
                yield return (batch, null);
                batch = new List<Article>(size);
            }
            if (batch.Count > 0) yield return (batch, null);
        }
        return Run(Batches(), folder, options, () => total);
    }

    private static StreamSummary Run(IEnumerable<(IReadOnlyList<Article> Articles, IReadOnlyList<LoadReportEntry>? Report)> batches, string folder,
        StreamOptions options, Func<long?> total)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if (options.BatchSize < 1) throw new ArgumentOutOfRangeException(nameof(options), options.BatchSize, "BatchSize must be at least 1.");
        var writers = new Dictionary<string, ParquetTableWriter>(StringComparer.Ordinal);
        var clock = Stopwatch.StartNew();
        long done = 0, bytes = 0;
        try
        {
            // Batches are analysed a few at a time in parallel (one per core) and written in input order, so the
            // parts hold the rows in the same order whatever the core count; memory holds that many batches.
            var pending = new List<(IReadOnlyList<Article> Articles, IReadOnlyList<LoadReportEntry>? Report)>();
            void WritePending()
            {
                var frames = new List<(string Name, DataFrame Frame)>[pending.Count];
                Parallel.For(0, pending.Count, new ParallelOptions { MaxDegreeOfParallelism = options.MaxDegreeOfParallelism }, i =>
                    frames[i] = Corpus.Batch(pending[i].Articles, pending[i].Report).Analyze(options.Analysis).Tables
                        .Where(t => t.Scope == TableScope.PerArticle).Select(t => (t.Name, t.Build())).ToList());
                for (int i = 0; i < pending.Count; i++)
                {
                    foreach (var (name, frame) in frames[i])
                    {
                        if (!writers.TryGetValue(name, out var writer))
                        {
                            var dir = Path.Combine(folder, "parquet", name);
                            Directory.CreateDirectory(dir);
                            writers[name] = writer = new ParquetTableWriter(Path.Combine(dir, options.Shard.PartName + ".parquet"));
                        }
                        writer.Append(frame);
                    }
                    done += pending[i].Articles.Count;
                    bytes += pending[i].Articles.Sum(a => (long)System.Text.Encoding.UTF8.GetByteCount(a.Text));
                    options.Progress?.Report(new StreamProgress(done, bytes, clock.Elapsed, total()));
                }
                pending.Clear();
            }
            foreach (var batch in batches)
            {
                pending.Add(batch);
                if (pending.Count >= options.MaxDegreeOfParallelism) WritePending();
            }
            // A share with no input still writes its (empty) parts, so every share leaves the same files.
            if (pending.Count == 0 && writers.Count == 0) pending.Add(([], []));
            WritePending();
        }
        finally
        {
            foreach (var w in writers.Values) w.Dispose();
        }
        return new StreamSummary(writers.ToDictionary(w => w.Key, w => w.Value.Rows), done, bytes, clock.Elapsed, folder);
    }

    /// <summary>
    /// Joins the parts under <paramref name="folder"/> (from one run or from every shard) into one DuckDB database,
    /// one table per name, with the rows in article order, and adds <c>canonical_entities</c> (see
    /// <see cref="CanonicalEntitiesSql"/>); returns the row count of each table.
    /// </summary>
    public static IReadOnlyDictionary<string, long> Merge(string folder)
    {
        var parquet = Path.Combine(folder, "parquet");
        if (!Directory.Exists(parquet)) throw new DirectoryNotFoundException($"No parts to merge: '{parquet}' does not exist.");
        var rows = new Dictionary<string, long>(StringComparer.Ordinal);
        using var db = TableStore.Open(Path.Combine(folder, TableStore.DatabaseFile));
        foreach (var dir in Directory.GetDirectories(parquet).Order(StringComparer.Ordinal))
        {
            var name = Path.GetFileName(dir);
            // Every column in order (article_id, or file for load_report, first): one order whatever the parts.
            rows[name] = CreateTable(db, name, Path.Combine(Path.GetFullPath(dir), "*.parquet"));
        }
        if (rows.ContainsKey("entities"))
        {
            var merged = Path.Combine(folder, "merged");
            Directory.CreateDirectory(merged);
            using (var command = db.CreateCommand())
            {
                command.CommandText = $"CREATE OR REPLACE TABLE canonical_entities AS {CanonicalEntitiesSql};"
                    + $"COPY canonical_entities TO '{Path.GetFullPath(Path.Combine(merged, "canonical_entities.parquet")).Replace("'", "''")}' (FORMAT PARQUET)";
                command.ExecuteNonQuery();
            }
            rows["canonical_entities"] = RowCount(db, "canonical_entities");
        }
        return rows;
    }

    /// <summary>
    /// canonical_entities over every share, in SQL over the merged <c>entities</c> table: one row per (canonical name,
    /// kind) with its mentions, articles and outlets counted over the corpus and its spellings (the columns and order of
    /// <c>corpus.Entities().Canonical.ToDataFrame()</c>: most mentioned first). The names are those of the stream, merged
    /// within each article; spellings of one name in different articles are not merged into one (see docs/streaming.md).
    /// </summary>
    internal const string CanonicalEntitiesSql = """
        WITH counts AS (
            SELECT canonical, kind, sum(mentions)::INTEGER AS mentions, count(DISTINCT article_id)::INTEGER AS articles,
                   count(DISTINCT outlet)::INTEGER AS outlets
            FROM entities GROUP BY canonical, kind),
        spellings AS (
            SELECT canonical, kind, string_agg(variant, '; ' ORDER BY variant) AS variants
            FROM (SELECT DISTINCT canonical, kind, unnest(string_split(variants, '; ')) AS variant FROM entities)
            GROUP BY canonical, kind)
        SELECT c.canonical, c.kind, c.mentions, c.articles, c.outlets, s.variants
        FROM counts c JOIN spellings s USING (canonical, kind)
        ORDER BY c.mentions DESC, c.canonical
        """;

    /// <summary>
    /// <see cref="Merge(string)"/>, then the tables that compare articles, over every share's rows:
    /// <c>stories</c> (the articles of <paramref name="corpusPath"/> grouped as <c>Stories()</c> groups them, each
    /// article's terms read once as the corpus is loaded again chunk by chunk), <c>reconciliation</c> (the merged figures reconciled within each story) and <c>shared_quotations</c> (the
    /// merged quotations aligned within each story). Each is computed by the code an in-memory
    /// <see cref="CoverageAnalysis"/> runs, so it equals that table of one run over the whole corpus; figures and
    /// quotations are read back from the database a story at a time, so memory holds the articles' sparse term
    /// counts and story graph (not their text), the stories' groups, and one batch of stories' rows. Each table is also written as
    /// <c>&lt;folder&gt;/merged/&lt;name&gt;.parquet</c>. Topic clusters are not built here (they need k-means over every
    /// article at once: <c>corpus.Cluster(k)</c> on a corpus that fits in memory).
    /// </summary>
    /// <param name="folder">The folder the stream (or every shard) wrote to.</param>
    /// <param name="corpusPath">The corpus the stream read (all of it, whatever the shards).</param>
    /// <param name="options">The stream's options: its <see cref="StreamOptions.Analysis"/> gives the story and reconciliation options.</param>
    /// <param name="load">The load options the stream used.</param>
    public static MergeSummary Merge(string folder, string corpusPath, StreamOptions? options = null, LoadOptions? load = null)
    {
        options ??= new StreamOptions();
        var steps = new List<MergeStep>();
        var clock = Stopwatch.StartNew();
        void Step(string name)
        {
            steps.Add(new MergeStep(name, clock.Elapsed, GC.GetTotalMemory(forceFullCollection: true)));
            clock.Restart();
        }
        var rows = new Dictionary<string, long>(Merge(folder), StringComparer.Ordinal);
        Step("per-article tables");
        var merged = Path.Combine(folder, "merged");
        Directory.CreateDirectory(merged);
        using var db = TableStore.Open(Path.Combine(folder, TableStore.DatabaseFile));
        long Write(string name, IEnumerable<DataFrame> frames, Func<DataFrame> empty)
        {
            var path = Path.Combine(merged, name + ".parquet");
            using (var writer = new ParquetTableWriter(path))
            {
                foreach (var frame in frames) writer.Append(frame);
                // A table with no rows still has its columns.
                if (writer.Rows == 0) writer.Append(empty());
            }
            return rows[name] = CreateTable(db, name, path);
        }

        var grouping = ReadForGrouping(corpusPath, load ?? new LoadOptions(), options.BatchSize, options.Analysis.Stories);
        var articles = grouping.Articles;
        var position = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        for (int i = 0; i < articles.Count; i++) position[articles[i].Id] = i;
        CheckSameArticles(db, position, corpusPath);
        Step("articles loaded");
        var stories = grouping.Group();
        Step("stories grouped");
        Write("stories", [stories.ToDataFrame()], stories.ToDataFrame);
        Step("stories written");

        // The groups the in-memory analysis passes to reconciliation; a batch reconciles only its own stories' figures
        // (figures of different stories are never compared), with every other group left empty so story numbers hold.
        IReadOnlyList<string>[] groups = stories.Select(s => s.ArticleIds).ToArray();
        IEnumerable<DataFrame> Reconciled()
        {
            foreach (var batch in StoryBatches(db, "figures", ReadFigure))
            {
                var ids = batch.SelectMany(b => b.Rows).Select(f => f.ArticleId).Distinct(StringComparer.Ordinal).ToList();
                var inBatch = batch.Where(b => b.Story > 0).Select(b => b.Story).ToHashSet();
                var sameStory = groups.Select((g, i) => inBatch.Contains(i + 1) ? g : []).ToList();
                var reconcile = (options.Analysis.Reconcile ?? new ReconcileOptions()) with { SameStory = sameStory };
                yield return batch.SelectMany(b => b.Rows).Reconcile(new Corpus(ids.Select(id => articles[position[id]]).ToList()), reconcile).ToDataFrame();
            }
        }
        Write("reconciliation", Reconciled(), () => Array.Empty<Figure>().Reconcile(new Corpus([])).ToDataFrame());
        Step("reconciliation");
        Write("shared_quotations", StoryBatches(db, "quotes", ReadQuote, minStorySize: 2)
            .Select(batch => CoverageAnalysis.SharedQuotationsByStory(batch.Select(b => (b.Story, b.Rows)), id => position[id])),
            () => CoverageAnalysis.SharedQuotationsByStory([], id => 0));
        Step("shared quotations");
        return new MergeSummary(rows, steps);
    }

    /// <summary>
    /// Throws when the corpus given to a merge is not the one the shards read: every streamed article must be in it and
    /// it must hold no other, or stories and reconciliation would silently cover another set of articles.
    /// </summary>
    private static void CheckSameArticles(DuckDBConnection db, Dictionary<string, int> position, string corpusPath)
    {
        using var command = db.CreateCommand();
        command.CommandText = "SELECT article_id FROM articles";
        using var reader = command.ExecuteReader();
        long streamed = 0;
        while (reader.Read())
        {
            streamed++;
            var id = reader.GetString(0);
            if (!position.ContainsKey(id))
                throw new InvalidDataException($"Article '{id}' of the streamed tables is not in the corpus at '{corpusPath}': merge needs the corpus the shards read, all of it.");
        }
        if (streamed != position.Count)
            throw new InvalidDataException($"The corpus at '{corpusPath}' has {position.Count:N0} articles and the streamed tables {streamed:N0}: "
                + "merge needs the corpus the shards read, all of it, and every shard's parts.");
    }

    private static long CreateTable(DuckDBConnection db, string name, string parquet)
    {
        using (var command = db.CreateCommand())
        {
            command.CommandText = $"CREATE OR REPLACE TABLE \"{name}\" AS SELECT * FROM read_parquet('{parquet.Replace("'", "''")}') ORDER BY ALL";
            command.ExecuteNonQuery();
        }
        return RowCount(db, name);
    }

    private static long RowCount(DuckDBConnection db, string table)
    {
        using var count = db.CreateCommand();
        count.CommandText = $"SELECT count(*) FROM \"{table}\"";
        return Convert.ToInt64(count.ExecuteScalar());
    }

    /// <summary>
    /// The corpus read chunk by chunk into story grouping, in corpus order (as <see cref="Corpus.Load"/> gives
    /// them): each article's terms, dates and headline are read once and the article is let go, its story and
    /// reconciliation keeping only a copy without text (id, file, outlet, headline, publication date). Memory then
    /// holds the sparse term counts, not the corpus.
    /// </summary>
    private static StoryInputs ReadForGrouping(string corpusPath, LoadOptions load, int chunkSize, StoryOptions? options)
    {
        var inputs = new StoryInputs(options ?? new StoryOptions());
        var noMap = OffsetMap.Identity(0);
        foreach (var chunk in CorpusLoader.Stream(corpusPath, load, chunkSize))
            foreach (var a in chunk.Articles)
                inputs.Add(new AnnotatedArticle(a, Gazetteer.Default), new Article
                {
                    Id = a.Id, File = a.File, Outlet = a.Outlet, Headline = a.Headline, Published = a.Published,
                    PublishedInferred = a.PublishedInferred, PublishedBasis = a.PublishedBasis, Raw = "", Text = "", Map = noMap,
                    Words = a.Words,
                });
        return inputs;
    }

    /// <summary>Rows of one story (story 0: an article no story holds, which is a story of its own).</summary>
    private sealed record StoryRows<T>(int Story, IReadOnlyList<T> Rows);

    /// <summary>
    /// The rows of <paramref name="table"/> story by story (joined with the merged <c>stories</c> table), in batches of
    /// whole stories of about <paramref name="batchRows"/> rows: what a cross-article step holds at once.
    /// </summary>
    private static IEnumerable<List<StoryRows<T>>> StoryBatches<T>(DuckDBConnection db, string table, Func<DuckDBDataReader, T> read,
        int minStorySize = 1, int batchRows = 50_000)
    {
        using var command = db.CreateCommand();
        command.CommandText = $"""
            SELECT t.*, coalesce(s.story, 0) AS "__story" FROM "{table}" t LEFT JOIN stories s USING (article_id)
            WHERE coalesce(s.story_size, 1) >= {minStorySize}
            ORDER BY "__story", CASE WHEN coalesce(s.story, 0) = 0 THEN t.article_id END
            """;
        using var reader = (DuckDBDataReader)command.ExecuteReader();
        int storyColumn = reader.GetOrdinal("__story"), articleColumn = reader.GetOrdinal("article_id");
        var batch = new List<StoryRows<T>>();
        int count = 0;
        (int Story, string Article)? current = null;
        List<T>? rows = null;
        while (reader.Read())
        {
            int story = reader.GetInt32(storyColumn);
            string article = reader.GetString(articleColumn);
            // Story 0 holds the articles outside every story: each is its own story.
            var key = (story, story == 0 ? article : "");
            if (current != key)
            {
                if (rows is not null) batch.Add(new StoryRows<T>(current!.Value.Story, rows));
                if (count >= batchRows) { yield return batch; batch = []; count = 0; }
                current = key;
                rows = [];
            }
            rows!.Add(read(reader));
            count++;
        }
        if (rows is not null) batch.Add(new StoryRows<T>(current!.Value.Story, rows));
        if (batch.Count > 0) yield return batch;
    }

    private static string? Text(DuckDBDataReader r, string column) { int i = r.GetOrdinal(column); return r.IsDBNull(i) ? null : r.GetString(i); }
    private static int Int(DuckDBDataReader r, string column) => r.GetInt32(r.GetOrdinal(column));
    private static double? Double(DuckDBDataReader r, string column) { int i = r.GetOrdinal(column); return r.IsDBNull(i) ? null : r.GetDouble(i); }

    private static readonly Dictionary<string, Qualifier> QualifierByName = Enum.GetValues<Qualifier>().ToDictionary(Qualifiers.Name, StringComparer.Ordinal);

    /// <summary>A row of the <c>figures</c> table as the record it was written from.</summary>
    private static Figure ReadFigure(DuckDBDataReader r) =>
        new(Text(r, "article_id")!, Text(r, "outlet")!, Double(r, "value")!.Value, Text(r, "unit") ?? "", Double(r, "low"), Double(r, "high"),
            QualifierByName[Text(r, "qualifier")!], Text(r, "counted") ?? "", Text(r, "measure") ?? "", Text(r, "attribution"),
            Int(r, "sentence_index"), Text(r, "sentence") ?? "", Int(r, "start"), Int(r, "end"), Text(r, "surface") ?? "", Text(r, "rule") ?? "")
        {
            Source = Text(r, "source") ?? FigureSources.Body, RawStart = Int(r, "raw_start"), RawEnd = Int(r, "raw_end"),
        };

    private static readonly Dictionary<string, QuoteKind> KindByName = Enum.GetValues<QuoteKind>().ToDictionary(k => k.ToString().ToLowerInvariant(), StringComparer.Ordinal);

    /// <summary>A row of the <c>quotes</c> table as the record it was written from (all but the speaker's confidence, which the table does not keep).</summary>
    private static Quote ReadQuote(DuckDBDataReader r) =>
        new(Text(r, "article_id")!, Text(r, "outlet")!, Int(r, "start"), Int(r, "end"), Int(r, "sentence_index"), Text(r, "sentence") ?? "",
            Text(r, "quote") ?? "", KindByName[Text(r, "kind")!], Text(r, "speaker"), Text(r, "speaker_text"), Text(r, "cue"), Text(r, "rule") ?? "",
            Int(r, "paragraphs"), Text(r, "problem"));
}
