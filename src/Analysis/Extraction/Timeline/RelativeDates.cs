using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>A relative date expression resolved against a reference date.</summary>
internal sealed record RelativeDate(int Start, int End, string Surface, DateOnly? Date, string Precision, string Basis, string Rule);

/// <summary>
/// Relative date expressions of news text and their reading against the article's date: weekdays ("on Tuesday",
/// "Wednesday morning", "last Monday"), deictic days ("yesterday"), "last/this/next week|month|year", counted
/// offsets ("two days ago", "a year earlier"), durations reaching back ("for more than a year"), and vague
/// offsets ("days after"). A bare weekday is read in the tense of its sentence: past reporting points back to the
/// latest such day on or before the article date, future tense ("will meet … Wednesday") forward.
/// </summary>
internal static partial class RelativeDates
{
    private const string Weekdays = "Monday|Tuesday|Wednesday|Thursday|Friday|Saturday|Sunday";
    private const string Count = @"a|an|one|two|three|four|five|six|seven|eight|nine|ten|\d{1,3}";

    [GeneratedRegex(
        @"\b(?:" +
        @"(?:(?<wmod>last|this|next|on|since|by|until|from)\s)?(?<wd>" + Weekdays + @")(?:'s|’s)?(?:\s(?<part>morning|afternoon|evening|night))?" +
        @"|(?<deictic>yesterday|today|tonight|tomorrow)" +
        @"|(?<umod>last|this|next|past)\s(?<unit>week|weekend|month|year)" +
        @"|(?<count>" + Count + @")\s(?<cunit>day|week|month|year)s?\s(?<dir>ago|earlier|later|before|after)" +
        @"|(?<vague>days|weeks|months|hours)\s(?<vdir>after|before|earlier|later|ago)" +
        @"|(?<dur>for|over|nearly|almost|more\sthan)\s(?:a|one)\s(?<dunit>year|month|week)\b(?!\s(?:ago|earlier|later|before|after))" +
        @")\b", RegexOptions.CultureInvariant)]
    private static partial Regex Pattern();

