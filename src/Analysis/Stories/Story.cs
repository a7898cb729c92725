using System.Collections;

namespace Analysis;

/// <summary>
/// Articles that cover the same story: found by <c>corpus.Stories()</c>, with what they share and why they were put
/// together. A story of one article is a valid answer (nothing else in the corpus covers it).
/// </summary>
/// <param name="Id">1-based; stories are numbered largest first, then by first date.</param>
/// <param name="Label">Readable label: the shared names, then the shared terms.</param>
/// <param name="Headline">The headline (or first sentence) of the article most similar to the others.</param>
/// <param name="Articles">The articles, earliest first (undated last).</param>
/// <param name="Outlets">Distinct outlets (the article id where an outlet is unknown), in article order.</param>
/// <param name="First">Earliest publication date among the articles, or null when none is dated.</param>
/// <param name="Last">Latest publication date, or null.</param>
/// <param name="Names">Names found in at least half of the articles (at least two), most distinctive first.</param>
/// <param name="Terms">Words, numbers and days found in at least half of the articles (at least two), most distinctive first.</param>
/// <param name="Cohesion">Mean similarity over the article pairs (1 for a single article).</param>
/// <param name="Reason">Why these articles were put together, or why an article stands alone.</param>
public sealed record Story(int Id, string Label, string Headline, IReadOnlyList<Article> Articles, IReadOnlyList<string> Outlets,
    DateOnly? First, DateOnly? Last, IReadOnlyList<string> Names, IReadOnlyList<string> Terms, double Cohesion, string Reason)
{
    /// <summary>Number of articles.</summary>
    public int Size => Articles.Count;

    /// <summary>The article ids, in <see cref="Articles"/> order.</summary>
    public IReadOnlyList<string> ArticleIds => Articles.Select(a => a.Id).ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"story {Id}: {Label} ({Size} article{(Size == 1 ? "" : "s")}, {Outlets.Count} outlet{(Outlets.Count == 1 ? "" : "s")}{Span()})";

    private string Span() => First is null ? "" : First == Last ? $", {First:yyyy-MM-dd}" : $", {First:yyyy-MM-dd} to {Last:yyyy-MM-dd}";
}

/// <summary>An article left out of story grouping, with the reason (it has no words to compare).</summary>
public sealed record ExcludedArticle(string ArticleId, string Reason);

/// <summary>
/// The stories of a corpus, largest first, plus the articles that could not be grouped.
/// <code>var stories = corpus.Stories(); stories.ToDataFrame(); stories.Of("a1b2c3"); stories[0].Articles.Figures()</code>
/// </summary>
public sealed class StorySet : IReadOnlyList<Story>
{
    private readonly IReadOnlyList<Story> _stories;
    private readonly Dictionary<string, Story> _byArticle;

    internal StorySet(IReadOnlyList<Story> stories, IReadOnlyList<ExcludedArticle> excluded, StoryOptions options, long comparisons)
    {
        _stories = stories;
        Excluded = excluded;
        Options = options;
        Comparisons = comparisons;
        _byArticle = stories.SelectMany(s => s.Articles.Select(a => (a.Id, s))).ToDictionary(p => p.Id, p => p.s, StringComparer.Ordinal);
    }

    /// <summary>Articles left out (no usable words), each with its reason.</summary>
    public IReadOnlyList<ExcludedArticle> Excluded { get; }
    /// <summary>The options the stories were found with.</summary>
    public StoryOptions Options { get; }
    /// <summary>Number of article pairs whose similarity was computed (what blocking by time and rare terms left).</summary>
    public long Comparisons { get; }

    /// <inheritdoc/>
    public Story this[int index] => _stories[index];
    /// <inheritdoc/>
    public int Count => _stories.Count;
    /// <inheritdoc/>
    public IEnumerator<Story> GetEnumerator() => _stories.GetEnumerator();
    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    /// <summary>The story of article <paramref name="articleId"/>, or null when it was excluded or is unknown.</summary>
    public Story? Of(string articleId) => _byArticle.GetValueOrDefault(articleId);

    /// <summary>Stories with at least <paramref name="minArticles"/> articles (default 2: the ones with something to compare).</summary>
    public IReadOnlyList<Story> Shared(int minArticles = 2) => _stories.Where(s => s.Size >= minArticles).ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"{Count} stories ({_stories.Count(s => s.Size > 1)} with more than one article, largest {(_stories.Count > 0 ? _stories[0].Size : 0)})" +
        (Excluded.Count > 0 ? $", {Excluded.Count} articles excluded" : "");
}
