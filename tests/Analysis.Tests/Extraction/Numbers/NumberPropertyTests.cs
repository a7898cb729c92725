using System.Globalization;
using System.Text;
using Analysis;
using CsCheck;

namespace Analysis.Tests.Extraction.Numbers;

/// <summary>
/// Generated numbers written the ways news writes them (digits with commas, spaces or thin spaces, scales, currency,
/// words with and without "and" and hyphens, ordinals, fractions, percentages, ranges) and read back.
/// </summary>
public class NumberPropertyTests
{
    private static readonly string[] Units = ["", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
        "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen"];
    private static readonly string[] Tens = ["", "", "twenty", "thirty", "forty", "fifty", "sixty", "seventy", "eighty", "ninety"];
    private static readonly string[] UnitOrdinals = ["", "first", "second", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
        "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth", "eighteenth", "nineteenth"];
    private static readonly string[] TensOrdinals = ["", "", "twentieth", "thirtieth", "fortieth", "fiftieth", "sixtieth", "seventieth", "eightieth", "ninetieth"];

    /// <summary>1–99 in words: "seventeen", "forty-two" or "forty two".</summary>
    private static string Below100(int n, bool hyphen) =>
        n < 20 ? Units[n] : Tens[n / 10] + (n % 10 == 0 ? "" : (hyphen ? "-" : " ") + Units[n % 10]);

    /// <summary>1–999: "three hundred and five" (British) or "three hundred five" (American).</summary>
    private static string Below1000(int n, bool and, bool hyphen)
    {
        if (n < 100) return Below100(n, hyphen);
        var s = Units[n / 100] + " hundred";
        return n % 100 == 0 ? s : s + (and ? " and " : " ") + Below100(n % 100, hyphen);
    }

    /// <summary>Any number below a trillion in words.</summary>
    internal static string Words(long n, bool and, bool hyphen)
    {
        var parts = new List<string>();
        foreach (var (scale, name) in new[] { (1_000_000_000L, "billion"), (1_000_000L, "million"), (1_000L, "thousand") })
            if (n >= scale) { parts.Add(Below1000((int)(n / scale), and, hyphen) + " " + name); n %= scale; }
        if (n > 0) parts.Add(n < 100 && parts.Count > 0 && and ? "and " + Below100((int)n, hyphen) : Below1000((int)n, and, hyphen));
        return string.Join(" ", parts);
    }

    private static string OrdinalWords(int n, bool hyphen) =>
        n < 20 ? UnitOrdinals[n] : n % 10 == 0 ? TensOrdinals[n / 10] : Tens[n / 10] + (hyphen ? "-" : " ") + UnitOrdinals[n % 10];

    private static string Grouped(long n, string separator) =>
        n.ToString("#,0", CultureInfo.InvariantCulture).Replace(",", separator);

    private static Number Single(string sentence)
    {
        var found = Analysis.Numbers.Find(sentence);
        Assert.True(found.Count == 1, $"{sentence}: {string.Join(", ", found.Select(n => $"{n.Surface}={n.Value} ({n.Rule})"))}");
        return found[0];
    }

    private static void ReadsBack(string sentence, double value)
    {
        var n = Single(sentence);
        Assert.True(LabelledNumber.Same(n.Value, value), $"{sentence}: read {n.Value} from '{n.Surface}', expected {value}");
    }

    [Fact]
    public void DigitsWithSeparatorsReadBack() =>
        Gen.Select(Gen.Long[0, 999_999_999_999], Gen.Int[0, 3]).Sample((n, style) =>
        {
            string written = style switch
            {
                0 => n.ToString(CultureInfo.InvariantCulture),
                1 => Grouped(n, ","),
                2 => Grouped(n, "\u2009"),
                // Plain spaces only where at least two groups follow ("1 234 567"): "3 100" is two numbers.
                _ => n >= 1_000_000 ? Grouped(n, " ") : Grouped(n, ","),
            };
            ReadsBack($"The audit counted {written} items.", n);
        }, iter: 3000);

    [Fact]
    public void WordsReadBack() =>
        Gen.Select(Gen.Long[1, 999_999_999_999], Gen.Bool, Gen.Bool).Sample((n, and, hyphen) =>
            ReadsBack($"The audit counted {Words(n, and, hyphen)} items.", n), iter: 3000);

