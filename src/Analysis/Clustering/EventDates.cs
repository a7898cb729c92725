
namespace Analysis;

/// <summary>
/// When each article happened, for the publication-time feature: its Published date, or for an undated article in a
/// corpus with dated ones, the day it mentions most (at least twice, no tie) placed in the year that brings it
/// closest to a dated article. News reports name the day of their event more than any background date.
/// </summary>
internal static class EventDates
{
    public static List<DateOnly?> Of(IReadOnlyList<Article> articles)
    {
        var known = articles.Where(a => a.Published is not null).Select(a => a.Published!.Value).ToList();
        return articles.Select(a => a.Published ?? (known.Count > 0 ? MostMentioned(a.Text, known) : null)).ToList();
    }

    private static DateOnly? MostMentioned(string text, List<DateOnly> known)
    {
        var counts = Mentions.Days(text).GroupBy(d => d).Select(g => (Day: g.Key, Count: g.Count()))
            .OrderByDescending(g => g.Count).ToList();
        if (counts.Count == 0 || counts[0].Count < 2 || (counts.Count > 1 && counts[1].Count == counts[0].Count)) return null;
        var (month, day) = counts[0].Day;
        return known.Select(k => k.Year).Distinct().SelectMany(y => new[] { y - 1, y, y + 1 })
            .Where(y => day <= DateTime.DaysInMonth(y, month))
            .Select(y => new DateOnly(y, month, day))
            .OrderBy(d => known.Min(k => Math.Abs(k.DayNumber - d.DayNumber))).ThenBy(d => d.DayNumber)
            .Cast<DateOnly?>().FirstOrDefault();
    }
}
