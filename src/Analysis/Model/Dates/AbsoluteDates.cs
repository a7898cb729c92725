using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// A calendar date written out in a text ("October 22, 2024", "Oct. 7", "22 October 2024", "2024-10-22",
/// "February 2008"). <see cref="Year"/> is null when the text gives none ("Sept. 27"); <see cref="Day"/> is null
/// for a month and year only.
/// </summary>
/// <param name="Start">Offset of the first character in the searched text.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Surface">The matched text.</param>
/// <param name="Year">The written year, or null.</param>
/// <param name="Month">Month number, 1–12.</param>
/// <param name="Day">Day of the month, or null for a month and year.</param>
/// <param name="Rule">Which pattern matched: month-day-year, month-day, day-month-year, day-month, iso, month-year.</param>
public sealed record AbsoluteDate(int Start, int End, string Surface, int? Year, int Month, int? Day, string Rule)
{
    /// <summary>The date when year, month and day are all written, else null.</summary>
    public DateOnly? Date => Year is int y && Day is int d ? new DateOnly(y, Month, d) : null;

    /// <summary>
    /// The year this date falls in when read in a text written on <paramref name="reference"/>: the written year,
    /// or for a yearless date the year that puts it nearest to the reference (so "Dec. 28" read on January 3
    /// is last year's, "Nov. 5" read on October 22 is this year's).
    /// </summary>
    public int ResolveYear(DateOnly reference)
    {
        if (Year is int y) return y;
        int best = reference.Year, bestDistance = int.MaxValue;
        for (int candidate = reference.Year - 1; candidate <= reference.Year + 1; candidate++)
        {
            int day = Math.Min(Day ?? 15, DateTime.DaysInMonth(candidate, Month));
            int distance = Math.Abs(new DateOnly(candidate, Month, day).DayNumber - reference.DayNumber);
            if (distance < bestDistance) (best, bestDistance) = (candidate, distance);
        }
        return best;
    }

    /// <summary>
    /// The full date read against <paramref name="reference"/> (see <see cref="ResolveYear"/>); null for a
    /// month and year without a day, or for a yearless "February 29" that resolves to a non-leap year.
    /// </summary>
    public DateOnly? Resolve(DateOnly reference)
    {
        if (Day is not int d) return null;
        int y = ResolveYear(reference);
        return d <= DateTime.DaysInMonth(y, Month) ? new DateOnly(y, Month, d) : null;
    }
}

/// <summary>
/// Finds absolute dates in English news text with their offsets. Month names must be capitalised (so "may" and
/// "march" as verbs are never dates) and a lone month name is not a date; every match is checked to be a real
/// calendar day. Numeric forms other than ISO (10/22/2024) are ambiguous between US and European order and are
/// not recognised.
/// </summary>
public static partial class AbsoluteDates
{
    private const string MonthName =
        "January|February|March|April|May|June|July|August|September|October|November|December|" +
        "Jan|Feb|Mar|Apr|Jun|Jul|Aug|Sept|Sep|Oct|Nov|Dec";
    private const string Ordinal = "(?:st|nd|rd|th)?";
    // A year is four digits not followed by more digits or by ",ddd" (so "October 7, 1,200 people" is not 1,200).
    private const string YearPart = @"(?:[12]\d{3})(?![\d%]|,\d)";

    [GeneratedRegex(
        @"(?<![\p{L}\p{N}\-/.])(?:" +
        @"(?<iy>[12]\d{3})-(?<im>\d{2})-(?<id>\d{2})(?![\p{N}\-])" +
        @"|(?<m1>" + MonthName + @")\.?\s(?<d1>\d{1,2})" + Ordinal + @"(?:,?\s(?<y1>" + YearPart + @"))?(?![\p{L}\p{N}]|[.,]\d)" +
        @"|(?<d2>\d{1,2})" + Ordinal + @"\s(?:of\s)?(?<m2>" + MonthName + @")\b\.?(?:,?\s(?<y2>" + YearPart + @"))?" +
        @"|(?<m3>" + MonthName + @")\b\.?,?\s(?<y3>" + YearPart + @")" +
        @")(?![\p{L}])", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    /// <summary>Every absolute date in <paramref name="text"/>, in order of position.</summary>
    public static IReadOnlyList<AbsoluteDate> Find(string text)
    {
        var found = new List<AbsoluteDate>();
        foreach (Match m in Pattern().Matches(text))
            if (FromMatch(m) is { } date) found.Add(date);
        return found;
    }

    /// <summary>Every absolute date in <paramref name="text"/> that has a year, month and day.</summary>
    public static IEnumerable<(AbsoluteDate Match, DateOnly Date)> FindComplete(string text) =>
        Find(text).Where(d => d.Date is not null).Select(d => (d, d.Date!.Value));

    /// <summary>Month number (1–12) of an English month name or news abbreviation ("Sept", "Oct."), or null.</summary>
    public static int? MonthNumber(string name) => MonthNumbers.TryGetValue(name.TrimEnd('.'), out var n) ? n : null;

    private static readonly Dictionary<string, int> MonthNumbers = BuildMonthNumbers();

    private static Dictionary<string, int> BuildMonthNumbers()
    {
        var names = MonthName.Split('|');
        var map = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase);
        for (int i = 0; i < 12; i++) map[names[i]] = i + 1;
        // Abbreviations are the first letters of the full name ("Sept" as well as "Sep").
        foreach (var abbreviation in names.Skip(12))
            map[abbreviation] = Array.FindIndex(names, 0, 12, full => full.StartsWith(abbreviation, StringComparison.Ordinal)) + 1;
        return map;
    }

    private static AbsoluteDate? FromMatch(Match m)
    {
        string rule;
        int? year = null, day = null;
        int month;
        if (m.Groups["iy"].Success)
        {
            (rule, year, month, day) = ("iso", int.Parse(m.Groups["iy"].Value), int.Parse(m.Groups["im"].Value), int.Parse(m.Groups["id"].Value));
        }
        else if (m.Groups["m1"].Success)
        {
            month = MonthNumber(m.Groups["m1"].Value)!.Value;
            day = int.Parse(m.Groups["d1"].Value);
            year = m.Groups["y1"].Success ? int.Parse(m.Groups["y1"].Value) : null;
            rule = year is null ? "month-day" : "month-day-year";
        }
        else if (m.Groups["m2"].Success)
        {
            month = MonthNumber(m.Groups["m2"].Value)!.Value;
            day = int.Parse(m.Groups["d2"].Value);
            year = m.Groups["y2"].Success ? int.Parse(m.Groups["y2"].Value) : null;
            rule = year is null ? "day-month" : "day-month-year";
        }
        else
        {
            month = MonthNumber(m.Groups["m3"].Value)!.Value;
            year = int.Parse(m.Groups["y3"].Value);
            rule = "month-year";
        }
        if (month is < 1 or > 12 || year is < 1800 or > 2199) return null;
        // A yearless day is checked against a leap year so "February 29" stays possible.
        if (day is int d && (d < 1 || d > DateTime.DaysInMonth(year ?? 2024, month))) return null;
        return new AbsoluteDate(m.Index, m.Index + m.Length, m.Value, year, month, day, rule);
    }
}
