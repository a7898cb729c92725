using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>Options for a whole analysis: each extractor's own options, in one object.</summary>
public sealed record AnalysisOptions
{
    /// <summary>Figure extraction (measure categories, captions, tolerance); null for the defaults.</summary>
    public FigureOptions? Figures { get; init; }
    /// <summary>Reconciliation of figures across outlets; null for the defaults.</summary>
    public ReconcileOptions? Reconcile { get; init; }
    /// <summary>Story grouping; null for the defaults.</summary>
    public StoryOptions? Stories { get; init; }
    /// <summary>Topic clusters: a fixed k, or null to choose k by silhouette.</summary>
    public int? ClusterK { get; init; }
    /// <summary>Clustering features and seeds; null for the defaults.</summary>
    public ClusterOptions? Clustering { get; init; }
}

/// <summary>
/// Everything the package computes for one corpus, each part computed on first use and kept, with the one list of
/// tables the package writes. Notebooks and programs use the same object, so every table is written once, by
/// <see cref="WriteTables"/>, from the same results the cells showed.
/// <code>
/// var analysis = corpus.Analyze();
/// analysis.Reconciliation.Measures.ToDataFrame()
/// analysis.WriteTables("artifacts/tables", TableFormats.All);   // CSV, Parquet and one DuckDB database
/// </code>
/// </summary>
public sealed class CoverageAnalysis
{
    private readonly Lazy<IReadOnlyList<Figure>> _figures;
    private readonly Lazy<Reconciliation> _reconciliation;
    private readonly Lazy<IReadOnlyList<Quote>> _quotes;
    private readonly Lazy<EventTimeline> _timeline;
    private readonly Lazy<ArticleClusters> _clusters;
    private readonly Lazy<StorySet> _stories;

    internal CoverageAnalysis(Corpus corpus, AnalysisOptions options)
    {
        Corpus = corpus;
        Options = options;
        // Each part is kept on the corpus under the options it depends on, so analyses of one corpus share what they
        // have in common (two notebooks asking for the same stories compute them once). Story and cluster options are
        // init-only records, compared by value; figure and reconciliation options can be edited after the call, so
        // those parts are shared only when they use the defaults.
        T Shared<T>(object? key, Func<T> compute) where T : class => key is null ? compute() : corpus.Keep(key, compute);
        _figures = new(() => Shared(options.Figures is null ? "figures" : null, () => corpus.Figures(options.Figures)));
        // Figures are compared within a story only: another story's hostage count is no contradiction.
        _reconciliation = new(() => Shared(options.Figures is null && options.Reconcile is null ? ("reconciliation", options.Stories) : null,
            () => Figures.Reconcile(corpus, (options.Reconcile ?? new ReconcileOptions()) with { SameStory = options.Reconcile?.SameStory ?? StoryGroups })));
        _quotes = new(() => Shared("quotes", () => corpus.Quotes()));
        // Yearless dates take their year from the article's own story, never from an unrelated article.
        // A stream batch reads each article alone, so it needs no stories (and must not depend on its batch).
        _timeline = new(() => Shared(("timeline", options.Stories), () =>
            corpus.Timeline(corpus.ReadsArticlesAlone ? null : new TimelineOptions { SameStory = StoryGroups })));
        _clusters = new(() => Shared(("clusters", options.ClusterK, options.Clustering), () => corpus.Cluster(options.ClusterK, options.Clustering)));
        _stories = new(() => Shared(("stories", options.Stories), () => corpus.Stories(options.Stories)));
    }

    /// <summary>The corpus analysed.</summary>
    public Corpus Corpus { get; }
    /// <summary>The options every part was computed with.</summary>
    public AnalysisOptions Options { get; }

    /// <summary>Every figure (<c>corpus.Figures()</c>).</summary>
    public IReadOnlyList<Figure> Figures => _figures.Value;
    /// <summary>The figures reconciled across outlets.</summary>
    public Reconciliation Reconciliation => _reconciliation.Value;
    /// <summary>Named entities merged across the corpus.</summary>
    public EntitySet Entities => Corpus.Entities();
    /// <summary>Quotations with their speakers.</summary>
    public IReadOnlyList<Quote> Quotes => _quotes.Value;
    /// <summary>Dated expressions resolved to days.</summary>
    public EventTimeline Timeline => _timeline.Value;
    /// <summary>The stories: which articles cover the same event (<c>corpus.Stories()</c>).</summary>
    public StorySet Stories => _stories.Value;
    /// <summary>
    /// Per-story comparisons (figures, shared quotations, who is quoted, timeline) for every story of at least
    /// <paramref name="minArticles"/> articles, largest first.
    /// </summary>
    public IReadOnlyList<StoryComparison> StoryComparisons(int minArticles = 2) =>
        StoryComparison.Of(Stories.Where(s => s.Size >= minArticles), Reconciliation, Quotes, Timeline).ToList();

    /// <summary>The comparison of one story: figures, quotations and dates of its articles only.</summary>
    public StoryComparison Compare(Story story) => StoryComparison.Of([story], Reconciliation, Quotes, Timeline).Single();

    /// <summary>The stories' article ids, story 1 first: the groups per-story comparisons run within.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StoryGroups => Stories.Select(s => s.ArticleIds).ToList();
    /// <summary>Topic clusters (k from <see cref="AnalysisOptions.ClusterK"/>).</summary>
    public ArticleClusters Clusters => _clusters.Value;