    [GeneratedRegex(@"\b(?:will|shall|won't|is\sto|are\sto|is\sdue|are\sdue|slated|scheduled|plans?\sto|planning|going\sto|expected\sto|set\sto|upcoming|next)\b|'ll\b|’ll\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex FutureTense();

    public static bool IsFuture(string sentence) => FutureTense().IsMatch(sentence);

    /// <summary>Appends the relative dates in text[start..end) to <paramref name="into"/>, read against <paramref name="reference"/> (null: unresolved).</summary>
    /// <remarks>
    /// The tense of <paramref name="sentence"/> is read only for a bare weekday, the one reading that needs it; and a
    /// range holding none of the words every expression contains is not searched at all (most sentences).
    /// </remarks>
    public static void Find(string text, int start, int end, DateOnly? reference, string sentence, List<RelativeDate> into)
    {
        int anchor = FirstAnchor(text.AsSpan(start, end - start));
        if (anchor < 0) return;
        // No expression begins more than MaxLead characters before the anchor word it contains, so the search starts
        // there (moved back to a word boundary) instead of at the sentence start: the regex scan is most of this
        // step's time, and the first anchor is often late in a long sentence.
        int from = SearchStart(text, start, start + anchor);
        bool? future = null;
        for (var m = Pattern().Match(text, from, end - from); m.Success;)
        {
            into.Add(Read(m, reference, sentence, ref future));
            // The same reasoning after each match: no anchor left, no expression left (the scan would read on to the
            // sentence's end for nothing); a far one, the search resumes shortly before it.
            int after = m.Index + m.Length;
            int next = FirstAnchor(text.AsSpan(after, end - after));
            if (next < 0) break;
            int resume = SearchStart(text, after, after + next);
            m = resume == after ? m.NextMatch() : Pattern().Match(text, resume, end - resume);
        }
    }

    /// <summary>Where to search for an expression whose first anchor is at <paramref name="anchor"/>: at most <see cref="MaxLead"/> before it, at a word boundary, not before <paramref name="min"/>.</summary>
    private static int SearchStart(string text, int min, int anchor)
    {
        int from = Math.Max(min, anchor - MaxLead);
        while (from > min && IsWordChar(text[from - 1])) from--;
        return from;
    }

    /// <summary>A character the regex's <c>\b</c> counts as part of a word, so a search never starts inside one.</summary>
    private static bool IsWordChar(char c) =>
        char.IsLetterOrDigit(c) || c is '_' or '\u200D' or '\u200C'
        || char.GetUnicodeCategory(c) is System.Globalization.UnicodeCategory.NonSpacingMark or System.Globalization.UnicodeCategory.ConnectorPunctuation;

    /// <summary>Every expression of <see cref="Pattern"/> contains one of these words (weekdays and "today" end in "day").</summary>
    private static readonly string[] Anchors = ["day", "week", "month", "year", "tonight", "tomorrow", "hours"];

    /// <summary>
    /// The most text an expression holds before the first anchor in it: "more than one " before "year", "since Wednes"
    /// before "day", "eight " before "day" in "eight days ago".
    /// </summary>
    private const int MaxLead = 16;

    /// <summary>Offset of the first anchor word in <paramref name="range"/>, or -1: a range without one holds no expression (most sentences).</summary>
    private static int FirstAnchor(ReadOnlySpan<char> range)
    {
        int first = -1;
        foreach (var a in Anchors)
        {
            int i = (first < 0 ? range : range[..first]).IndexOf(a, StringComparison.Ordinal);
            if (i >= 0) first = i;
        }
        return first;
    }

    private static RelativeDate Read(Match m, DateOnly? reference, string sentence, ref bool? future)
    {
        int s = m.Index, e = s + m.Length;
        var surface = m.Value;
        string noRef = "no article date to read it against";
        if (m.Groups["wd"].Success)
        {
            var day = Enum.Parse<DayOfWeek>(m.Groups["wd"].Value);
            var mod = m.Groups["wmod"].Value;
            if (reference is not { } r) return new(s, e, surface, null, "day", noRef, "weekday");
            bool forward = mod == "next" || mod != "last" && (future ??= IsFuture(sentence));
            int delta = forward ? ((int)day - (int)r.DayOfWeek + 7) % 7 : -(((int)r.DayOfWeek - (int)day + 7) % 7);
            if (mod == "next" && delta == 0) delta = 7;
            if (mod == "last" && delta == 0) delta = -7;
            var basis = forward
                ? $"{day} on or after the article date ({(mod == "next" ? "next" : "future tense")})"
                : $"{day} on or before the article date ({(mod == "last" ? "last" : "past tense")})";
            return new(s, e, surface, r.AddDays(delta), "day", basis, "weekday");
        }
        if (m.Groups["deictic"].Success)
        {
            int delta = m.Groups["deictic"].Value switch { "yesterday" => -1, "tomorrow" => 1, _ => 0 };
            return new(s, e, surface, reference?.AddDays(delta), "day", reference is null ? noRef : "article date " + Signed(delta, "day"), "deictic");
        }
        if (m.Groups["unit"].Success)
        {
            var unit = m.Groups["unit"].Value;
            int step = m.Groups["umod"].Value switch { "last" or "past" => -1, "next" => 1, _ => 0 };
            if (reference is not { } r) return new(s, e, surface, null, Precision(unit), noRef, "relative-unit");
            return new(s, e, surface, Shift(r, unit, step, startOfUnit: true), Precision(unit),
                $"the {unit} {(step < 0 ? "before" : step > 0 ? "after" : "of")} the article date", "relative-unit");
        }
        if (m.Groups["count"].Success)
        {
            var unit = m.Groups["cunit"].Value;
            int n = ParseCount(m.Groups["count"].Value);
            int sign = m.Groups["dir"].Value is "ago" or "earlier" or "before" ? -1 : 1;
            if (reference is not { } r) return new(s, e, surface, null, Precision(unit), noRef, "counted-offset");
            return new(s, e, surface, Shift(r, unit, sign * n, startOfUnit: false), Precision(unit),
                "article date " + Signed(sign * n, unit), "counted-offset");
        }
        if (m.Groups["dur"].Success)
        {
            var unit = m.Groups["dunit"].Value;
            if (reference is not { } r) return new(s, e, surface, null, Precision(unit), noRef, "duration");
            return new(s, e, surface, Shift(r, unit, -1, startOfUnit: false), Precision(unit),
                $"a {unit} back from the article date (a duration up to it)", "duration");
        }
        return new(s, e, surface, null, "vague", $"{m.Groups["vague"].Value} {m.Groups["vdir"].Value} another event: no fixed date", "vague-offset");
    }

    private static string Precision(string unit) => unit switch { "weekend" => "week", var u => u };

    private static string Signed(int n, string unit) => n == 0 ? "itself" : $"{(n > 0 ? "+" : "−")}{Math.Abs(n)} {unit}{(Math.Abs(n) == 1 ? "" : "s")}";

    private static int ParseCount(string s) => s switch
    {
        "a" or "an" or "one" => 1, "two" => 2, "three" => 3, "four" => 4, "five" => 5, "six" => 6, "seven" => 7,
        "eight" => 8, "nine" => 9, "ten" => 10, _ => int.Parse(s),
    };

    private static DateOnly Shift(DateOnly r, string unit, int n, bool startOfUnit)
    {
        switch (unit)
        {
            case "day": return r.AddDays(n);
            case "week":
            case "weekend":
                var d = r.AddDays(7 * n);
                return startOfUnit ? d.AddDays(-(((int)d.DayOfWeek + 6) % 7)) : d;
            case "month":
                var mth = r.AddMonths(n);
                return startOfUnit ? new DateOnly(mth.Year, mth.Month, 1) : mth;
            default:
                var y = r.AddYears(n);
                return startOfUnit ? new DateOnly(y.Year, 1, 1) : y;
        }
    }
}
