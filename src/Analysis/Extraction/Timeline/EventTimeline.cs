using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>
/// The dated events of a corpus: every absolute and relative date expression resolved against its article's date,
/// with the sentence it anchors.
/// <code>var timeline = corpus.Timeline(); timeline.ToDataFrame(); timeline.Inconsistencies().ToDataFrame()</code>
/// </summary>
public sealed class EventTimeline
{
    /// <summary>Two day-precise dates of the same event further apart than this are taken as different events.</summary>
    public const int SameEventWindowDays = 10;

    internal EventTimeline(List<TimelineEntry> entries) => Entries = entries;

    /// <summary>Every dated expression, in article and text order.</summary>
    public IReadOnlyList<TimelineEntry> Entries { get; }

    /// <summary>The <c>timeline</c> table.</summary>
    public DataFrame ToDataFrame() => Entries.ToDataFrame();

    /// <summary>
    /// Events that outlets date differently: entries with the same event key (people and event verb) whose
    /// day-precise dates lie within <see cref="SameEventWindowDays"/> of each other but differ, one row per entry that
    /// departs from the date most outlets give; plus sentences whose written weekday contradicts their written date.
    /// </summary>
    public IReadOnlyList<TimelineInconsistency> Inconsistencies() => TimelineConsistency.Check(Entries);

    public override string ToString() => $"{Entries.Count} dated expressions in {Entries.Select(e => e.ArticleId).Distinct().Count()} articles";
}

/// <summary>Options for <see cref="TimelineExtraction.Timeline(Corpus, TimelineOptions?)"/>.</summary>
public sealed record TimelineOptions
{
    /// <summary>The names events are keyed by; null uses the corpus's own (<see cref="Corpus.Gazetteer"/>).</summary>
    public Gazetteer? Gazetteer { get; init; }

    /// <summary>
    /// Groups of article ids known to cover the same story (for example <c>corpus.Stories()</c>'s articles). An
    /// undated article's yearless date ("on Oct. 22") may take its year from the dates of its own group; null (the
    /// default) takes it from the article's own text only. Never from an unrelated article: a year borrowed from
    /// another story can be years off.
    /// </summary>
    public IReadOnlyList<IReadOnlyList<string>>? SameStory { get; init; }
}

/// <summary>Entry points: <c>corpus.Timeline()</c>.</summary>
public static class TimelineExtraction
{
    /// <summary>
    /// Dates every event of the corpus. Each article is read against <c>Article.Published</c>, or when that is
    /// missing against the latest full date written in its text (said so in <c>reference_basis</c>).
    /// </summary>
    public static EventTimeline Timeline(this Corpus corpus, TimelineOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var view = corpus.For(options?.Gazetteer);
        var entities = view.CachedEntities;
        var annotations = view.Annotations;
        // Full dates each article can lend: those written in its text and its publication date.
        var own = annotations.ToDictionary(a => a.Id, a => a.Dates.Where(d => d.Date is not null).Select(d => d.Date!.Value)
            .Concat(a.Article.Published is { } p ? [p] : []).Where(TimelineReader.CanReferTo).ToList(), StringComparer.Ordinal);
        var groupOf = new Dictionary<string, IReadOnlyList<string>>(StringComparer.Ordinal);
        foreach (var g in options?.SameStory ?? [])
            foreach (var id in g) groupOf[id] = g;
        var all = new List<TimelineEntry>();
        foreach (var a in annotations)
        {
            var lenders = groupOf.TryGetValue(a.Id, out var group) ? group : [a.Id];
            var known = lenders.SelectMany(id => own.GetValueOrDefault(id) ?? []).ToHashSet();
            TimelineReader.Read(a.Article, a.Dates, known, entities.In(a.Id), all, group is not null);
        }
        return new EventTimeline(all);
    }

}

/// <summary>Reads the dates of one article.</summary>
internal static class TimelineReader
{
    /// <summary>Event verbs and their lemma: the "what happened" half of an event key.</summary>
    private static readonly Dictionary<string, string> EventVerbs = new(StringComparer.OrdinalIgnoreCase)
    {
        ["met"] = "meet", ["meet"] = "meet", ["meets"] = "meet", ["meeting"] = "meet", ["talks"] = "meet",
        ["visited"] = "visit", ["visit"] = "visit", ["visits"] = "visit", ["arrived"] = "arrive", ["arrives"] = "arrive",
        ["landed"] = "arrive", ["killed"] = "kill", ["assassinated"] = "kill", ["attacked"] = "attack", ["struck"] = "attack",
        ["launched"] = "launch", ["signed"] = "sign", ["announced"] = "announce", ["elected"] = "elect", ["resigned"] = "resign",
        ["died"] = "die", ["held"] = "hold", ["won"] = "win", ["lost"] = "lose", ["released"] = "release",
    };

    /// <summary><see cref="EventVerbs"/> by word length, so a word is compared only with verbs as long as it, with no copy made.</summary>
    private static readonly KeyValuePair<string, string>[][] EventVerbsByLength = Enumerable.Range(0, EventVerbs.Keys.Max(k => k.Length) + 1)
        .Select(n => EventVerbs.Where(v => v.Key.Length == n).ToArray()).ToArray();

    /// <summary>The lemma of <paramref name="word"/> when it is one of <see cref="EventVerbs"/> (compared as the dictionary does: ignoring case), else null.</summary>
    private static string? EventVerb(ReadOnlySpan<char> word)
    {
        if (word.Length >= EventVerbsByLength.Length) return null;
        foreach (var (verb, lemma) in EventVerbsByLength[word.Length])
            if (word.Equals(verb, StringComparison.OrdinalIgnoreCase)) return lemma;
        return null;
    }

