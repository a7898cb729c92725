using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>
/// Every extraction table's schema, in one place: <c>records.ToDataFrame()</c> for figures, reconciliation, quotes,
/// entities, the timeline and clusters. Provenance columns (<c>article_id, outlet</c> first; <c>start, end,
/// sentence_index, sentence, rule</c> last for text records) are added by <see cref="TableBuilder"/>, so each
/// schema lists only its own columns. Column meanings: README "Tables" and docs/figures.md, docs/text.md,
/// docs/clustering.md.
/// </summary>
public static class RecordTables
{
    /// <summary>figures: one row per figure.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Figure> figures) => TableBuilder.Build(figures,
        Column<Figure>.Double("value", f => f.Value),
        Column<Figure>.Text("unit", f => f.Unit),
        Column<Figure>.Double("low", f => f.Low),
        Column<Figure>.Double("high", f => f.High),
        Column<Figure>.Text("qualifier", f => f.QualifierName),
        Column<Figure>.Text("counted", f => f.Counted),
        Column<Figure>.Text("measure", f => f.Measure),
        Column<Figure>.Text("attribution", f => f.Attribution),
        Column<Figure>.Text("surface", f => f.Surface),
        Column<Figure>.Text("source", f => f.Source),
        Column<Figure>.Int("raw_start", f => f.RawStart),
        Column<Figure>.Int("raw_end", f => f.RawEnd));

    /// <summary>reconciliation: one row per figure of a reconciled measure.</summary>
    public static DataFrame ToDataFrame(this Reconciliation reconciliation)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        return TableBuilder.Build(reconciliation.Rows,
            Column<ReconciledFigure>.Int("story", r => r.Story),
            Column<ReconciledFigure>.Text("measure", r => r.Measure),
            Column<ReconciledFigure>.Text("verdict", r => FigureReconciliation.VerdictName(r.Verdict)),
            Column<ReconciledFigure>.Date("published", r => r.Published),
            Column<ReconciledFigure>.Double("value", r => r.Value),
            Column<ReconciledFigure>.Text("unit", r => r.Unit),
            Column<ReconciledFigure>.Text("qualifier", r => Qualifiers.Name(r.Qualifier)),
            Column<ReconciledFigure>.Double("low", r => r.Low),
            Column<ReconciledFigure>.Double("high", r => r.High),
            Column<ReconciledFigure>.Text("counted", r => r.Counted),
            Column<ReconciledFigure>.Text("attribution", r => r.Attribution),
            Column<ReconciledFigure>.Bool("other_occurrence", r => r.OtherOccurrence),
            Column<ReconciledFigure>.Int("sentence_index", r => r.SentenceIndex),
            Column<ReconciledFigure>.Text("sentence", r => r.Sentence),
            Column<ReconciledFigure>.Int("start", r => r.Start),
            Column<ReconciledFigure>.Int("end", r => r.End),
            Column<ReconciledFigure>.Text("surface", r => r.Surface));
    }

    /// <summary>measure_verdicts: one row per measure.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<MeasureVerdict> verdicts) => TableBuilder.Build(verdicts,
        Column<MeasureVerdict>.Text("measure", m => m.Measure),
        Column<MeasureVerdict>.Text("verdict", m => FigureReconciliation.VerdictName(m.Verdict)),
        Column<MeasureVerdict>.Int("articles", m => m.Articles),
        Column<MeasureVerdict>.Int("figures", m => m.Figures),
        Column<MeasureVerdict>.Text("reason", m => m.Reason));

    /// <summary>quotes: one row per quotation or problem.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Quote> quotes) => TableBuilder.Build(quotes,
        Column<Quote>.Text("quote", q => q.Text),
        Column<Quote>.Text("kind", q => q.Kind.ToString().ToLowerInvariant()),
        Column<Quote>.Text("speaker", q => q.Speaker),
        Column<Quote>.Text("speaker_text", q => q.SpeakerText),
        Column<Quote>.Text("cue", q => q.Cue),
        Column<Quote>.Double("confidence", q => q.Confidence),
        Column<Quote>.Int("paragraphs", q => q.Paragraphs),
        Column<Quote>.Text("problem", q => q.Problem));

    /// <summary>speakers_by_outlet: one row per (outlet, speaker).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SpeakerCount> counts) => TableBuilder.Build(counts,
        Column<SpeakerCount>.Text("outlet", c => c.Outlet),
        Column<SpeakerCount>.Text("speaker", c => c.Speaker),
        Column<SpeakerCount>.Int("quotes", c => c.Quotes),
        Column<SpeakerCount>.Int("articles", c => c.Articles));

    /// <summary>shared_quotations: one row per quotation of a group quoted in several articles.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<SharedQuotation> shared) => TableBuilder.Build(shared,
        Column<SharedQuotation>.Int("group", s => s.Group),
        Column<SharedQuotation>.Text("speaker", s => s.Speaker),
        Column<SharedQuotation>.Text("quote", s => s.Text),
        Column<SharedQuotation>.Text("match", s => s.Match),
        Column<SharedQuotation>.Double("similarity", s => s.Similarity),
        Column<SharedQuotation>.Int("start", s => s.Start),
        Column<SharedQuotation>.Int("end", s => s.End),
        Column<SharedQuotation>.Int("sentence_index", s => s.SentenceIndex));

    private static string KindName(EntityKind k) => k switch
    {
        EntityKind.Person => "person", EntityKind.Organization => "organization", EntityKind.Place => "place", _ => "group",
    };

    /// <summary>entity_mentions: one row per mention.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<EntityMention> mentions) => TableBuilder.Build(mentions,
        Column<EntityMention>.Text("text", m => m.Text),
        Column<EntityMention>.Text("kind", m => KindName(m.Kind)),
        Column<EntityMention>.Text("canonical", m => m.Canonical),
        Column<EntityMention>.Text("title", m => m.Title),
        Column<EntityMention>.Text("place", m => m.Place));

    /// <summary>entities: one row per (article, canonical entity) with its mention count and first mention.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<EntityCount> counts) => TableBuilder.Build(counts,
        Column<EntityCount>.Text("canonical", c => c.Canonical),
        Column<EntityCount>.Text("kind", c => KindName(c.Kind)),
        Column<EntityCount>.Int("mentions", c => c.Mentions),
        Column<EntityCount>.Text("variants", c => c.Variants),
        Column<EntityCount>.Text("role", c => c.Role));

    /// <summary>canonical_entities: one row per entity across the corpus.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Entity> entities) => TableBuilder.Build(entities,
        Column<Entity>.Text("canonical", e => e.Canonical),
        Column<Entity>.Text("kind", e => KindName(e.Kind)),
        Column<Entity>.Int("mentions", e => e.Mentions),
        Column<Entity>.Int("articles", e => e.Articles),
        Column<Entity>.Int("outlets", e => e.Outlets),
        Column<Entity>.Text("variants", e => e.Variants));

    /// <summary>timeline: one row per dated expression.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<TimelineEntry> entries) => TableBuilder.Build(entries,
        Column<TimelineEntry>.Text("expression", e => e.Expression),
        Column<TimelineEntry>.Date("date", e => e.Date),
        Column<TimelineEntry>.Text("weekday", e => e.Weekday?.ToString()),
        Column<TimelineEntry>.Text("precision", e => e.Precision),
        Column<TimelineEntry>.Text("basis", e => e.Basis),
        Column<TimelineEntry>.Date("reference", e => e.Reference),
        Column<TimelineEntry>.Text("reference_basis", e => e.ReferenceBasis),
        Column<TimelineEntry>.Text("event_key", e => e.EventKey));

    /// <summary>timeline_inconsistencies: one row per entry that disagrees.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<TimelineInconsistency> rows) => TableBuilder.Build(rows,
        Column<TimelineInconsistency>.Text("event_key", r => r.EventKey),
        Column<TimelineInconsistency>.Text("expression", r => r.Expression),
        Column<TimelineInconsistency>.Date("date", r => r.Date),
        Column<TimelineInconsistency>.Text("reason", r => r.Reason),
        Column<TimelineInconsistency>.Text("dates", r => r.Dates));

    /// <summary>clusters: article_id, cluster, cluster_terms, x, y.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterAssignment> rows) => TableBuilder.Build(rows,
        Column<ClusterAssignment>.Int("cluster", r => r.Cluster),
        Column<ClusterAssignment>.Text("cluster_terms", r => r.ClusterTerms),
        Column<ClusterAssignment>.Double("x", r => r.X),
        Column<ClusterAssignment>.Double("y", r => r.Y));

    /// <summary>cluster_terms: cluster, rank, term, score, articles.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterTerm> rows) => TableBuilder.Build(rows,
        Column<ClusterTerm>.Int("cluster", r => r.Cluster),
        Column<ClusterTerm>.Int("rank", r => r.Rank),
        Column<ClusterTerm>.Text("term", r => r.Term),
        Column<ClusterTerm>.Double("score", r => r.Score),
        Column<ClusterTerm>.Int("articles", r => r.Articles));

    /// <summary>cluster_summary: cluster, size, top_terms, shared_entities, shared_figures, shared_dates, article_ids ("; "-joined lists).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ClusterSummary> rows) => TableBuilder.Build(rows,
        Column<ClusterSummary>.Int("cluster", r => r.Cluster),
        Column<ClusterSummary>.Int("size", r => r.Size),
        Column<ClusterSummary>.Text("top_terms", r => string.Join("; ", r.TopTerms)),
        Column<ClusterSummary>.Text("shared_entities", r => string.Join("; ", r.SharedEntities)),
        Column<ClusterSummary>.Text("shared_figures", r => string.Join("; ", r.SharedFigures)),
        Column<ClusterSummary>.Text("shared_dates", r => string.Join("; ", r.SharedDates)),
        Column<ClusterSummary>.Text("article_ids", r => string.Join("; ", r.ArticleIds)));

    /// <summary>neighbours: article_id, neighbour_id, similarity, same_cluster.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Neighbour> rows) => TableBuilder.Build(rows,
        Column<Neighbour>.Text("article_id", r => r.ArticleId),
        Column<Neighbour>.Text("neighbour_id", r => r.NeighbourId),
        Column<Neighbour>.Double("similarity", r => r.Similarity),
        Column<Neighbour>.Bool("same_cluster", r => r.SameCluster));

    /// <summary>k_scores: k, silhouette, chosen.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<KScore> rows) => TableBuilder.Build(rows,
        Column<KScore>.Int("k", r => r.K),
        Column<KScore>.Double("silhouette", r => Math.Round(r.Silhouette, 6)),
        Column<KScore>.Bool("chosen", r => r.Chosen));

    /// <summary>near_duplicate_paragraphs: group, article_id, paragraph, sentence, start, end, similarity, articles, text, rule.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<NearDuplicateParagraph> rows) => TableBuilder.Build(rows,
        Column<NearDuplicateParagraph>.Int("group", r => r.Group),
        Column<NearDuplicateParagraph>.Int("paragraph", r => r.Paragraph),
        Column<NearDuplicateParagraph>.Int("sentence", r => r.Sentence),
        Column<NearDuplicateParagraph>.Int("start", r => r.Start),
        Column<NearDuplicateParagraph>.Int("end", r => r.End),
        Column<NearDuplicateParagraph>.Double("similarity", r => r.Similarity),
        Column<NearDuplicateParagraph>.Int("articles", r => r.Articles),
        Column<NearDuplicateParagraph>.Text("text", r => r.Text),
        Column<NearDuplicateParagraph>.Text("rule", r => r.Rule));

    /// <summary>paragraph_themes: article_id, paragraph, sentence, start, end, theme, label, text.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ParagraphTheme> rows) => TableBuilder.Build(rows,
        Column<ParagraphTheme>.Int("paragraph", r => r.Paragraph),
        Column<ParagraphTheme>.Int("sentence", r => r.Sentence),
        Column<ParagraphTheme>.Int("start", r => r.Start),
        Column<ParagraphTheme>.Int("end", r => r.End),
        Column<ParagraphTheme>.Int("theme", r => r.Theme),
        Column<ParagraphTheme>.Text("label", r => r.Label),
        Column<ParagraphTheme>.Text("text", r => r.Text));

    /// <summary>theme_shares: article_id, theme, label, share, paragraphs.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ThemeShare> rows) => TableBuilder.Build(rows,
        Column<ThemeShare>.Int("theme", r => r.Theme),
        Column<ThemeShare>.Text("label", r => r.Label),
        Column<ThemeShare>.Double("share", r => r.Share),
        Column<ThemeShare>.Int("paragraphs", r => r.Paragraphs));

    /// <summary>themes: theme, label, paragraphs, articles, top_terms.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<ThemeSummary> rows) => TableBuilder.Build(rows,
        Column<ThemeSummary>.Int("theme", r => r.Theme),
        Column<ThemeSummary>.Text("label", r => r.Label),
        Column<ThemeSummary>.Int("paragraphs", r => r.Paragraphs),
        Column<ThemeSummary>.Int("articles", r => r.Articles),
        Column<ThemeSummary>.Text("top_terms", r => string.Join("; ", r.TopTerms)));

    /// <summary>
    /// stories: one row per article (article_id, story, story_label, outlet, published, headline, story_size,
    /// story_first, story_last, story_headline, story_reason); excluded articles have no story and their reason.
    /// </summary>
    public static DataFrame ToDataFrame(this StorySet stories)
    {
        var rows = stories.SelectMany(s => s.Articles.Select(a => new StoryRow(a.Id, s, a, s.Reason)))
            .Concat(stories.Excluded.Select(e => new StoryRow(e.ArticleId, null, null, e.Reason)));
        return TableBuilder.Build(rows,
            Column<StoryRow>.Text("article_id", r => r.ArticleId),
            Column<StoryRow>.Int("story", r => r.Story?.Id),
            Column<StoryRow>.Text("story_label", r => r.Story?.Label),
            Column<StoryRow>.Text("outlet", r => r.Article?.Outlet),
            Column<StoryRow>.Date("published", r => r.Article?.Published),
            Column<StoryRow>.Text("headline", r => r.Article?.Headline),
            Column<StoryRow>.Int("story_size", r => r.Story?.Size),
            Column<StoryRow>.Date("story_first", r => r.Story?.First),
            Column<StoryRow>.Date("story_last", r => r.Story?.Last),
            Column<StoryRow>.Text("story_headline", r => r.Story?.Headline),
            Column<StoryRow>.Text("story_reason", r => r.Reason));
    }

    private sealed record StoryRow(string ArticleId, Story? Story, Article? Article, string Reason);

    /// <summary>
    /// story_summary: one row per story (story, label, headline, articles, outlets, first, last, names, terms,
    /// cohesion, reason).
    /// </summary>
    public static DataFrame SummaryTable(this StorySet stories) => TableBuilder.Build(stories,
        Column<Story>.Int("story", s => s.Id),
        Column<Story>.Text("label", s => s.Label),
        Column<Story>.Text("headline", s => s.Headline),
        Column<Story>.Int("articles", s => s.Size),
        Column<Story>.Text("outlets", s => string.Join("; ", s.Outlets)),
        Column<Story>.Date("first", s => s.First),
        Column<Story>.Date("last", s => s.Last),
        Column<Story>.Text("names", s => string.Join("; ", s.Names)),
        Column<Story>.Text("terms", s => string.Join("; ", s.Terms)),
        Column<Story>.Double("cohesion", s => Math.Round(s.Cohesion, 3)),
        Column<Story>.Text("reason", s => s.Reason));

    /// <summary>
    /// story_comparisons: one row per story (story, label, articles, outlets, first, last, measures, conflicts,
    /// shared_quotations, speakers, timeline_disagreements): where to look first.
    /// </summary>
    public static DataFrame ToDataFrame(this IEnumerable<StoryComparison> comparisons) => TableBuilder.Build(comparisons,
        Column<StoryComparison>.Int("story", c => c.Story.Id),
        Column<StoryComparison>.Text("label", c => c.Story.Label),
        Column<StoryComparison>.Int("articles", c => c.Story.Size),
        Column<StoryComparison>.Text("outlets", c => string.Join("; ", c.Story.Outlets)),
        Column<StoryComparison>.Date("first", c => c.Story.First),
        Column<StoryComparison>.Date("last", c => c.Story.Last),
        Column<StoryComparison>.Int("measures", c => c.Measures.Count),
        Column<StoryComparison>.Int("conflicts", c => c.Conflicts.Count),
        Column<StoryComparison>.Int("shared_quotations", c => c.SharedQuotations.Select(q => q.Group).Distinct().Count()),
        Column<StoryComparison>.Int("speakers", c => c.Speakers.Select(s => s.Speaker).Distinct().Count()),
        Column<StoryComparison>.Int("timeline_disagreements", c => c.TimelineInconsistencies.Count));
}
