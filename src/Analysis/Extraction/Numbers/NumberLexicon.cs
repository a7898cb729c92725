namespace Analysis;

/// <summary>Kinds of number words the grammar composes.</summary>
internal enum WordKind : byte { None, Unit, Teen, Tens, Hundred, Scale, Dozen, Ordinal, A, And, Half, Vague }

/// <summary>
/// Closed word lists of the number grammar, looked up without allocating: the word is lower-cased into a
/// stack buffer and matched by a span switch.
/// </summary>
internal static class NumberLexicon
{
    /// <summary>Denominator of a fraction word ("thirds" = 3, "quarter" = 4, "halves" = 2), or 0. "second(s)" is left
    /// out: after a number it is a unit of time.</summary>
    internal static int Denominator(ReadOnlySpan<char> w, out bool plural)
    {
        plural = w.Length > 4 && w[^1] == 's';
        var s = w is "halves" ? "half" : plural ? w[..^1] : w;
        return s switch
        {
            "half" => 2, "third" => 3, "quarter" or "fourth" => 4, "fifth" => 5, "sixth" => 6, "seventh" => 7, "eighth" => 8,
            "ninth" => 9, "tenth" => 10, "twelfth" => 12, "twentieth" => 20, "hundredth" => 100, "thousandth" => 1000,
            _ => 0,
        };
    }

    /// <summary>Words before a bare ordinal that make it a rank ("finished second", "came third").</summary>
    internal static bool IsRankVerb(ReadOnlySpan<char> w) =>
        w is "finished" or "finish" or "finishing" or "finishes" or "came" or "come" or "comes" or "coming" or "placed" or "ranked"
            or "ranks" or "rank" or "ended" or "end" or "ends" or "slipped" or "dropped" or "rose" or "climbed" or "fell" or "moved";

    /// <summary>Verbs before an emergency or service number ("called 911", "dial 999").</summary>
    internal static bool IsCallVerb(ReadOnlySpan<char> w) =>
        w is "call" or "called" or "calling" or "calls" or "dial" or "dialled" or "dialed" or "dialling" or "dialing" or "ring"
            or "rang" or "phoned" or "phone" or "text" or "texted";

    internal const int MaxWord = 12;

    /// <summary>Lower-cases <paramref name="word"/> into <paramref name="buffer"/>; false when too long.</summary>
    internal static bool Lower(ReadOnlySpan<char> word, Span<char> buffer, out ReadOnlySpan<char> lower)
    {
        lower = default;
        if (word.Length == 0 || word.Length > buffer.Length) return false;
        for (int i = 0; i < word.Length; i++)
        {
            char c = word[i];
            buffer[i] = c is >= 'A' and <= 'Z' ? (char)(c + 32) : c;
        }
        lower = buffer[..word.Length];
        return true;
    }

    internal static WordKind Number(ReadOnlySpan<char> w, out double value)
    {
        value = 0;
        switch (w)
        {
            case "one": value = 1; return WordKind.Unit;
            case "two": value = 2; return WordKind.Unit;
            case "three": value = 3; return WordKind.Unit;
            case "four": value = 4; return WordKind.Unit;
            case "five": value = 5; return WordKind.Unit;
            case "six": value = 6; return WordKind.Unit;
            case "seven": value = 7; return WordKind.Unit;
            case "eight": value = 8; return WordKind.Unit;
            case "nine": value = 9; return WordKind.Unit;
            case "ten": value = 10; return WordKind.Teen;
            case "eleven": value = 11; return WordKind.Teen;
            case "twelve": value = 12; return WordKind.Teen;
            case "thirteen": value = 13; return WordKind.Teen;
            case "fourteen": value = 14; return WordKind.Teen;
            case "fifteen": value = 15; return WordKind.Teen;
            case "sixteen": value = 16; return WordKind.Teen;
            case "seventeen": value = 17; return WordKind.Teen;
            case "eighteen": value = 18; return WordKind.Teen;
            case "nineteen": value = 19; return WordKind.Teen;
            case "twenty": value = 20; return WordKind.Tens;
            case "thirty": value = 30; return WordKind.Tens;
            case "forty": value = 40; return WordKind.Tens;
            case "fifty": value = 50; return WordKind.Tens;
            case "sixty": value = 60; return WordKind.Tens;
            case "seventy": value = 70; return WordKind.Tens;
            case "eighty": value = 80; return WordKind.Tens;
            case "ninety": value = 90; return WordKind.Tens;
            case "hundred": value = 100; return WordKind.Hundred;
            case "thousand": value = 1e3; return WordKind.Scale;
            case "million": value = 1e6; return WordKind.Scale;
            case "billion": value = 1e9; return WordKind.Scale;
            case "trillion": value = 1e12; return WordKind.Scale;
            case "dozen": value = 12; return WordKind.Dozen;
            case "a": case "an": value = 1; return WordKind.A;
            case "and": return WordKind.And;
            case "half": value = 0.5; return WordKind.Half;
            case "first": value = 1; return WordKind.Ordinal;
            case "second": value = 2; return WordKind.Ordinal;
            case "third": value = 3; return WordKind.Ordinal;
            case "fourth": value = 4; return WordKind.Ordinal;
            case "fifth": value = 5; return WordKind.Ordinal;
            case "sixth": value = 6; return WordKind.Ordinal;
            case "seventh": value = 7; return WordKind.Ordinal;
            case "eighth": value = 8; return WordKind.Ordinal;
            case "ninth": value = 9; return WordKind.Ordinal;
            case "tenth": value = 10; return WordKind.Ordinal;
            case "eleventh": value = 11; return WordKind.Ordinal;
            case "twelfth": value = 12; return WordKind.Ordinal;
            case "thirteenth": value = 13; return WordKind.Ordinal;
            case "fourteenth": value = 14; return WordKind.Ordinal;
            case "fifteenth": value = 15; return WordKind.Ordinal;
            case "sixteenth": value = 16; return WordKind.Ordinal;
            case "seventeenth": value = 17; return WordKind.Ordinal;
            case "eighteenth": value = 18; return WordKind.Ordinal;
            case "nineteenth": value = 19; return WordKind.Ordinal;
            case "twentieth": value = 20; return WordKind.Ordinal;
            case "thirtieth": value = 30; return WordKind.Ordinal;
            case "fortieth": value = 40; return WordKind.Ordinal;
            case "fiftieth": value = 50; return WordKind.Ordinal;
            case "sixtieth": value = 60; return WordKind.Ordinal;
            case "seventieth": value = 70; return WordKind.Ordinal;
            case "eightieth": value = 80; return WordKind.Ordinal;
            case "ninetieth": value = 90; return WordKind.Ordinal;
            case "hundredth": value = 100; return WordKind.Ordinal;
            case "dozens": value = 24; return WordKind.Vague;
            case "scores": value = 40; return WordKind.Vague;
            case "tens": value = 20; return WordKind.Vague;
            case "hundreds": value = 200; return WordKind.Vague;
            case "thousands": value = 2e3; return WordKind.Vague;
            case "millions": value = 2e6; return WordKind.Vague;
            case "billions": value = 2e9; return WordKind.Vague;
            default: return WordKind.None;
        }
    }