    /// <summary>Appends the dated expressions of <paramref name="article"/> to <paramref name="into"/>, in text order.</summary>
    /// <remarks>
    /// Written as a plain loop with one scratch list per article: most sentences hold no date, and an iterator with
    /// per-sentence closures cost more allocation than the entries themselves.
    /// </remarks>
    public static void Read(Article article, IReadOnlyList<AbsoluteDate> absolute, IReadOnlySet<DateOnly> knownDates,
        IReadOnlyList<EntityMention> mentions, List<TimelineEntry> into, bool fromStory = false)
    {
        var text = article.Text;
        var (reference, referenceBasis) = Reference(article, absolute, knownDates, fromStory);
        var outlet = article.OutletOrId;
        var taken = new List<(int Start, int End)>();
        var relative = new List<RelativeDate>();
        int next = 0;
        foreach (var s in article.Sentences)
        {
            string? key = null;
            bool keyDone = false;
            taken.Clear();
            while (next < absolute.Count && absolute[next].Start < s.End)
            {
                var d = absolute[next++];
                if (d.Start < s.Start) continue;
                taken.Add((d.Start, d.End));
                var (date, precision, basis) = Resolve(d, reference);
                into.Add(new TimelineEntry(article.Id, outlet, d.Start, d.End, s.Index, s.Text, d.Surface, date, precision,
                    basis, reference, referenceBasis, d.Rule, Key()));
            }
            relative.Clear();
            RelativeDates.Find(text, s.Start, s.End, reference, s.Text, relative);
            foreach (var r in relative)
            {
                if (taken.Exists(t => r.Start < t.End && t.Start < r.End)) continue;
                into.Add(new TimelineEntry(article.Id, outlet, r.Start, r.End, s.Index, s.Text, r.Surface, r.Date, r.Precision,
                    r.Basis, reference, referenceBasis, r.Rule, Key()));
            }

            string? Key()
            {
                if (!keyDone) { key = EventKey(text, s, mentions); keyDone = true; }
                return key;
            }
        }
    }

    /// <summary>
    /// The article date: <c>Article.Published</c>, else the latest date written in the text, where a yearless date
    /// ("Oct. 22") takes its year from <paramref name="known"/>: the full dates of this article (and, when
    /// <paramref name="fromStory"/>, of the articles of its story): the same day written in full there, else the
    /// year that puts it nearest to the latest known date. With nothing known, a yearless date gives no reference.
    /// </summary>
    private static (DateOnly?, string?) Reference(Article article, IReadOnlyList<AbsoluteDate> dates, IReadOnlySet<DateOnly> known, bool fromStory)
    {
        if (article.Published is { } p && CanReferTo(p)) return (p, article.PublishedBasis ?? (article.PublishedInferred ? "inferred" : "given"));
        string where = fromStory ? "this article or its story" : "this article";
        DateOnly? latestKnown = known.Count > 0 ? known.Max() : null;
        (DateOnly Date, string Basis)? best = null;
        foreach (var d in dates)
        {
            DateOnly? date = d.Date;
            string basis = $"inferred: latest date in the text ('{d.Surface}')";
            if (date is null && d.Day is int day)
            {
                date = known.Where(c => c.Month == d.Month && c.Day == day).Select(c => (DateOnly?)c).Max();
                basis = $"inferred: latest date in the text ('{d.Surface}', year from the same day written in full in {where})";
                if (date is null && latestKnown is { } k)
                {
                    date = d.Resolve(k);
                    basis = $"inferred: latest date in the text ('{d.Surface}', year nearest to {k:yyyy-MM-dd} written in {where})";
                }
            }
            if (date is { } x && CanReferTo(x) && (best is null || x > best.Value.Date)) best = (x, basis);
        }
        return best is { } b ? (b.Date, b.Basis) : (null, null);
    }

    /// <summary>
    /// Only a plausible date is a reference: one at the calendar's ends (0001-01-01 from a broken manifest) cannot be
    /// counted from ("999 years ago" would leave the calendar).
    /// </summary>
    internal static bool CanReferTo(DateOnly d) => d.Year is >= 1000 and <= 9000;

    private static (DateOnly?, string, string) Resolve(AbsoluteDate d, DateOnly? reference)
    {
        if (d.Day is null)
            return (new DateOnly(d.Year!.Value, d.Month, 1), "month", "month and year as written");
        if (d.Date is { } full) return (full, "day", "written in full");
        if (reference is { } r) return (d.Resolve(r), "day", "year taken from the article date (nearest such day)");
        return (null, "day", "no year written and no article date");
    }

    /// <summary>"meet: Antony Blinken + Benjamin Netanyahu": the sentence's first event verb and the people in it.</summary>
    private static string? EventKey(string text, Sentence s, IReadOnlyList<EntityMention> mentions)
    {
        var people = mentions.Where(m => m.SentenceIndex == s.Index && m.Kind == EntityKind.Person)
            .Select(m => m.Canonical).Distinct().Order(StringComparer.Ordinal).ToList();
        if (people.Count == 0) return null;
        int i = s.Start;
        while (i < s.End)
        {
            while (i < s.End && !char.IsLetter(text[i])) i++;
            int st = i;
            while (i < s.End && char.IsLetter(text[i])) i++;
            if (i > st && char.IsLower(text[st]) && EventVerb(text.AsSpan(st, i - st)) is { } lemma)
                return $"{lemma}: {string.Join(" + ", people)}";
        }
        return null;
    }
}
