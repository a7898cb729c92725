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
/// analysis.WriteTables("artifacts/tables");     // articles.csv, figures.csv, quotes.csv, …
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
        _figures = new(() => corpus.Figures(options.Figures));
        // Figures are compared within a story only: another story's hostage count is no contradiction.
        _reconciliation = new(() => Figures.Reconcile(corpus, new ReconcileOptions
        {
            SameDateDays = options.Reconcile?.SameDateDays ?? new ReconcileOptions().SameDateDays,
            OccurrenceDays = options.Reconcile?.OccurrenceDays ?? new ReconcileOptions().OccurrenceDays,
            SameStory = options.Reconcile?.SameStory ?? StoryGroups,
        }));
        _quotes = new(() => corpus.Quotes());
        // Yearless dates take their year from the article's own story, never from an unrelated article.
        _timeline = new(() => corpus.Timeline(new TimelineOptions { SameStory = StoryGroups }));
        _clusters = new(() => corpus.Cluster(options.ClusterK, options.Clustering));
        _stories = new(() => corpus.Stories(options.Stories));
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
        Stories.Where(s => s.Size >= minArticles).Select(Compare).ToList();

    /// <summary>The comparison of one story: figures, quotations and dates of its articles only.</summary>
    public StoryComparison Compare(Story story) => StoryComparison.Of(story, Reconciliation, Quotes, Timeline);

    /// <summary>The stories' article ids, story 1 first: the groups per-story comparisons run within.</summary>
    public IReadOnlyList<IReadOnlyList<string>> StoryGroups => Stories.Select(s => s.ArticleIds).ToList();
    /// <summary>Topic clusters (k from <see cref="AnalysisOptions.ClusterK"/>).</summary>
    public ArticleClusters Clusters => _clusters.Value;

    /// <summary>
    /// The tables of the analysis, by file name (without extension), in the order they are written. Each is built
    /// when its entry is read. Names and columns: README, "Tables".
    /// </summary>
    public IReadOnlyList<KeyValuePair<string, Func<DataFrame>>> Tables =>
    [
        new("articles", Corpus.ArticlesTable),
        new("stories", () => Stories.ToDataFrame()),
        new("removed", Corpus.RemovedTable),
        new("load_report", Corpus.LoadReportTable),
        new("figures", () => Figures.ToDataFrame()),
        new("reconciliation", () => Reconciliation.ToDataFrame()),
        new("quotes", () => Quotes.ToDataFrame()),
        new("entities", () => Entities.ToDataFrame()),
        new("timeline", () => Timeline.Entries.ToDataFrame()),
        new("clusters", () => Clusters.ToDataFrame()),
    ];

    /// <summary>
    /// Writes every table as <c>&lt;name&gt;.csv</c> under <paramref name="folder"/> (created when missing) and
    /// returns what was written, one entry per table with its row count.
    /// </summary>
    public IReadOnlyList<WrittenTable> WriteTables(string folder)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(folder);
        Directory.CreateDirectory(folder);
        var written = new List<WrittenTable>();
        foreach (var (name, build) in Tables)
        {
            var table = build();
            var path = Path.Combine(folder, name + ".csv");
            Csv.Write(table, path);
            written.Add(new WrittenTable(name, path, table.Rows.Count));
        }
        return written;
    }

    public override string ToString() => $"Analysis of {Corpus}";
}

/// <summary>One table written by <see cref="CoverageAnalysis.WriteTables"/>.</summary>
public sealed record WrittenTable(string Name, string Path, long Rows);

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