    /// <summary>
    /// The tables of the analysis in the order they are written, each built when asked. Per-article tables can be
    /// computed for any share of the articles and concatenated (what streaming and shards do); the others compare
    /// articles with each other and need them all. Names and columns: README, "Tables".
    /// </summary>
    public IReadOnlyList<TableSpec> Tables =>
    [
        new("articles", TableScope.PerArticle, Corpus.ArticlesTable),
        new("stories", TableScope.AcrossArticles, () => Stories.ToDataFrame()),
        new("removed", TableScope.PerArticle, Corpus.RemovedTable),
        new("load_report", TableScope.PerArticle, Corpus.LoadReportTable),
        new("figures", TableScope.PerArticle, () => Figures.ToDataFrame()),
        new("reconciliation", TableScope.AcrossArticles, () => Reconciliation.ToDataFrame()),
        new("shared_quotations", TableScope.AcrossArticles, () => SharedQuotationsByStory(
            Quotes.Select(q => (Story: Stories.Of(q.ArticleId), Quote: q)).Where(p => p.Story is { Size: > 1 })
                .GroupBy(p => p.Story!.Id, p => p.Quote).Select(g => (g.Key, (IReadOnlyList<Quote>)g.ToList())),
            Corpus.Position)),
        new("quotes", TableScope.PerArticle, () => Quotes.ToDataFrame()),
        new("entities", TableScope.PerArticle, () => Entities.ToDataFrame(Quotes)),
        new("timeline", TableScope.PerArticle, () => Timeline.Entries.ToDataFrame()),
        new("clusters", TableScope.AcrossArticles, () => Clusters.ToDataFrame()),
    ];

    /// <summary>
    /// The shared_quotations table: the quotations several articles of one story carry, aligned within each story
    /// (<see cref="QuoteExtraction.SharedQuotations"/>, as <see cref="StoryComparison"/> does), with the story's id.
    /// A story's quotations are put in corpus order first (<paramref name="position"/> of their article, then offset),
    /// so the group numbers do not depend on the order the quotations were read in (a merge reads them from tables).
    /// </summary>
    internal static DataFrame SharedQuotationsByStory(IEnumerable<(int Story, IReadOnlyList<Quote> Quotes)> stories, Func<string, int> position)
    {
        var rows = stories.SelectMany(s => s.Quotes
                .OrderBy(q => position(q.ArticleId)).ThenBy(q => q.Start).ThenBy(q => q.End).ThenBy(q => q.Text, StringComparer.Ordinal)
                .SharedQuotations().Select(q => (s.Story, Quotation: q)))
            .ToList();
        var table = rows.Select(r => r.Quotation).ToDataFrame();
        table.Columns.Insert(2, new Int32DataFrameColumn("story", rows.Select(r => (int?)r.Story)));
        return table;
    }

    /// <summary>
    /// Writes every table under <paramref name="folder"/> (created when missing) in the chosen formats:
    /// <c>&lt;name&gt;.csv</c>, <c>parquet/&lt;name&gt;.parquet</c>, and one DuckDB database <c>analysis.duckdb</c>
    /// holding them all, with the same columns and types everywhere. Returns one entry per table with its row count.
    /// </summary>
    public IReadOnlyList<WrittenTable> WriteTables(string folder, TableFormats formats = TableFormats.Csv)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        if ((formats & TableFormats.All) == 0) throw new ArgumentException("Choose at least one format.", nameof(formats));
        Directory.CreateDirectory(folder);
        string parquetFolder = Path.Combine(folder, "parquet");
        bool parquet = (formats & (TableFormats.Parquet | TableFormats.DuckDb)) != 0;
        if (parquet) Directory.CreateDirectory(parquetFolder);
        var written = new List<WrittenTable>();
        foreach (var (name, _, build) in Tables)
        {
            var table = build();
            // The two files of a table are independent: written side by side (CSV text and Parquet encoding each take a core).
            Parallel.Invoke(
                () => { if ((formats & TableFormats.Csv) != 0) Csv.Write(table, Path.Combine(folder, name + ".csv")); },
                () => { if (parquet) TableStore.WriteParquet(table, Path.Combine(parquetFolder, name + ".parquet")); });
            written.Add(new WrittenTable(name, folder, table.Rows.Count));
        }
        if ((formats & TableFormats.DuckDb) != 0)
            TableStore.WriteDuckDb(written.Select(w => (w.Name, Path.Combine(parquetFolder, w.Name + ".parquet"))), Path.Combine(folder, TableStore.DatabaseFile));
        return written;
    }

    public override string ToString() => $"Analysis of {Corpus}";
}

/// <summary>Whether a table's rows depend on one article at a time or on the articles compared.</summary>
public enum TableScope
{
    /// <summary>Each row comes from one article: the table of a whole corpus is the tables of its parts, concatenated.</summary>
    PerArticle,
    /// <summary>Rows compare articles (reconciliation, clusters, stories): computed over all the articles at once.</summary>
    AcrossArticles,
}

/// <summary>A table of <see cref="CoverageAnalysis.Tables"/>: its file name, scope, and how to build it.</summary>
public sealed record TableSpec(string Name, TableScope Scope, Func<DataFrame> Build);

/// <summary>One table written by <see cref="CoverageAnalysis.WriteTables"/>: its name, the folder it went to, its rows.</summary>
public sealed record WrittenTable(string Name, string Folder, long Rows);

/// <summary>Entry point: <c>corpus.Analyze()</c>.</summary>
public static class AnalysisExtensions
{
    /// <summary>The whole analysis of <paramref name="corpus"/>, computed part by part as it is read.</summary>
    public static CoverageAnalysis Analyze(this Corpus corpus, AnalysisOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return new CoverageAnalysis(corpus, options ?? new AnalysisOptions());
    }
}
