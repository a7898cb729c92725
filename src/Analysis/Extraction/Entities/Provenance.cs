using Analysis.Model;

namespace Analysis.Extraction.Entities;

/// <summary>Provenance helpers shared by the text extractors (entities, quotes, timeline).</summary>
internal static class Provenance
{
    /// <summary>The outlet to group an article under: its manifest outlet, else its id (one article, one voice).</summary>
    public static string OutletOf(Article article) => string.IsNullOrWhiteSpace(article.Outlet) ? article.Id : article.Outlet;

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