    /// <summary>Exclusive upper end of a vague plural ("hundreds of" = 200 up to 1,000), by its lower bound.</summary>
    internal static double VagueHigh(double low) => low switch
    {
        24 => 144,
        40 => 200,
        _ => low * 5,
    };

    /// <summary>Normalized unit of a unit word (singular or plural), or null.</summary>
    internal static string? Unit(ReadOnlySpan<char> w, out bool plural)
    {
        plural = w.Length > 3 && w[^1] == 's';
        ReadOnlySpan<char> s = plural ? w[..^1] : w;
        return s switch
        {
            "second" or "sec" => "second",
            "minute" or "min" => "minute",
            "hour" or "hr" => "hour",
            "day" => "day",
            "week" => "week",
            "fortnight" => "fortnight",
            "month" => "month",
            "year" => "year",
            "decade" => "decade",
            "century" => "century",
            "mile" => "mile",
            "km" or "kilometre" or "kilometer" => "km",
            "metre" or "meter" => "metre",
            "cm" or "centimetre" or "centimeter" => "cm",
            "mm" or "millimetre" or "millimeter" => "mm",
            "foot" or "feet" or "ft" => "foot",
            "tonne" or "ton" => "tonne",
            "kg" or "kilogram" or "kilo" => "kg",
            "barrel" => "barrel",
            "point" => "point",
            "dollar" => "USD",
            "euro" => "EUR",
            "pound" => "GBP",
            "yen" => "JPY",
            "yuan" => "CNY",
            "rupee" => "INR",
            "rouble" or "ruble" => "RUB",
            _ => null,
        };
    }

    /// <summary>Units whose singular, hyphenated form makes a compound adjective ("30-day", "two-week").</summary>
    internal static bool IsTimeOrDistance(string unit) => unit is "second" or "minute" or "hour" or "day" or "week" or "fortnight"
        or "month" or "year" or "decade" or "century" or "mile" or "km" or "metre" or "cm" or "mm" or "foot" or "tonne" or "kg" or "point";

    internal static bool IsDuration(string unit) => unit is "second" or "minute" or "hour" or "day" or "week" or "fortnight"
        or "month" or "year" or "decade" or "century";

    internal static bool IsWeekday(ReadOnlySpan<char> w) =>
        w is "Monday" or "Tuesday" or "Wednesday" or "Thursday" or "Friday" or "Saturday" or "Sunday";

    /// <summary>Words that may stand before an ordinal ("his fifth visit", "the third stage"); not "a", which makes fractions ("a third").</summary>
    internal static bool IsDeterminer(ReadOnlySpan<char> w) =>
        w is "the" or "his" or "her" or "its" or "their" or "our" or "my" or "your" or "this" or "that" or "every"
            || w.EndsWith("'s") || w.EndsWith("’s");

    internal static readonly string[] MonthShort = ["", "Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"];
}
