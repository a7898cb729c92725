
namespace Analysis;

/// <summary>One dated event: a date expression of an article, resolved to a calendar date, and the sentence it anchors.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">The article's outlet, or its id when no manifest names one.</param>
/// <param name="Start">Offset of the date expression in <c>Article.Text</c>.</param>
/// <param name="End">Offset after it.</param>
/// <param name="SentenceIndex">The event sentence's index.</param>
/// <param name="Sentence">The event: the sentence the date anchors.</param>
/// <param name="Expression">The date as written ("on Tuesday", "Oct. 7, 2023", "last week").</param>
/// <param name="Date">The resolved date (for a week, month or year: its first day), or null when it cannot be resolved.</param>
/// <param name="Precision">day, week, month, year, or vague ("days after").</param>
/// <param name="Basis">How the date was obtained: written in full, or which reading against which reference date.</param>
/// <param name="Reference">The article date the expression was read against.</param>
/// <param name="ReferenceBasis">Where that reference comes from (the manifest, or the text it was inferred from).</param>
/// <param name="Rule">The pattern that matched (month-day-year, weekday, relative-unit, …).</param>
/// <param name="EventKey">People and event verb of the sentence ("meet: Antony Blinken + Benjamin Netanyahu"), used to
/// compare outlets; null when the sentence names no person or no event verb.</param>
public sealed record TimelineEntry(string ArticleId, string Outlet, int Start, int End, int SentenceIndex, string Sentence,
    string Expression, DateOnly? Date, string Precision, string Basis, DateOnly? Reference, string? ReferenceBasis,
    string Rule, string? EventKey) : ITextRecord
{
    /// <summary>Weekday of <see cref="Date"/> for day-precise dates.</summary>
    public DayOfWeek? Weekday => Precision == "day" && Date is { } d ? d.DayOfWeek : null;
}

/// <summary>An event that outlets place on different days (or an article whose weekday and date disagree).</summary>
/// <param name="EventKey">The event compared.</param>
/// <param name="Reason">What disagrees, in words.</param>
/// <param name="Dates">Every date given for the event, with the outlets giving it ("2024-10-22 Tue: a, b; 2024-10-16 Wed: c").</param>
/// <param name="Rule">The check that found it: <c>outlets_disagree</c> or <c>weekday_mismatch</c>.</param>
public sealed record TimelineInconsistency(string EventKey, string ArticleId, string Outlet, string Expression, DateOnly? Date,
    int Start, int End, int SentenceIndex, string Sentence, string Reason, string Dates, string Rule) : ITextRecord;
