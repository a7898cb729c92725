using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>Whether the articles reporting a measure agree.</summary>
public enum Verdict
{
    /// <summary>Every pair of articles has overlapping intervals.</summary>
    Agree,
    /// <summary>Some articles dated the same (or undated) report disjoint intervals.</summary>
    Conflict,
    /// <summary>Intervals differ only between articles dated apart: a later total, not a contradiction.</summary>
    Update,
    /// <summary>One article reports the measure.</summary>
    Single,
}

/// <summary>Options for <see cref="FigureReconciliation.Reconcile"/>.</summary>
public sealed record ReconcileOptions
{
    /// <summary>Articles at most this many days apart count as the same date (default 2).</summary>
    public int SameDateDays { get; set; } = 2;
    /// <summary>An article further than this many days from the story's date whose figures disagree reports another occurrence (default 7).</summary>
    public int OccurrenceDays { get; set; } = 7;
    /// <summary>
    /// Groups of article ids that cover the same story (for example <c>corpus.Stories()</c>'s articles): figures are
    /// compared only within a group, each group with its own story date. Null (the default) treats the corpus as
    /// one story. Articles in no group form a story each.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? SameStory { get; set; }
}

/// <summary>
/// One figure of a reconciled measure (fields as in <see cref="Figure"/>) with the measure's verdict, the article's
/// outlet (its id when no manifest names one) and date, and whether the article reports a different occurrence of
/// the story (dated apart from it and disagreeing).
/// </summary>
public sealed record ReconciledFigure(
    string Measure, Verdict Verdict, string ArticleId, string Outlet, DateOnly? Published, double Value, string Unit,
    Qualifier Qualifier, double? Low, double? High, string Counted, string? Attribution, int SentenceIndex, string Sentence,
    int Start, int End, string Surface, bool OtherOccurrence) : IArticleRecord
{
    /// <summary>1-based index of the <see cref="ReconcileOptions.SameStory"/> group compared within; null when the corpus is one story.</summary>
    public int? Story { get; init; }
}

/// <summary>The verdict for one measure (within one story when <see cref="ReconcileOptions.SameStory"/> is given).</summary>
public sealed record MeasureVerdict(string Measure, Verdict Verdict, int Articles, int Figures, string Reason)
{
    /// <summary>1-based index of the story group; null when the corpus is one story.</summary>
    public int? Story { get; init; }
}

/// <summary>Figures grouped by measure across articles, with a verdict per measure.</summary>
public sealed class Reconciliation
{
    internal Reconciliation(IReadOnlyList<MeasureVerdict> measures, IReadOnlyList<ReconciledFigure> rows, DateOnly? storyDate, IReadOnlyList<string> otherOccurrences,
        long comparisons)
    {
        Measures = measures; Rows = rows; StoryDate = storyDate; OtherOccurrences = otherOccurrences; Comparisons = comparisons;
    }

    /// <summary>Interval comparisons made: grows with the figures of each measure within a story, never across stories.</summary>
    internal long Comparisons { get; }

    /// <summary>One verdict per measure, measures reported by most articles first.</summary>
    public IReadOnlyList<MeasureVerdict> Measures { get; }
    /// <summary>One row per figure of a reconciled measure.</summary>
    public IReadOnlyList<ReconciledFigure> Rows { get; }
    /// <summary>The date most articles carry (null when none is dated); with several stories, that of the story with most figures.</summary>
    public DateOnly? StoryDate { get; }
    /// <summary>Ids of articles that report a different occurrence of the story.</summary>
    public IReadOnlyList<string> OtherOccurrences { get; }

    public override string ToString() => $"{Measures.Count} measures, {Rows.Count} figures, {OtherOccurrences.Count} other-occurrence articles";
}