    [Fact]
    public void ScaledDecimalsAndCurrencyReadBack() =>
        Gen.Select(Gen.Int[1, 9999], Gen.Int[0, 2], Gen.Int[0, 5]).Sample((k, decimals, form) =>
        {
            double v = k / Math.Pow(10, decimals);
            string num = v.ToString("0.##", CultureInfo.InvariantCulture);
            var (written, value) = form switch
            {
                0 => ($"{num} million", v * 1e6),
                1 => ($"${num}bn", v * 1e9),
                2 => ($"£{num}m", v * 1e6),
                3 => ($"{num}k", v * 1e3),
                4 => ($"€{num} billion", v * 1e9),
                _ => ($"{num}M", v * 1e6),
            };
            ReadsBack($"The firm reported {written} in sales.", value);
        }, iter: 2000);

    [Fact]
    public void OrdinalsReadBack() =>
        Gen.Select(Gen.Int[1, 99], Gen.Bool, Gen.Bool).Sample((n, digits, hyphen) =>
        {
            string suffix = n % 100 is 11 or 12 or 13 ? "th" : (n % 10) switch { 1 => "st", 2 => "nd", 3 => "rd", _ => "th" };
            string written = digits ? n.ToString(CultureInfo.InvariantCulture) + suffix : OrdinalWords(n, hyphen);
            var number = Single($"It was the {written} stage of the race.");
            Assert.Equal((double)n, number.Value);
            Assert.Equal(NumberKind.Ordinal, number.Kind);
        }, iter: 1000);

    [Fact]
    public void FractionsReadBack() =>
        Gen.Select(Gen.Int[1, 9], Gen.Int[3, 10], Gen.Bool).Where((num, den, _) => num < den).Sample((num, den, hyphen) =>
        {
            string denominator = UnitOrdinals[den] + (num > 1 ? "s" : "");
            var number = Single($"About {Units[num]}{(hyphen ? "-" : " ")}{denominator} of the budget was spent.");
            Assert.Equal((double)num / den, number.Value, 9);
            Assert.Equal(NumberKind.Fraction, number.Kind);
            Assert.Equal(Qualifier.Approximately, number.Qualifier);
        }, iter: 500);

    [Fact]
    public void PercentagesAndNegativesReadBack() =>
        Gen.Select(Gen.Int[0, 99999], Gen.Int[0, 3], Gen.Bool).Sample((k, form, negative) =>
        {
            double v = k / 100.0;
            string num = v.ToString("0.##", CultureInfo.InvariantCulture);
            string sign = negative ? "-" : "";
            string written = form switch { 0 => $"{sign}{num}%", 1 => $"{sign}{num} per cent", 2 => $"{sign}{num} percent", _ => $"{(negative ? "minus " : "")}{num} percent" };
            var number = Single($"Growth was {written} last quarter.");
            Assert.Equal(negative ? -v : v, number.Value, 9);
            Assert.Equal(NumberKind.Percent, number.Kind);
        }, iter: 2000);

    [Fact]
    public void RangesShareTheirUnitAndReadBothEnds() =>
        // In words, a lower end under a thousand before an upper end over it shares the upper end's scale in news
        // usage ("two to four thousand" is 2,000-4,000), so "two to four thousand eight hundred" is not generated.
        Gen.Select(Gen.Int[1, 9999], Gen.Int[1, 9999], Gen.Int[0, 3]).Where((a, b, form) => a < b && !(form == 3 && a < 1000 && b >= 1000)).Sample((a, b, form) =>
        {
            string written = form switch
            {
                0 => $"between {a:#,0} and {b:#,0}",
                1 => $"${a:#,0} to ${b:#,0}",
                2 => $"{a}-{b}%",
                _ => $"about {Words(a, true, true)} to {Words(b, true, true)}",
            };
            var number = Single($"Estimates put it at {written} this week.");
            Assert.Equal((a, b), (number.Value, number.High!.Value));
            Assert.Equal(Qualifier.Range, number.Qualifier);
        }, iter: 1000);

    [Fact]
    public void AnyTextGivesValidSpans() =>
        Gen.Char["0123456789,.-–%$£€ abcdehimnorstwyk-'\n\u2009()\"—:/@#"].Array[0, 300].Select(a => new string(a)).Sample(text =>
        {
            foreach (var n in Analysis.Numbers.Find(text))
            {
                Assert.InRange(n.Start, 0, n.NumberStart);
                Assert.InRange(n.NumberStart, n.Start, n.End);
                Assert.InRange(n.End, n.Start, text.Length);
                Assert.Equal(n.Surface, text[n.Start..n.End]);
                Assert.False(double.IsNaN(n.Value) || double.IsInfinity(n.Value), n.Surface);
            }
        }, iter: 4000);
}
