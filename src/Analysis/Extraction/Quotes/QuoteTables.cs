using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>DataFrames for quotations (schemas in docs/text.md).</summary>
public static class QuoteTables
{
    /// <summary>quotes: one row per quotation or problem.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Quote> quotes) => TableBuilder.Build(quotes,
    [
        .. Provenance.Source<Quote>(),
        Column<Quote>.Text("quote", q => q.Text),
        Column<Quote>.Text("kind", q => q.Kind.ToString().ToLowerInvariant()),
        Column<Quote>.Text("speaker", q => q.Speaker),
        Column<Quote>.Text("speaker_text", q => q.SpeakerText),
        Column<Quote>.Text("cue", q => q.Cue),
        .. Provenance.Location<Quote>(),
        Column<Quote>.Int("paragraphs", q => q.Paragraphs),
        Column<Quote>.Text("rule", q => q.Rule),
        Column<Quote>.Text("problem", q => q.Problem),
    ]);

    /// <summary>speakers_by_outlet: one row per (outlet, speaker).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SpeakerCount> counts) => TableBuilder.Build(counts,
        Column<SpeakerCount>.Text("outlet", c => c.Outlet),
        Column<SpeakerCount>.Text("speaker", c => c.Speaker),
        Column<SpeakerCount>.Int("quotes", c => c.Quotes),
        Column<SpeakerCount>.Int("articles", c => c.Articles));

    /// <summary>shared_quotations: one row per quotation of a group quoted in several articles.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SharedQuotation> shared) => TableBuilder.Build(shared,
        Column<SharedQuotation>.Int("group", s => s.Group),
        Column<SharedQuotation>.Text("article_id", s => s.ArticleId),
        Column<SharedQuotation>.Text("outlet", s => s.Outlet),
        Column<SharedQuotation>.Text("speaker", s => s.Speaker),
        Column<SharedQuotation>.Text("quote", s => s.Text),
        Column<SharedQuotation>.Text("match", s => s.Match),
        Column<SharedQuotation>.Double("similarity", s => s.Similarity),
        Column<SharedQuotation>.Int("start", s => s.Start),
        Column<SharedQuotation>.Int("end", s => s.End),
        Column<SharedQuotation>.Int("sentence_index", s => s.SentenceIndex));
}
