namespace Analysis;

/// <summary>
/// What the outlets covering one story report, compared within that story only: figure verdicts, quotations more
/// than one article carries, who each outlet quotes, and events the outlets date differently.
/// <code>var analysis = corpus.Analyze(); foreach (var c in analysis.StoryComparisons) c.Measures.ToDataFrame()</code>
/// </summary>
/// <param name="Story">The story compared.</param>
/// <param name="Measures">One verdict per measure reported in the story.</param>
/// <param name="Figures">The reconciled figures of the story.</param>
/// <param name="SharedQuotations">Quotations carried by several of the story's articles, aligned.</param>
/// <param name="Speakers">Who each outlet quotes in this story.</param>
/// <param name="TimelineInconsistencies">Events the story's outlets date differently.</param>
public sealed record StoryComparison(Story Story, IReadOnlyList<MeasureVerdict> Measures, IReadOnlyList<ReconciledFigure> Figures,
    IReadOnlyList<SharedQuotation> SharedQuotations, IReadOnlyList<SpeakerCount> Speakers, IReadOnlyList<TimelineInconsistency> TimelineInconsistencies)
{
    /// <summary>Measures the outlets disagree on (conflict) within the story.</summary>
    public IReadOnlyList<MeasureVerdict> Conflicts => Measures.Where(m => m.Verdict == Verdict.Conflict).ToList();

    /// <inheritdoc/>
    public override string ToString() =>
        $"story {Story.Id} ({Story.Label}): {Measures.Count} measures ({Conflicts.Count} in conflict), {SharedQuotations.Select(q => q.Group).Distinct().Count()} shared quotations, " +
        $"{TimelineInconsistencies.Count} timeline disagreements";

    /// <summary>
    /// The comparisons of <paramref name="stories"/> from corpus-wide results: <paramref name="reconciliation"/> must have
    /// been computed with the stories as <see cref="ReconcileOptions.SameStory"/> (story ids as group numbers).
    /// Each corpus-wide list is indexed once by story or article, not scanned once per story (BBC: 2,225 articles,
    /// hundreds of stories), and each story's share keeps the corpus-wide order.
    /// </summary>
    internal static IEnumerable<StoryComparison> Of(IEnumerable<Story> stories, Reconciliation reconciliation, IReadOnlyList<Quote> quotes, EventTimeline timeline)
    {
        var measures = reconciliation.Measures.ToLookup(m => m.Story);
        var rows = reconciliation.Rows.ToLookup(r => r.Story);
        var quotesOf = PositionsByArticle(quotes, q => q.ArticleId);
        var entries = timeline.Entries;
        var entriesOf = PositionsByArticle(entries, e => e.ArticleId);
        foreach (var story in stories)
        {
            var storyQuotes = Pick(quotes, quotesOf, story);
            yield return new StoryComparison(story,
                measures[story.Id].ToList(),
                rows[story.Id].ToList(),
                storyQuotes.SharedQuotations(),
                storyQuotes.SpeakersByOutlet(),
                TimelineConsistency.Check(Pick(entries, entriesOf, story)));
        }
    }

    private static Dictionary<string, List<int>> PositionsByArticle<T>(IReadOnlyList<T> items, Func<T, string> articleId)
    {
        var positions = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            var id = articleId(items[i]);
            if (!positions.TryGetValue(id, out var list)) positions[id] = list = [];
            list.Add(i);
        }
        return positions;
    }

    /// <summary>The items of the story's articles, in their corpus-wide order.</summary>
    private static List<T> Pick<T>(IReadOnlyList<T> items, Dictionary<string, List<int>> positionsByArticle, Story story)
    {
        var positions = new List<int>();
        foreach (var id in story.ArticleIds.Distinct(StringComparer.Ordinal))
            if (positionsByArticle.TryGetValue(id, out var of)) positions.AddRange(of);
        positions.Sort();
        return positions.ConvertAll(i => items[i]);
    }
}
