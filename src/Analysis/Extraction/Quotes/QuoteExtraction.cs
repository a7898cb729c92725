
namespace Analysis;

/// <summary>Options for <see cref="QuoteExtraction.Quotes(Corpus, QuoteOptions?)"/>.</summary>
public sealed record QuoteOptions
{
    /// <summary>The names speakers are recognized against; null uses the corpus's own (<see cref="Corpus.Gazetteer"/>).</summary>
    public Gazetteer? Gazetteer { get; init; }
}

/// <summary>Entry points: <c>corpus.Quotes()</c> and the cross-outlet views of a list of quotations.</summary>
public static class QuoteExtraction
{
    /// <summary>
    /// Every quotation of the corpus with its speaker, plus problem rows for unbalanced marks. Speakers take their
    /// canonical names from the corpus's entities (computed once and shared with <c>corpus.Entities()</c>).
    /// </summary>
    public static IReadOnlyList<Quote> Quotes(this Corpus corpus, QuoteOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var view = corpus.For(options?.Gazetteer);
        var entities = view.CachedEntities;
        var extractor = new QuoteExtractor(view.Gazetteer);
        var result = new List<Quote>();
        foreach (var a in view.Articles) result.AddRange(extractor.Extract(a, entities.In(a.Id)));
        return result;
    }

    /// <summary>Which speakers each outlet quotes, and how often (full quotations with a known speaker).</summary>
    public static IReadOnlyList<SpeakerCount> SpeakersByOutlet(this IEnumerable<Quote> quotes) =>
        quotes.Where(q => q.Kind == QuoteKind.Full && q.Speaker is not null)
            .GroupBy(q => (q.Outlet, Speaker: q.Speaker!))
            .Select(g => new SpeakerCount(g.Key.Outlet, g.Key.Speaker, g.Count(), g.Select(q => q.ArticleId).Distinct().Count()))
            .OrderBy(s => s.Outlet, StringComparer.Ordinal).ThenByDescending(s => s.Quotes).ThenBy(s => s.Speaker, StringComparer.Ordinal)
            .ToList();

    /// <summary>
    /// The same quotation in several articles, aligned: quotations (full or scare-quoted phrases of at least
    /// <paramref name="minWords"/> words) whose words are identical, or overlap by at least
    /// <paramref name="minSimilarity"/> (shared words over the shorter quotation's words).
    /// </summary>
    public static IReadOnlyList<SharedQuotation> SharedQuotations(this IEnumerable<Quote> quotes, double minSimilarity = 0.8, int minWords = 4) =>
        QuoteAlignment.Align(quotes.Where(q => q.Kind != QuoteKind.Problem).ToList(), minSimilarity, minWords);
}