/// <summary>Reconciles figures across articles: <c>var rec = figures.Reconcile(corpus); rec.ToDataFrame()</c>.</summary>
public static class FigureReconciliation
{
    /// <summary>
    /// Groups figures by story (<see cref="ReconcileOptions.SameStory"/>) and then by measure (figures whose measure
    /// is only a unit, like "percent" or "count", are not comparable and left out) and gives each measure a verdict;
    /// flags articles reporting another occurrence of the story. Figures of different stories are never compared.
    /// </summary>
    public static Reconciliation Reconcile(this IEnumerable<Figure> figures, Corpus corpus, ReconcileOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(figures);
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new ReconcileOptions();
        if (options.SameDateDays < 0 || options.OccurrenceDays < 0)
            throw new ArgumentOutOfRangeException(nameof(options), "Day tolerances must be ≥ 0.");
        var articles = corpus.Articles.ToDictionary(a => a.Id);
        var comparable = figures.Where(f => !MeasureRules.IsGeneric(f.Measure, f.Unit)).ToList();
        foreach (var f in comparable)
            if (!articles.ContainsKey(f.ArticleId))
                throw new ArgumentException($"Figure of article '{f.ArticleId}' is not in the corpus.", nameof(corpus));

        var groupOf = new Dictionary<string, int>(StringComparer.Ordinal);
        if (options.SameStory is { } groups)
            for (int g = 0; g < groups.Count; g++)
                foreach (var id in groups[g]) groupOf[id] = g + 1;
        int? StoryOf(string id) => options.SameStory is null ? null : groupOf.TryGetValue(id, out int g) ? g : -1;

        var verdicts = new List<MeasureVerdict>();
        var rows = new List<ReconciledFigure>();
        var others = new List<string>();
        DateOnly? mainDate = null;
        long comparisons = 0;
        // Stories never mix: an article outside every group is a story of its own (keyed by its id).
        foreach (var story in comparable.GroupBy(f => StoryOf(f.ArticleId) is -1 ? f.ArticleId : StoryOf(f.ArticleId)?.ToString() ?? "")
                     .OrderByDescending(g => g.Count()).ThenBy(g => g.Key, StringComparer.Ordinal))
        {
            var part = ReconcileStory(story.ToList(), articles, options, StoryOf(story.First().ArticleId) is int n and > 0 ? n : null, ref comparisons);
            mainDate ??= part.StoryDate;
            verdicts.AddRange(part.Measures);
            rows.AddRange(part.Rows);
            others.AddRange(part.OtherOccurrences);
        }
        return new Reconciliation(verdicts, rows, mainDate, others.Order(StringComparer.Ordinal).ToList(), comparisons);
    }

