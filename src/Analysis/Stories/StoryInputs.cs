namespace Analysis;

/// <summary>
/// What story grouping reads of each article, taken one article at a time so the article can be let go: its term
/// counts (appended to one growing sparse table), its publication date, the day it mentions most, its headline and
/// the article a story lists (the merge passes a copy without text). Memory is then the sparse term counts, not the
/// articles' text; <see cref="StoryGraph.Build"/> turns the counts into TF-IDF vectors in place.
/// </summary>
internal sealed class StoryInputs(StoryOptions options)
{
    private readonly Dictionary<string, int> _ids = new(StringComparer.Ordinal);
    // This article's count per term id (zero again after each article) and the ids it counted: a dictionary here,
    // cleared per article over its whole capacity and sorted through LINQ, was a fifth of story grouping's time.
    private int[] _termCounts = new int[1024];
    private readonly List<int> _articleTerms = [];
    private int[] _columns = new int[1024];
    private float[] _counts = new float[1024];

    public StoryOptions Options { get; } = options;
    /// <summary>The articles in the order added: what each story lists.</summary>
    public List<Article> Articles { get; } = [];
    /// <summary>Per article, the headline a story shows when the article is its most typical one.</summary>
    public List<string> Headlines { get; } = [];
    /// <summary>Per article, the publication date it is compared by (null: text alone).</summary>
    public List<DateOnly?> Dates { get; } = [];
    /// <summary>Per article, the day of the year it mentions most (see <see cref="AnnotatedArticle.MostMentionedDay"/>), or null.</summary>
    public List<int?> MentionedDays { get; } = [];
    /// <summary>Per article, what an embedding model reads; kept only when <see cref="StoryOptions.Embed"/> is set.</summary>
    public List<string>? EmbeddingTexts { get; } = options.Embed is null ? null : [];
    /// <summary>The terms, in order of first appearance, and their kinds.</summary>
    public List<string> Terms { get; } = [];
    public List<StoryTermKind> Kinds { get; } = [];
    /// <summary>Row starts of the sparse term counts (one row per article, columns ascending).</summary>
    public List<int> RowStart { get; } = [0];

    public int Count => Articles.Count;
    public int NonZeros => RowStart[^1];

    /// <summary>Reads one article; <paramref name="listed"/> is what its story lists (by default the article itself).</summary>
    public void Add(AnnotatedArticle annotated, Article? listed = null)
    {
        var article = annotated.Article;
        StoryTerms.Read(annotated, Options.HeadlineRepeat, (term, kind, _) =>
        {
            var key = kind switch { StoryTermKind.Name => "n:", StoryTermKind.Day => "d:", _ => "" } + term;
            if (!_ids.TryGetValue(key, out int id))
            {
                _ids[key] = id = Terms.Count;
                Terms.Add(term);
                Kinds.Add(kind);
            }
            if (id >= _termCounts.Length) Array.Resize(ref _termCounts, Math.Max(id + 1, _termCounts.Length * 2));
            if (_termCounts[id]++ == 0) _articleTerms.Add(id);
        });
        _articleTerms.Sort();
        int at = NonZeros, end = at + _articleTerms.Count;
        if (end > _columns.Length)
        {
            int size = Math.Max(end, _columns.Length * 2);
            Array.Resize(ref _columns, size);
            Array.Resize(ref _counts, size);
        }
        foreach (int t in _articleTerms)
        {
            _columns[at] = t;
            _counts[at++] = _termCounts[t];
            _termCounts[t] = 0;
        }
        _articleTerms.Clear();
        RowStart.Add(end);
        Articles.Add(listed ?? article);
        Headlines.Add(HeadlineOf(article));
        Dates.Add(Options.UseDates && article.Published is { } p && TimelineReader.CanReferTo(p) ? p : null);
        MentionedDays.Add(annotated.MostMentionedDay is { } m ? StoryGraph.DayOfYear(m.Month, m.Day) : null);
        EmbeddingTexts?.Add(StoryGraph.EmbeddingText(article));
    }

    /// <summary>The term columns and counts of every row, trimmed to their length (the counts array is then reused for the weights).</summary>
    public (int[] Columns, float[] Counts) TakeCounts()
    {
        Array.Resize(ref _columns, NonZeros);
        Array.Resize(ref _counts, NonZeros);
        var taken = (_columns, _counts);
        (_columns, _counts) = ([], []);
        _ids.Clear();
        _termCounts = [];
        return taken;
    }

    private static string HeadlineOf(Article a) =>
        !string.IsNullOrWhiteSpace(a.Headline) ? a.Headline! : a.Sentences.Count > 0 ? a.Sentences[0].Text : a.Text[..Math.Min(120, a.Text.Length)];
}
