using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>
/// A loaded collection of articles: the entry point of the library.
/// <code>
/// var corpus = Corpus.Load("seeds");
/// corpus.ArticlesTable()        // one row per article
/// corpus.LoadReportTable()      // every input: loaded, loaded_with_warnings or skipped (with the reason)
/// </code>
/// </summary>
public sealed class Corpus
{
    /// <summary>The articles, in a stable order (by relative path, then row).</summary>
    public IReadOnlyList<Article> Articles { get; }
    /// <summary>One row per input: loaded, loaded with warnings, or skipped with the reason.</summary>
    public IReadOnlyList<LoadReportEntry> LoadReport { get; }
    /// <summary>The folder or file the corpus was loaded from (null for in-memory corpora).</summary>
    public string? Source { get; }

    private readonly AnnotatedArticle[] _annotations;
    private readonly Dictionary<string, int> _index;
    private readonly Lazy<EntitySet> _entities;
    private readonly Dictionary<Gazetteer, Corpus> _views = new(ReferenceEqualityComparer.Instance);

    /// <summary>
    /// A corpus of already built articles (ids must be unique). Its entity layer knows the names of
    /// <paramref name="gazetteer"/> (<see cref="Gazetteer.Default"/> when null).
    /// </summary>
    public Corpus(IReadOnlyList<Article> articles, IReadOnlyList<LoadReportEntry>? loadReport = null, string? source = null,
        Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        Articles = articles;
        LoadReport = loadReport ?? articles.Select(a => new LoadReportEntry(a.File, a.Id, LoadStatus.Loaded, null)).ToList();
        Source = source;
        Gazetteer = gazetteer ?? Gazetteer.Default;
        _index = new Dictionary<string, int>(articles.Count, StringComparer.Ordinal);
        _annotations = new AnnotatedArticle[articles.Count];
        for (int i = 0; i < articles.Count; i++)
        {
            if (!_index.TryAdd(articles[i].Id, i))
                throw new ArgumentException($"Two articles have the id '{articles[i].Id}': ids must be unique.", nameof(articles));
            _annotations[i] = new AnnotatedArticle(articles[i], Gazetteer);
        }
        _entities = new(() => EntitySet.Merge(_annotations, ReadsArticlesAlone), LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>
    /// A batch of a stream (<see cref="CorpusStream"/>): each article is read on its own, names are not merged across
    /// articles and no year is borrowed from another article, so a table row never depends on which batch or shard
    /// the article fell in. Cross-article steps run once over every part.
    /// </summary>
    internal static Corpus Batch(IReadOnlyList<Article> articles, IReadOnlyList<LoadReportEntry>? report = null) =>
        new(articles, report) { ReadsArticlesAlone = true };

    /// <summary>True for a stream batch: see <see cref="Batch"/>.</summary>
    internal bool ReadsArticlesAlone { get; private init; }

    /// <summary>The names the entity layer knows; see <see cref="WithGazetteer"/>.</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>
    /// Each article read once (tokens, dates, numbers, entity mentions), in the order of <see cref="Articles"/>.
    /// Every extractor reads these instead of the raw text, and each layer is computed at most once per article.
    /// </summary>
    public IReadOnlyList<AnnotatedArticle> Annotations => _annotations;

    /// <summary>The annotation of <paramref name="article"/>, which must belong to this corpus.</summary>
    public AnnotatedArticle Annotated(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return _index.TryGetValue(article.Id, out int i) && ReferenceEquals(Articles[i], article)
            ? _annotations[i]
            : throw new ArgumentException($"Article '{article.Id}' does not belong to {this}.", nameof(article));
    }

    /// <summary>
    /// The same articles read with another gazetteer (its own annotations and entities); the view is kept, so asking
    /// again for the same gazetteer reads nothing twice.
    /// </summary>
    public Corpus WithGazetteer(Gazetteer gazetteer)
    {
        ArgumentNullException.ThrowIfNull(gazetteer);
        if (ReferenceEquals(gazetteer, Gazetteer)) return this;
        lock (_views)
        {
            if (!_views.TryGetValue(gazetteer, out var view))
                _views[gazetteer] = view = new Corpus(Articles, LoadReport, Source, gazetteer);
            return view;
        }
    }

    /// <summary>The corpus's entities merged across articles, computed once (the front door is <c>corpus.Entities()</c>).</summary>
    internal EntitySet CachedEntities => _entities.Value;

    /// <summary>
    /// Loads a corpus from a folder of article files (.txt/.md, .html, .csv, .jsonl; an optional manifest.csv adds
    /// metadata) or from one such file. Relative paths are taken from the current directory. Throws
    /// <see cref="FileNotFoundException"/> naming the path when it does not exist; problems with single inputs
    /// become <see cref="LoadReport"/> rows instead.
    /// </summary>
    public static Corpus Load(string path, LoadOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        var (articles, report) = CorpusLoader.Load(full, options ?? new LoadOptions());
        return new Corpus(articles, report, full);
    }

    /// <summary>
    /// Loads a corpus as <see cref="Load"/> does, or returns the one this process loaded last when it came from the same
    /// path with equal options and its files are unchanged (same names, sizes and write times; a changed manifest counts).
    /// A kept corpus keeps what was computed on it (annotations, entities, the parts of <see cref="CoverageAnalysis"/>),
    /// so notebooks that each begin with <c>Corpus.LoadCached(path)</c> and run in one process (the runner) read and
    /// annotate the corpus once; where each notebook has its own process (a kernel) it loads as <see cref="Load"/>.
    /// Only the last corpus is kept. Loads with <see cref="LoadOptions.Progress"/> or
    /// <see cref="LoadOptions.FollowDirectoryLinks"/> always read the files.
    /// </summary>
    public static Corpus LoadCached(string path, LoadOptions? options = null)
    {
        var full = Path.GetFullPath(path);
        options ??= new LoadOptions();
        if (options.Progress is not null || options.FollowDirectoryLinks) return Load(full, options);
        var manifest = options.UseManifest && options.ManifestPath is { } m ? Path.GetFullPath(m, full) : null;
        // Taken before loading: a file changed during the load makes the next call load again.
        var fingerprint = InputFingerprint.Of(full, manifest);
        if (fingerprint is null) return Load(full, options);
        Lazy<Corpus> entry;
        lock (LastLoadedLock)
        {
            if (LastLoaded is { } last && last.Path == full && last.Options == options && last.Fingerprint == fingerprint)
                entry = last.Corpus;
            else
            {
                // Callers that come while it loads (notebooks run side by side) wait for this load instead of starting their own.
                entry = new Lazy<Corpus>(() => Load(full, options), LazyThreadSafetyMode.ExecutionAndPublication);
                LastLoaded = (full, options, fingerprint, entry);
            }
        }
        try
        {
            return entry.Value;
        }
        catch
        {
            // A failed load is not kept: the next call tries again.
            lock (LastLoadedLock)
                if (LastLoaded is { } failed && ReferenceEquals(failed.Corpus, entry)) LastLoaded = null;
            throw;
        }
    }

    private static readonly object LastLoadedLock = new();
    private static (string Path, LoadOptions Options, string Fingerprint, Lazy<Corpus> Corpus)? LastLoaded;

    private readonly System.Collections.Concurrent.ConcurrentDictionary<object, Lazy<object>> _kept = new();

    /// <summary>
    /// The result of <paramref name="compute"/> for <paramref name="key"/>, computed once per corpus (concurrent callers
    /// wait for the first). Keys are compared by value: a tuple of a name and the options the result depends on.
    /// </summary>
    internal T Keep<T>(object key, Func<T> compute) where T : class =>
        (T)_kept.GetOrAdd(key, _ => new Lazy<object>(() => compute(), LazyThreadSafetyMode.ExecutionAndPublication)).Value;

    /// <summary>
    /// A corpus of in-memory texts (id, text), cleaned and segmented like loaded files, except that the first line is
    /// never taken as a headline (an in-memory text is a body).
    /// </summary>
    public static Corpus FromTexts(params (string Id, string Text)[] texts) =>
        new(texts.Select(t => ArticleBuilder.Build(t.Id, t.Text)).ToList());

    /// <summary>The article with id <paramref name="id"/>; throws naming the id when there is none.</summary>
    public Article this[string id] => Articles[Position(id)];

    /// <summary>The index of article <paramref name="id"/> in <see cref="Articles"/>; throws naming the id when there is none.</summary>
    internal int Position(string id) => _index.TryGetValue(id, out int i) ? i
        : throw new KeyNotFoundException($"No article with id '{id}' in {this}.");

    /// <summary>articles: one row per article.</summary>
    public DataFrame ArticlesTable() => Articles.ToDataFrame();
    /// <summary>paragraphs: one row per paragraph of every clean body.</summary>
    public DataFrame ParagraphsTable() => Articles.ToParagraphsDataFrame();
    /// <summary>sentences: one row per sentence.</summary>
    public DataFrame SentencesTable() => Articles.ToSentencesDataFrame();
    /// <summary>removed: what cleaning removed or set apart, with kind and reason.</summary>
    public DataFrame RemovedTable() => Articles.ToRemovedDataFrame();
    /// <summary>posts: embedded social-media posts.</summary>
    public DataFrame PostsTable() => Articles.ToPostsDataFrame();
    /// <summary>load_report: every input and what became of it.</summary>
    public DataFrame LoadReportTable() => LoadReport.ToDataFrame();

    public override string ToString() => $"Corpus of {Articles.Count} articles from {Source ?? "memory"}";
}
