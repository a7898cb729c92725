
namespace Analysis;

/// <summary>
/// A record about one article: every table of the package carries these two columns (<c>article_id</c>,
/// <c>outlet</c>), so any table joins any other on them.
/// </summary>
public interface IArticleRecord
{
    /// <summary>The article's id (<c>Article.Id</c>).</summary>
    string ArticleId { get; }
    /// <summary>The article's outlet, or its id when none is known (<c>Article.OutletOrId</c>).</summary>
    string Outlet { get; }
}

/// <summary>
/// A record read from an article's clean text: where it comes from, to the character and sentence, and the rule
/// that produced it. Offsets refer to <c>Article.Text</c>; <c>Article.Map</c> takes them to the raw text.
/// </summary>
public interface ITextRecord : IArticleRecord
{
    /// <summary>Offset of the first character in <c>Article.Text</c>.</summary>
    int Start { get; }
    /// <summary>Offset after the last character.</summary>
    int End { get; }
    /// <summary>Index of the sentence in <c>Article.Sentences</c> (-1 when outside every sentence).</summary>
    int SentenceIndex { get; }
    /// <summary>The sentence's text.</summary>
    string Sentence { get; }
    /// <summary>The name of the rule that produced the record.</summary>
    string Rule { get; }
}

/// <summary>Provenance helpers shared by the text extractors (entities, quotes, timeline).</summary>
internal static class Provenance
{
    /// <summary>The sentence containing <paramref name="offset"/>, or the nearest one before it (offsets between sentences).</summary>
    public static Sentence? SentenceNear(Article article, int offset)
    {
        if (article.SentenceAt(offset) is { } s) return s;
        // Binary search for the last sentence starting at or before the offset (one per quote: keep it logarithmic).
        var all = article.Sentences;
        int lo = 0, hi = all.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (all[mid].Start <= offset) lo = mid + 1; else hi = mid;
        }
        return lo > 0 ? all[lo - 1] : all.Count > 0 ? all[0] : null;
    }
}