    /// <summary>Verdicts for the figures of one story; every lookup is by key, so the work is that of the pair checks within each measure.</summary>
    private static (List<MeasureVerdict> Measures, List<ReconciledFigure> Rows, DateOnly? StoryDate, List<string> OtherOccurrences)
        ReconcileStory(List<Figure> comparable, Dictionary<string, Article> articles, ReconcileOptions options, int? story, ref long comparisons)
    {
        var storyDate = comparable.Select(f => f.ArticleId).Distinct().Select(id => articles[id].Published).Where(d => d is not null)
            .GroupBy(d => d!.Value).OrderByDescending(g => g.Count()).ThenByDescending(g => g.Key).Select(g => (DateOnly?)g.Key).FirstOrDefault();
        // An undated article is read as covering the story's date.
        DateOnly? Date(string id) => articles[id].Published ?? storyDate;

        var verdicts = new List<MeasureVerdict>();
        var verdictOf = new Dictionary<string, Verdict>();
        var disagreeing = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        void Disagree(string a, string b)
        {
            if (!disagreeing.TryGetValue(a, out var set)) disagreeing[a] = set = new(StringComparer.Ordinal);
            set.Add(b);
        }
        foreach (var g in comparable.GroupBy(f => f.Measure))
        {
            var byArticle = g.GroupBy(f => f.ArticleId).Select(a => a.ToList()).ToList();
            Verdict v;
            string reason;
            if (byArticle.Count == 1) { v = Verdict.Single; reason = "one article"; }
            else
            {
                int conflicts = 0, updates = 0;
                for (int i = 0; i < byArticle.Count; i++)
                    for (int j = i + 1; j < byArticle.Count; j++)
                    {
                        comparisons += byArticle[i].Count * byArticle[j].Count;
                        if (byArticle[i].Any(a => byArticle[j].Any(b => Overlap(a, b)))) continue;
                        string ai = byArticle[i][0].ArticleId, aj = byArticle[j][0].ArticleId;
                        Disagree(ai, aj);
                        Disagree(aj, ai);
                        var (da, db) = (Date(ai), Date(aj));
                        if (da is not null && db is not null && Math.Abs(da.Value.DayNumber - db.Value.DayNumber) > options.SameDateDays) updates++;
                        else conflicts++;
                    }
                (v, reason) = conflicts > 0 ? (Verdict.Conflict, $"{conflicts} pair(s) of articles dated alike report disjoint intervals")
                    : updates > 0 ? (Verdict.Update, $"{updates} pair(s) differ but are dated apart")
                    : (Verdict.Agree, "all intervals overlap");
            }
            verdictOf[g.Key] = v;
            verdicts.Add(new MeasureVerdict(g.Key, v, byArticle.Count, g.Count(), reason) { Story = story });
        }

        // Another occurrence: dated away from the story and disagreeing with an article dated at the story.
        bool Near(DateOnly? d) => d is not null && storyDate is not null && Math.Abs(d.Value.DayNumber - storyDate.Value.DayNumber) <= options.OccurrenceDays;
        var others = comparable.Select(f => f.ArticleId).Distinct()
            .Where(id => articles[id].Published is not null && !Near(Date(id))
                && disagreeing.TryGetValue(id, out var with) && with.Any(other => Near(Date(other))))
            .OrderBy(id => id, StringComparer.Ordinal).ToList();
        var otherSet = others.ToHashSet(StringComparer.Ordinal);

        var articlesPerMeasure = verdicts.ToDictionary(m => m.Measure, m => m.Articles);
        var rows = comparable
            .OrderByDescending(f => articlesPerMeasure[f.Measure]).ThenBy(f => f.Measure, StringComparer.Ordinal)
            .ThenBy(f => f.ArticleId, StringComparer.Ordinal).ThenBy(f => f.Start)
            .Select(f =>
            {
                var a = articles[f.ArticleId];
                return new ReconciledFigure(f.Measure, verdictOf[f.Measure], f.ArticleId, a.OutletOrId, a.Published, f.Value, f.Unit,
                    f.Qualifier, f.Low, f.High, f.Counted, f.Attribution, f.SentenceIndex, f.Sentence, f.Start, f.End, f.Surface,
                    otherSet.Contains(f.ArticleId)) { Story = story };
            }).ToList();
        var ordered = verdicts.OrderByDescending(m => m.Articles).ThenBy(m => m.Measure, StringComparer.Ordinal).ToList();
        return (ordered, rows, storyDate, others);
    }

    /// <summary>Intervals overlap (bounds inclusive, null = unbounded); time units are compared in seconds, other units must match.</summary>
    internal static bool Overlap(Figure a, Figure b)
    {
        double fa = Seconds(a.Unit), fb = Seconds(b.Unit);
        if (a.Unit != b.Unit && (fa == 0 || fb == 0)) return false;
        if (a.Unit == b.Unit) fa = fb = 1;
        double aLow = (a.Low ?? double.NegativeInfinity) * fa, aHigh = (a.High ?? double.PositiveInfinity) * fa;
        double bLow = (b.Low ?? double.NegativeInfinity) * fb, bHigh = (b.High ?? double.PositiveInfinity) * fb;
        return aLow <= bHigh && bLow <= aHigh;
    }

    /// <summary>Seconds per time unit (so "90 minutes" meets "an hour and a half"), 0 for other units.</summary>
    private static double Seconds(string unit) => unit switch
    {
        "second" => 1, "minute" => 60, "hour" => 3600, "day" => 86400, "week" => 604800, "fortnight" => 1209600,
        "month" => 2629800, "year" => 31557600, "decade" => 315576000, "century" => 3155760000,
        _ => 0,
    };


    /// <summary>snake_case verdict name ("agree", "conflict", "update", "single").</summary>
    public static string VerdictName(Verdict v) => v.ToString().ToLowerInvariant();
}
