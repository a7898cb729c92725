namespace Analysis;

/// <summary>
/// One article read once for every extractor: its tokens, calendar dates, number expressions and entity mentions,
/// each with offsets into <see cref="Article.Text"/> (map them to the raw text with <see cref="Article.Map"/>).
/// Each layer is computed on first use and then shared, so figures, quotes, entities, the timeline and stories
/// never re-scan the text for the same thing. Thread-safe: a layer is computed once even when several threads
/// ask for it at the same time.
/// <code>
/// var a = corpus.Annotations[0];
/// a.Dates      // "22 October 2024", "Tuesday" … as absolute dates
/// a.Mentions   // people, organizations, places and groups named in this article
/// a.Numbers    // "about $800 to $1,000", "two-thirds", "21st" … with value, kind and qualifier
/// </code>
/// </summary>
public sealed class AnnotatedArticle
{
    private readonly Lazy<Token[]> _tokens;
    private readonly Lazy<IReadOnlyList<AbsoluteDate>> _dates;
    private readonly Lazy<List<NumberMatch>> _numbers;
    private readonly Lazy<List<Number>> _publicNumbers;
    private readonly Lazy<IReadOnlyList<EntityMention>> _mentions;
    private IReadOnlyList<EntityRecognizer.LoneName> _loneNames = [];
    private int _layersComputed;

    internal AnnotatedArticle(Article article, Gazetteer gazetteer)
    {
        Article = article ?? throw new ArgumentNullException(nameof(article));
        Gazetteer = gazetteer;
        _tokens = new(() => Computed(TokenizeAll(article.Text)), LazyThreadSafetyMode.ExecutionAndPublication);
        _dates = new(() => Computed(AbsoluteDates.Find(article.Text)), LazyThreadSafetyMode.ExecutionAndPublication);
        _numbers = new(() => Computed(Analysis.Numbers.Read(article.Text, Dates)), LazyThreadSafetyMode.ExecutionAndPublication);
        _publicNumbers = new(() => _numbers.Value.ConvertAll(m => Analysis.Numbers.ToNumber(article.Text, m)), LazyThreadSafetyMode.ExecutionAndPublication);
        _mentions = new(() =>
        {
            var recognizer = RecognizerFor(gazetteer);
            var mentions = recognizer.Recognize(article);
            // The recognizer is reused for the next article: keep a copy (most articles have none).
            _loneNames = recognizer.LoneNames.Count == 0 ? [] : recognizer.LoneNames.ToArray();
            return Computed<IReadOnlyList<EntityMention>>(mentions);
        }, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    /// <summary>The article read.</summary>
    public Article Article { get; }
    /// <summary>Shorthand for <c>Article.Id</c>.</summary>
    public string Id => Article.Id;
    /// <summary>The clean text every offset of this annotation refers to.</summary>
    public string Text => Article.Text;
    /// <summary>The sentences of the clean text (from segmentation at load time).</summary>
    public IReadOnlyList<Sentence> Sentences => Article.Sentences;
    /// <summary>The names the entity layer knows (people, organizations, places, titles).</summary>
    public Gazetteer Gazetteer { get; }

    /// <summary>Every token of the clean text (words, numbers, symbols, punctuation), in order.</summary>
    public IReadOnlyList<Token> Tokens => _tokens.Value;
    /// <summary>Calendar dates written in the text ("22 October 2024", "Oct. 7", "Tuesday"), in order.</summary>
    public IReadOnlyList<AbsoluteDate> Dates => _dates.Value;
    /// <summary>
    /// Entity mentions recognized in this article alone, in text order; canonical names across the corpus come
    /// from <see cref="EntityExtraction.Entities(Corpus, EntityOptions?)"/>, which merges these.
    /// </summary>
    public IReadOnlyList<EntityMention> Mentions => _mentions.Value;
    /// <summary>Single words this article alone could not type, which the corpus-wide merge may resolve to a person named in full elsewhere.</summary>
    internal IReadOnlyList<EntityRecognizer.LoneName> LoneNames
    {
        get
        {
            _ = _mentions.Value;
            return _loneNames;
        }
    }
    /// <summary>
    /// Every numeric expression of the text, in order, as <see cref="Analysis.Numbers.Find(string)"/> reads it (the
    /// days of calendar dates left out): counts, ordinals, fractions, money, percentages, ranges, scores, years.
    /// </summary>
    public IReadOnlyList<Number> Numbers => _publicNumbers.Value;
    /// <summary>The number layer's matches behind <see cref="Numbers"/>, which figures are built on.</summary>
    internal IReadOnlyList<NumberMatch> NumberMatches => _numbers.Value;

    /// <summary>
    /// The calendar day this article mentions most (at least twice, more than any other day), with the year when one
    /// of those mentions writes it: news reports name the day of their event more than any background date. Null
    /// when no day stands out. Read from <see cref="Dates"/>, so it costs no extra pass over the text.
    /// </summary>
    internal (int Month, int Day, int? Year)? MostMentionedDay
    {
        get
        {
            var counts = Dates.Where(d => d.Day is not null).GroupBy(d => (d.Month, Day: d.Day!.Value))
                .Select(g => (g.Key, Count: g.Count(), Year: g.Select(d => d.Year).FirstOrDefault(y => y is not null)))
                .OrderByDescending(g => g.Count).ThenBy(g => g.Key).ToList();
            if (counts.Count == 0 || counts[0].Count < 2 || (counts.Count > 1 && counts[1].Count == counts[0].Count)) return null;
            return (counts[0].Key.Month, counts[0].Key.Day, counts[0].Year);
        }
    }

    /// <summary>How many layers have been computed so far (each at most once): lets tests prove the sharing.</summary>
    internal int LayersComputed => Volatile.Read(ref _layersComputed);

    private T Computed<T>(T layer)
    {
        Interlocked.Increment(ref _layersComputed);
        return layer;
    }

    /// <summary>
    /// One recognizer per thread and gazetteer, reused article after article: its working lists then keep their
    /// capacity instead of growing anew for every article (that growth was a tenth of the text layers' allocation).
    /// </summary>
    [ThreadStatic] private static EntityRecognizer? t_recognizer;

    private static EntityRecognizer RecognizerFor(Gazetteer gazetteer)
    {
        var r = t_recognizer;
        if (r is null || !ReferenceEquals(r.Gazetteer, gazetteer)) t_recognizer = r = new EntityRecognizer(gazetteer);
        return r;
    }

    private static Token[] TokenizeAll(string text)
    {
        var tokens = new List<Token>(text.Length / 5);
        foreach (var t in Tokenizer.Tokenize(text)) tokens.Add(t);
        return tokens.ToArray();
    }

    public override string ToString() => $"annotated {Article}";
}
