
namespace Analysis;

/// <summary>Entry points: <c>corpus.Quotes()</c> and the cross-outlet views of a list of quotations.</summary>
public static class QuoteExtraction
{
    /// <summary>
    /// Every quotation of the corpus with its speaker, plus problem rows for unbalanced marks. Pass the corpus's
    /// <paramref name="entities"/> when already computed (speakers get their canonical names from them).
    /// </summary>
    public static IReadOnlyList<Quote> Quotes(this Corpus corpus, EntitySet? entities = null, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        return corpus.Articles.Quotes(entities, gazetteer);
    }

    /// <inheritdoc cref="Quotes(Corpus, EntitySet?, Gazetteer?)"/>
    public static IReadOnlyList<Quote> Quotes(this IReadOnlyList<Article> articles, EntitySet? entities = null, Gazetteer? gazetteer = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        gazetteer ??= Gazetteer.Default;
        entities ??= articles.Entities(gazetteer);
        var extractor = new QuoteExtractor(gazetteer);
        var result = new List<Quote>();
        foreach (var a in articles) result.AddRange(extractor.Extract(a, entities.In(a.Id)));
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
