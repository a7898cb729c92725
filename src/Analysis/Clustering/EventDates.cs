namespace Analysis;

/// <summary>The day an article's event happened: month and day, and the year when known.</summary>
internal readonly record struct EventDay(int Month, int Day, int? Year);

/// <summary>
/// When an article happened, for the publication-time feature of topic clustering, read from the article alone: its
/// Published date, or else the day it mentions most (at least twice, no tie), with a year only when the article
/// itself writes that day with one ("Oct. 22, 2024"). A year is never borrowed from other articles: that put a 2019
/// report in 2011 (issue 12). A yearless day is still compared by its week of the year.
/// </summary>
internal static class EventDates
{
    public static EventDay? Of(AnnotatedArticle article)
    {
        if (article.Article.Published is { } p) return new EventDay(p.Month, p.Day, p.Year);
        if (article.MostMentionedDay is not var (month, day, year)) return null;
        return new EventDay(month, day, year is int y && day <= DateTime.DaysInMonth(y, month) ? y : null);
    }
}
