
namespace Analysis;

/// <summary>What every text-extraction record carries: where it comes from, to the character and sentence.</summary>
internal interface ITextRecord
{
    string ArticleId { get; }
    string Outlet { get; }
    int Start { get; }
    int End { get; }
    int SentenceIndex { get; }
    string Sentence { get; }
}

/// <summary>Provenance helpers shared by the text extractors (entities, quotes, timeline).</summary>
internal static class Provenance
{
    /// <summary>The leading columns of every text table: article_id, outlet.</summary>
    public static Column<T>[] Source<T>() where T : ITextRecord =>
        [Column<T>.Text("article_id", r => r.ArticleId), Column<T>.Text("outlet", r => r.Outlet)];

    /// <summary>The location columns of every text table: start, end, sentence_index, sentence.</summary>
    public static Column<T>[] Location<T>() where T : ITextRecord =>
    [
        Column<T>.Int("start", r => r.Start), Column<T>.Int("end", r => r.End),
        Column<T>.Int("sentence_index", r => r.SentenceIndex), Column<T>.Text("sentence", r => r.Sentence),
    ];

    /// <summary>The sentence containing <paramref name="offset"/>, or the nearest one before it (offsets between sentences).</summary>
    public static Sentence? SentenceNear(Article article, int offset)
    {
        if (article.SentenceAt(offset) is { } s) return s;
        Sentence? best = null;
        foreach (var t in article.Sentences)
        {
            if (t.Start > offset) break;
            best = t;
        }
        return best ?? (article.Sentences.Count > 0 ? article.Sentences[0] : null);
    }
}
