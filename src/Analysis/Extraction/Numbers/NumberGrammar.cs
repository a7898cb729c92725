namespace Analysis;

/// <summary>A number expression the grammar recognized; <see cref="Numbers"/> adds the qualifier and joins ranges.</summary>
internal struct NumberMatch
{
    /// <summary>Span of sign, currency, number, scale and unit in the text.</summary>
    public int Start, End;
    public double Value;
    /// <summary>Upper end for ranges and vague plurals; the second number of a score.</summary>
    public double? High;
    /// <summary>Half-width of the rounding the written precision implies ("1.2 million" = ±50,000).</summary>
    public double Half;
    /// <summary>The scale written with the number ("million", "bn"), 1 when none: "1 to 2 million" shares it.</summary>
    public double Scale;
    public string Unit;
    public string Rule;
    public bool InWords;
    /// <summary>Written with decimals ("2.5").</summary>
    public bool Decimal;
    /// <summary>A hyphenated adjective ("30-day", "500-seat"): the next word is what is measured.</summary>
    public bool Compound;
    /// <summary>Set by the grammar when the form decides it (ordinal, fraction, score, …); else derived from the unit.</summary>
    public NumberKind Kind;
    /// <summary>Start of the qualifier ("about", "between") or <see cref="Start"/>; set by <see cref="Numbers"/>.</summary>
    public int Lead;
    public Qualifier Qualifier;
}

/// <summary>
/// A hand-written, single-pass scanner for English number expressions. Each position is examined a bounded
/// number of times, so the scan is linear in the text length and allocates only the matches it returns.
/// Rules that decide what is NOT a number (dates' days, identifiers, phone numbers, times, URLs) live here too,
/// each commented where it applies.
/// </summary>
internal static class NumberGrammar
{
    private const int MaxDigits = 15;

    /// <summary>Appends every number expression in <paramref name="text"/>[from, to) to <paramref name="into"/>.</summary>
    public static void Scan(string text, int from, int to, List<NumberMatch> into)
    {
        int i = from;
        while (i < to)
        {
            char c = text[i];
            int next;
            if (char.IsAsciiDigit(c) || Currency(c) is not null) next = Digits(text, i, to, into, -1);
            else if (c is '-' or '−' && i + 1 < to && char.IsAsciiDigit(text[i + 1]) && NegativeSign(text, i)) next = Digits(text, i + 1, to, into, i);
            else if (char.IsLetter(c))
            {
                int we = WordEnd(text, i, to);
                // "no-one", "multi-million": a word glued after a hyphen is part of another word.
                bool wordStart = i == 0 || !char.IsLetterOrDigit(text[i - 1]) && !(text[i - 1] == '-' && i >= 2 && char.IsLetter(text[i - 2]));
                if (wordStart && UrlStart(text, i, to)) next = NonSpaceEnd(text, i, to);
                else next = we - i <= NumberLexicon.MaxWord && MayStartNumberWord(c) && wordStart
                    ? Math.Max(Words(text, i, we, to, into), we) : we;
            }
            // Handles and hashtags ("@user2024", "#Vote2020") are names, not numbers.
            else if (c is '@' or '#') next = NonSpaceEnd(text, i, to);
            else next = i + 1;
            i = next > i ? next : i + 1;
        }
    }

    /// <summary>Initials of every number word (one … trillion, dozen, half, a, ordinals, vague plurals, minus, twice, zero): a cheap pre-filter.</summary>
    private static bool MayStartNumberWord(char c) =>
        (c | 0x20) is 'o' or 't' or 'f' or 's' or 'e' or 'n' or 'h' or 'm' or 'b' or 'd' or 'a' or 'z';

    /// <summary>A minus sign, not a hyphen or a dash between numbers: after a space, a bracket or the start, not after "3 ".</summary>
    private static bool NegativeSign(string text, int i)
    {
        if (i == 0) return true;
        char p = text[i - 1];
        if (p is '(' or '[' or '\n' or '"' or '“') return true;
        return p == ' ' && !(i >= 2 && (char.IsAsciiDigit(text[i - 2]) || text[i - 2] is '%'));
    }

    private static bool UrlStart(string text, int i, int to) =>
        text.AsSpan(i, Math.Min(8, to - i)) is var s
        && (s.StartsWith("http://", StringComparison.OrdinalIgnoreCase) || s.StartsWith("https://", StringComparison.OrdinalIgnoreCase)
            || s.StartsWith("www.", StringComparison.OrdinalIgnoreCase));

    private static int NonSpaceEnd(string text, int i, int to)
    {
        while (i < to && !char.IsWhiteSpace(text[i])) i++;
        return i;
    }

    // ---- digits -----------------------------------------------------------------------------------------------

    private struct Numeral
    {
        public int Start, End, Decimals, TrailingZeros, IntDigits;
        public double Value, Scale;
        public string Unit;
        public bool Grouped, Ordinal, Currency, LeadingZero, Decade;
    }

    private static int Digits(string text, int i, int to, List<NumberMatch> into, int signStart)
    {
        if (signStart < 0 && PhoneEnd(text, i, to) is > 0 and var phoneEnd) return phoneEnd;
        if (!ParseNumeral(text, i, to, out var a, out int skip)) return skip;
        if (signStart >= 0) { a.Start = signStart; a.Value = -a.Value; }
        int end = a.End;
        bool plain = !a.Currency && a.Scale == 1 && a.Unit.Length == 0 && a.Decimals == 0;

        // Codes with a leading zero ("0800", "007") and emergency numbers after a call verb ("called 911") are not quantities.
        if (a.LeadingZero) return Math.Max(end, CodeEnd(text, a.Start, to));
        if (plain && a.IntDigits == 3 && PrevWord(text, a.Start, out int cs, out int ce) && NumberLexicon.IsCallVerb(text.AsSpan(cs, ce - cs)))
            return end;
        if (a.Decade)
        {
            into.Add(new NumberMatch { Start = a.Start, End = end, Value = a.Value, Scale = 1, Unit = "", Rule = "decade", Kind = NumberKind.Year });
            return end;
        }

        if (end + 1 < to && text[end] is '-' or '–' && (char.IsAsciiDigit(text[end + 1]) || Currency(text[end + 1]) is not null))
            return DashPair(text, a, to, into);

        bool compound = false;
        var kind = NumberKind.Cardinal;
        string rule = a.Scale != 1 ? "digits-scale" : a.Ordinal ? "ordinal-digits" : a.Unit == "percent" ? "percent" : "digits";
        if (!a.Ordinal && end + 1 < to && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            // "30-day window", "48-hour", "11-year-old", "a 500-strong crowd", "10-fold", "a 500-seat hall".
            int c = Compound(text, end, to, ref a.Unit, ref kind, out rule);
            if (c < 0) return WordEnd(text, end + 1, to);
            if (rule == "compound-noun") { into.Add(Plain(a, end, rule, kind, compound: true)); return c; }
            end = c; compound = true;
        }
        else if (!a.Ordinal)
        {
            end = UnitWords(text, end, to, ref a.Unit, out bool any);
            if (any && a.Unit.Length > 0 && rule == "digits") rule = "digits-unit";
            if (TimesFollows(text, end, to, out int timesEnd)) { end = timesEnd; a.Unit = "times"; kind = NumberKind.Multiplier; rule = "multiplier"; }
        }

        // Not numbers: times ("3 pm"), identifiers ("Resolution 1701"). Calendar dates ("Oct. 22") are removed with
        // the shared date recognizer.
        if (IsTime(text, end, to)) return end;
        if ((plain || !a.Currency && a.Scale == 1 && a.Unit.Length == 0) && !a.Ordinal && IsIdentifier(text, a.Start)) return end;
        // Years: "in 2019"; "2000 people" is a count.
        if (IsYear(a) && a.Unit.Length == 0 && !PluralFollows(text, end, to))
        {
            into.Add(Plain(a, end, "year", NumberKind.Year, false));
            return end;
        }
        if (a.Ordinal) kind = NumberKind.Ordinal;
        into.Add(Plain(a, end, rule, kind, compound));
        return end;
    }

    private static NumberMatch Plain(in Numeral a, int end, string rule, NumberKind kind, bool compound) => new()
    {
        Start = a.Start, End = end, Value = a.Value * a.Scale, Half = Rounding(a), Scale = a.Scale, Unit = a.Unit, Rule = rule,
        Compound = compound, Kind = kind, Decimal = a.Decimals > 0,
    };

    /// <summary>
    /// "20-30", "$20-30bn", "20–30%" are ranges (the second part larger); "234-193", "3-1", set scores in runs
    /// ("6-4 6-3") and results after a sports or vote word are scores; "2019-20" is a span of years.
    /// </summary>
    private static int DashPair(string text, Numeral a, int to, List<NumberMatch> into)
    {
        int end = a.End;
        if (!ParseNumeral(text, end + 1, to, out var b, out int skip2, rangeEnd: true)) return skip2;
        if (a.Ordinal || b.Ordinal || a.LeadingZero) return b.End;
        // "1990-95", "2019-2020" (but "1806-2020%" is a range of percentages).
        if (IsYear(a) && !b.Currency && b.Scale == 1 && b.Unit.Length == 0)
        {
            if (b.Decimals == 0 && (b.IntDigits == 2 || IsYear(b)))
            {
                double high = b.IntDigits == 2 ? Math.Floor(a.Value / 100) * 100 + b.Value : b.Value;
                if (high > a.Value)
                    into.Add(new NumberMatch { Start = a.Start, End = b.End, Value = a.Value, High = high, Scale = 1, Unit = "", Rule = "year-span", Kind = NumberKind.Year });
            }
            return b.End;
        }
        bool plainPair = !a.Currency && !b.Currency && a.Scale == 1 && b.Scale == 1 && a.Unit.Length == 0 && b.Unit.Length == 0
                         && a.Decimals == 0 && b.Decimals == 0 && a.Value >= 0;
        if (plainPair && (b.Value <= a.Value || ScoreRun(text, a.Start, b.End, to) || ScoreContext(text, a.Start) && !NounFollows(text, b.End, to)))
        {
            // "5-6 March" is a span of days, not a score; the date recognizer takes it.
            if (DayMonthFollows(text, b.End, to)) return b.End;
            into.Add(new NumberMatch { Start = a.Start, End = b.End, Value = a.Value, High = b.Value, Scale = 1, Unit = "", Rule = "score-dash", Kind = NumberKind.Score });
            return b.End;
        }
        if (a.Scale == 1 && b.Scale != 1) a.Scale = b.Scale;
        if (a.Unit.Length == 0) a.Unit = b.Unit;
        double low = a.Value * a.Scale, top = b.Value * b.Scale;
        if (!(low < top) || a.Unit != b.Unit && b.Unit.Length > 0) return b.End;
        if (DayMonthFollows(text, b.End, to)) return b.End;
        int rEnd = UnitWords(text, b.End, to, ref a.Unit, out _);
        into.Add(new NumberMatch
        {
            Start = a.Start, End = rEnd, Value = low, High = top, Scale = a.Scale, Unit = a.Unit, Rule = "range-dash", Kind = NumberKind.Range,
            Decimal = a.Decimals > 0 || b.Decimals > 0,
        });
        return rEnd;
    }

    private static bool DayMonthFollows(string text, int end, int to) =>
        end + 1 < to && text[end] == ' ' && char.IsUpper(text[end + 1])
        && AbsoluteDates.MonthNumber(text[(end + 1)..WordEnd(text, end + 1, to)]) is not null;

    /// <summary>Currency, digits with separators and decimals, attached suffix (m, bn, th, %) and a following scale word.</summary>
    private static bool ParseNumeral(string text, int i, int to, out Numeral n, out int skip, bool rangeEnd = false)
    {
        n = new Numeral { Start = i, Scale = 1, Unit = "" };
        skip = i + 1;
        string? cur = Currency(text[i]);
        if (cur is not null)
        {
            if (i + 1 >= to || !char.IsAsciiDigit(text[i + 1])) return false;
            // "US$5bn": the "US" belongs to the currency sign.
            if (cur == "USD" && i >= 2 && text[i - 2] == 'U' && text[i - 1] == 'S' && (i == 2 || !char.IsLetterOrDigit(text[i - 3])))
                n.Start = i - 2;
            else if (!rangeEnd && !TokenStart(text, i)) { skip = SkipToken(text, i, to); return false; }
            n.Unit = cur; n.Currency = true;
            i++;
        }
        else if (!rangeEnd && !TokenStart(text, i)) { skip = SkipToken(text, i, to); return false; }

        int j = i, digits = 0;
        long whole = 0;
        bool overflow = false;
        n.LeadingZero = text[i] == '0' && i + 2 < to && char.IsAsciiDigit(text[i + 1]) && char.IsAsciiDigit(text[i + 2]);
        while (j < to && char.IsAsciiDigit(text[j])) Accumulate(text[j++], ref whole, ref digits, ref overflow);
        int firstGroup = digits;
        // Thousands separators: exactly three digits after each comma.
        while (firstGroup <= 3 && j + 3 < to && text[j] == ',' && Group(text, j, to))
        {
            for (int k = 1; k <= 3; k++) Accumulate(text[j + k], ref whole, ref digits, ref overflow);
            j += 4; n.Grouped = true;
        }
        // Spaces as separators ("1 234 567", thin or no-break spaces): a thin space always; a plain space only when at
        // least two groups follow, since "3 100" is more often two numbers than one.
        if (!n.Grouped && firstGroup <= 3 && j + 3 < to && text[j] is ' ' or '\u2009' or '\u202F' or '\u00A0' && Group(text, j, to)
            && (text[j] != ' ' || j + 7 < to && text[j + 4] == ' ' && Group(text, j + 4, to)))
        {
            char sep = text[j];
            while (j + 3 < to && text[j] == sep && Group(text, j, to))
            {
                for (int k = 1; k <= 3; k++) Accumulate(text[j + k], ref whole, ref digits, ref overflow);
                j += 4; n.Grouped = true;
            }
        }
        double frac = 0, scale = 0.1;
        if (j + 1 < to && text[j] == '.' && char.IsAsciiDigit(text[j + 1]))
        {
            j++;
            while (j < to && char.IsAsciiDigit(text[j]))
            {
                if (n.Decimals < 9) { frac += (text[j] - '0') * scale; scale /= 10; n.Decimals++; }
                j++;
            }
        }
        // Over-long digit runs, versions ("1.2.3"), malformed lists ("1,2"), times, ratios, slashed dates and e-mail
        // addresses are not numbers.
        if (overflow || j + 1 < to && (text[j] is '.' or ',' or '/' or ':') && char.IsAsciiDigit(text[j + 1]) || j < to && text[j] == '@')
        {
            skip = SkipToken(text, j, to);
            return false;
        }
        n.IntDigits = digits;
        n.Value = whole + frac;
        if (n.Decimals == 0 && whole > 0) for (long w = whole; w % 10 == 0; w /= 10) n.TrailingZeros++;

        if (j < to && char.IsLetter(text[j]))
        {
            int le = WordEnd(text, j, to);
            Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
            if (le < to && char.IsAsciiDigit(text[le]) || !NumberLexicon.Lower(text.AsSpan(j, le - j), buf, out var suf))
            {
                skip = SkipToken(text, j, to);
                return false;
            }
            switch (suf)
            {
                case "st" or "nd" or "rd" or "th" when n.Decimals == 0 && !n.Currency:
                    n.Ordinal = true; n.Unit = "ordinal"; break;
                // "10M" is ten million wherever it stands; lower-case "m" is ambiguous.
                case "m" when text[j] == 'M': n.Scale = 1e6; break;
                case "m" when !n.Currency && n.Decimals == 0 && !PluralFollows(text, le, to):
                    // "the 1,500m", "60m hurdles": without a currency, a whole number of m is metres unless people or things follow.
                    n.Unit = "metre"; break;
                case "m" or "mn": n.Scale = 1e6; break;
                case "bn" or "b": n.Scale = 1e9; break;
                case "tn" or "trn": n.Scale = 1e12; break;
                case "k": n.Scale = 1e3; break;
                case "p" when !n.Currency: n.Unit = "GBP"; n.Scale = 0.01; n.Currency = true; break;
                case "s" when n.IntDigits == 4 && n.Value is >= 1800 and <= 2090 && n.Value % 10 == 0 && !n.Grouped && !n.Currency:
                    // "the 1990s"
                    n.Decade = true; break;
                default:
                    var unit = NumberLexicon.Unit(suf, out _);
                    // "3pm", "8Jfne", "G8"-like tokens are not numbers.
                    if (unit is null || n.Currency) { skip = le; return false; }
                    n.Unit = unit; break;
            }
            j = le;
        }
        if (j < to && text[j] == '%' && !n.Ordinal) { n.Unit = "percent"; j++; }
        else if (!n.Ordinal && n.Scale == 1 && !n.Decade && j + 1 < to && text[j] == ' ' && char.IsLetter(text[j + 1]))
        {
            // "1.2 million", "15 thousand", "2.5 k", "$3 bn"
            int we = WordEnd(text, j + 1, to);
            Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
            if (NumberLexicon.Lower(text.AsSpan(j + 1, we - j - 1), buf, out var w) && (we == to || !char.IsAsciiDigit(text[we])))
            {
                if (NumberLexicon.Number(w, out double s) == WordKind.Scale) { n.Scale = s; j = we; }
                else if (w is "k" or "bn" or "mn" or "tn" || w is "m" && (n.Currency || text[j + 1] == 'M'))
                {
                    n.Scale = w is "k" ? 1e3 : w is "bn" ? 1e9 : w is "tn" ? 1e12 : 1e6; j = we;
                }
            }
            // "1.2 million and a half": half a million more.
            if (n.Scale > 1 && AndAHalf(text, j, to, out int halfEnd)) { n.Value += 0.5; j = halfEnd; }
        }
        n.End = j;
        return true;
    }

    private static bool Group(string text, int j, int to) =>
        char.IsAsciiDigit(text[j + 1]) && char.IsAsciiDigit(text[j + 2]) && char.IsAsciiDigit(text[j + 3])
        && (j + 4 >= to || !char.IsAsciiDigit(text[j + 4]));

    private static void Accumulate(char c, ref long whole, ref int digits, ref bool overflow)
    {
        if (++digits > MaxDigits) { overflow = true; return; }
        whole = whole * 10 + (c - '0');
    }

    /// <summary>Years: four digits from 1800 to 2099 without separator, currency, scale or decimals.</summary>
    private static bool IsYear(in Numeral n) =>
        n.IntDigits == 4 && !n.Grouped && n.Decimals == 0 && !n.Currency && n.Scale == 1 && !n.Ordinal && n.Value is >= 1800 and <= 2099;

    /// <summary>Round figures are read as rounded: ±half a step of the last written significant digit, from 1,000 up.</summary>
    private static double Rounding(in Numeral n)
    {
        double total = n.Value * n.Scale;
        if (n.Ordinal || Math.Abs(total) < 1000 && n.Scale == 1) return 0;
        double step = n.Decimals > 0 ? Math.Pow(10, -n.Decimals) : Math.Pow(10, n.TrailingZeros);
        // A bare "1,000" is not read as "somewhere in 500-1,500": the rounding never exceeds 5% of the value.
        return Math.Min(step * n.Scale / 2, Math.Abs(total) * 0.05);
    }

    /// <summary>
    /// Telephone numbers: "(555) 123-4567", "555-123-4567", "555-1234", "+44 20 7946 0000". Returns the end of the
    /// number, or 0.
    /// </summary>
    private static int PhoneEnd(string text, int i, int to)
    {
        if (i > 0 && text[i - 1] == '+') return NonSpaceOrDigitsEnd(text, i, to);
        int j = i;
        int first = Run(text, ref j, to);
        if (first == 3 && j + 1 < to && text[j] == '-')
        {
            int k = j + 1, second = Run(text, ref k, to);
            // "555-1234"; "200-1500" is a range (round groups).
            bool round = text[j - 1] == '0' && text[j - 2] == '0' || text[k - 1] == '0' && text[k - 2] == '0';
            bool after = k >= to || !char.IsAsciiDigit(text[k]) && text[k] != '%' && !char.IsLetter(text[k]) && !(text[k] == '-' && k + 1 < to && char.IsAsciiDigit(text[k + 1]));
            if (second == 4 && !round && after) return k;
            if (second == 3 && k + 1 < to && text[k] == '-')
            {
                int m = k + 1;
                if (Run(text, ref m, to) == 4) return m;
            }
        }
        // "(555) 123-4567": the area code in brackets.
        if (first == 3 && i > 0 && text[i - 1] == '(' && j + 2 < to && text[j] == ')' && text[j + 1] == ' ')
        {
            int k = j + 2, second = Run(text, ref k, to);
            if (second == 3 && k + 1 < to && text[k] is '-' or ' ')
            {
                int m = k + 1;
                if (Run(text, ref m, to) == 4) return m;
            }
        }
        return 0;
    }

    private static int Run(string text, ref int j, int to)
    {
        int s = j;
        while (j < to && char.IsAsciiDigit(text[j])) j++;
        return j - s;
    }

    /// <summary>End of a code written in digit groups ("0800 123 4567").</summary>
    private static int CodeEnd(string text, int i, int to)
    {
        while (i < to && (char.IsAsciiDigit(text[i]) || text[i] is ' ' or '-' && i + 1 < to && char.IsAsciiDigit(text[i + 1]))) i++;
        return i;
    }

    private static int NonSpaceOrDigitsEnd(string text, int i, int to)
    {
        // "+44 20 7946 0000": digit groups separated by single spaces or hyphens, nine digits or more.
        int digits = 0;
        while (i < to && (char.IsAsciiDigit(text[i]) || text[i] is ' ' or '-' && i + 1 < to && char.IsAsciiDigit(text[i + 1])))
            if (char.IsAsciiDigit(text[i++])) digits++;
        return digits >= 9 ? i : 0;
    }

    // ---- words ------------------------------------------------------------------------------------------------

    /// <summary>True when the word at <paramref name="ws"/> begins a sentence (after . ! ? or a line break, or at the start).</summary>
    private static bool IsSentenceStart(string text, int ws)
    {
        int q = ws - 1;
        while (q >= 0 && text[q] is ' ' or '"' or '“' or '‘' or '\'' or '(') q--;
        return q < 0 || text[q] is '.' or '!' or '?' or '\n' or ':';
    }

    private static int Words(string text, int ws, int we, int to, List<NumberMatch> into)
    {
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        if (!NumberLexicon.Lower(text.AsSpan(ws, we - ws), buf, out var w)) return we;
        var kind = NumberLexicon.Number(w, out double v);
        switch (kind)
        {
            case WordKind.None:
                return Special(text, ws, we, to, w, into);
            case WordKind.And:
                return we;
            case WordKind.Vague:
                return Vague(text, ws, we, to, v, into);
            case WordKind.Ordinal:
                return Ordinal(text, ws, we, to, v, into);
            case WordKind.A:
                int e = AWord(text, ws, we, to, into);
                if (e > 0) return e;
                break;
        }

        if (!Sequence(text, ws, to, out var seq))
        {
            if (kind == WordKind.Half && HalfOf(text, ws, we, to))
            {
                // "half of the voters", "half the budget"
                into.Add(new NumberMatch { Start = ws, End = we, Value = 0.5, Scale = 1, Unit = "fraction", Rule = "fraction-half", InWords = true, Kind = NumberKind.Fraction });
            }
            return we;
        }
        int end = seq.End;
        double value = seq.Value;
        if (seq.Ordinal)
        {
            into.Add(new NumberMatch { Start = ws, End = end, Value = value, Scale = 1, Unit = "ordinal", Rule = "ordinal-words", InWords = true, Kind = NumberKind.Ordinal });
            return end;
        }
        if (seq.Fraction)
        {
            into.Add(new NumberMatch { Start = ws, End = end, Value = value, Scale = 1, Unit = "fraction", Rule = "fraction-words", InWords = true, Kind = NumberKind.Fraction });
            return end;
        }
        // "Six Nations", "Guildford Four", "Group of Seven": a capitalized number word mid-sentence next to a capitalized
        // word is part of a name.
        if (char.IsUpper(text[ws]) && PrevWord(text, ws, out int nps, out int npe) && !(end < to && text[end] == '-'))
        {
            if (end + 1 < to && text[end] == ' ' && char.IsUpper(text[end + 1])) return WordEnd(text, end + 1, to);
            if (char.IsUpper(text[nps]) && !IsSentenceStart(text, nps)
                || text.AsSpan(nps, npe - nps) is "of" && PrevWord(text, nps, out int nps2, out _) && char.IsUpper(text[nps2]))
                return end;
        }
        // "six-to-one", "three-to-two": odds and tallies.
        if (end + 4 < to && text[end] == '-' && text.AsSpan(end + 1, 3).Equals("to-", StringComparison.OrdinalIgnoreCase)
            && Sequence(text, end + 4, to, out var second) && !second.Ordinal && !second.Fraction)
        {
            into.Add(new NumberMatch { Start = ws, End = second.End, Value = value, High = second.Value, Scale = 1, Unit = "", Rule = "score-words", InWords = true, Kind = NumberKind.Score });
            return second.End;
        }
        string unit = "";
        string rule = "words";
        bool compound = false;
        var k = NumberKind.Cardinal;
        if (end + 1 < to && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            // "two-week pause", "two-and-a-half-hour conversation", "tenfold"; "a four-star general" is a number in a
            // compound noun; "one-off" is an idiom.
            int c = Compound(text, end, to, ref unit, ref k, out rule);
            if (c < 0 || rule == "compound-noun" && value == 1) return c < 0 ? WordEnd(text, end + 1, to) : c;
            if (rule == "compound-noun")
            {
                into.Add(new NumberMatch { Start = ws, End = end, Value = value, Scale = 1, Unit = "", Rule = rule, InWords = true, Compound = true });
                return c;
            }
            end = c; compound = true;
        }
        else
        {
            end = UnitWords(text, end, to, ref unit, out _);
            if (TimesFollows(text, end, to, out int timesEnd)) { end = timesEnd; unit = "times"; k = NumberKind.Multiplier; rule = "multiplier"; }
        }
        if (seq.Words == 1 && value == 1 && unit.Length == 0)
        {
            // "no one", "the one who", "this one", "one another", "one's own" are pronouns, not counts.
            if (PronounOne(text, ws, end, to)) return end;
            rule = "word-one";
        }
        into.Add(new NumberMatch { Start = ws, End = end, Value = value, Scale = seq.Scale, Unit = unit, Rule = rule, InWords = true, Compound = compound, Kind = k });
        return end;
    }

    private static bool PronounOne(string text, int ws, int end, int to)
    {
        if (end < to && text[end] is '\'' or '’') return true;
        if (FollowedByWord(text, end, to, "another") || FollowedByWord(text, end, to, "that") || FollowedByWord(text, end, to, "who")
            || FollowedByWord(text, end, to, "which") || FollowedByWord(text, end, to, "whose")) return true;
        if (PrevWord(text, ws, out int ps, out int pe))
        {
            var p = text.AsSpan(ps, pe - ps);
            if (p.Equals("no", StringComparison.OrdinalIgnoreCase) || p.Equals("the", StringComparison.OrdinalIgnoreCase) || p is "anyone" or "someone")
                return true;
            // "this one", "which one", "the last one" are pronouns; "every one shot", "only one joint venture" count a noun.
            bool nounFollows = end + 1 < to && text[end] == ' ' && char.IsLower(text[end + 1]) && !FollowedByWord(text, end, to, "of")
                               && !FollowedByWord(text, end, to, "is") && !FollowedByWord(text, end, to, "was");
            if (p is "this" or "that" or "any" or "every" or "each" or "which" or "little" or "last" or "only" or "single") return !nounFollows;
        }
        return false;
    }

    /// <summary>"minus 3.5", "twice", "thrice", "tenfold", "zero".</summary>
    private static int Special(string text, int ws, int we, int to, ReadOnlySpan<char> w, List<NumberMatch> into)
    {
        if (w is "minus" && we + 1 < to && text[we] == ' ')
        {
            int before = into.Count;
            int e = char.IsAsciiDigit(text[we + 1]) ? Digits(text, we + 1, to, into, -1)
                : char.IsLetter(text[we + 1]) ? Words(text, we + 1, WordEnd(text, we + 1, to), to, into) : we;
            if (into.Count == before + 1 && into[before].Start == we + 1 && into[before].Kind is NumberKind.Cardinal)
            {
                var m = into[before];
                m.Start = ws; m.Value = -m.Value; m.Rule = "minus-" + m.Rule;
                into[before] = m;
            }
            return Math.Max(e, we);
        }
        double factor = w is "twice" ? 2 : w is "thrice" ? 3 : 0;
        if (factor == 0 && w.Length > 4 && w.EndsWith("fold") && NumberLexicon.Number(w[..^4], out double f) is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Hundred)
            factor = f;
        if (factor > 0)
        {
            into.Add(new NumberMatch { Start = ws, End = we, Value = factor, Scale = 1, Unit = "times", Rule = "multiplier", InWords = true, Kind = NumberKind.Multiplier });
            return we;
        }
        if (w is "zero")
        {
            int end = UnitWords(text, we, to, out string unit);
            into.Add(new NumberMatch { Start = ws, End = end, Value = 0, Scale = 1, Unit = unit, Rule = "words", InWords = true });
            return end;
        }
        return we;
    }

    /// <summary>
    /// A word ordinal. It needs a determiner ("his fifth visit", "the third stage"), a rank noun after it ("in third
    /// place") or a rank verb before it ("finished second"): "first reported" is not a number. Capitalized
    /// mid-sentence it names something ("the Second Lebanon War").
    /// </summary>
    private static int Ordinal(string text, int ws, int we, int to, double v, List<NumberMatch> into)
    {
        if (char.IsUpper(text[ws]) && ws > 0 && PrevWord(text, ws, out _, out _)) return we;
        // "second-hand", "third-party", "first-class": compounds that are not ranks; "third-round", "second-largest" are.
        bool rankCompound = RankCompound(text, we, to);
        if (we < to && text[we] == '-' && !rankCompound) return WordEnd(text, Math.Min(to, we + 1), to);
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        bool determined = false, ranked = false;
        if (PrevToken(text, ws, out int ps, out int pe) && NumberLexicon.Lower(text.AsSpan(ps, pe - ps), buf, out var det))
        {
            determined = NumberLexicon.IsDeterminer(det) || det is "a" or "an" && rankCompound;
            ranked = !determined && NumberLexicon.IsRankVerb(det);
            // "an historic third term", "the all-important fourth rubber": a determiner and one modifier before a rank
            // from third on ("first" and "second" are adverbs and verbs too often for this).
            if (!determined && !ranked && v >= 3 && PrevToken(text, ps, out int ps2, out int pe2) && NumberLexicon.Lower(text.AsSpan(ps2, pe2 - ps2), buf, out var det2))
                determined = (NumberLexicon.IsDeterminer(det2) || det2 is "a" or "an") && char.IsLower(text[ps]) && we + 1 < to && text[we] == ' ' && char.IsLower(text[we + 1]);
        }
        determined |= RankFollows(text, we, to);
        ranked &= !determined;
        if (!determined && !ranked) return we;
        into.Add(new NumberMatch
        {
            Start = ws, End = we, Value = v, Scale = 1, Unit = "ordinal", Rule = ranked ? "ordinal-rank" : "ordinal-words", InWords = true, Kind = NumberKind.Ordinal,
        });
        return rankCompound ? WordEnd(text, we + 1, to) : we;
    }

    /// <summary>
    /// After "a"/"an": "a third of" and "a quarter" are fractions, "an eighth term" an ordinal, "a decade and a half"
    /// one and a half decades. Returns the end of what it read, or 0 to let the sequence rules try ("a dozen").
    /// </summary>
    private static int AWord(string text, int ws, int we, int to, List<NumberMatch> into)
    {
        if (!(we + 1 < to && text[we] == ' ' && char.IsLetter(text[we + 1]))) return 0;
        int s2 = we + 1, e2 = WordEnd(text, s2, to);
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        if (!NumberLexicon.Lower(text.AsSpan(s2, e2 - s2), buf, out var w2)) return 0;
        int den = NumberLexicon.Denominator(w2, out bool plural);
        if (den > 0 && !plural)
        {
            // "a third of the budget", "a quarter." — a fraction; "an eighth term" — an ordinal.
            bool fraction = e2 >= to || text[e2] is not (' ' or '-') && !char.IsLetterOrDigit(text[e2])
                            || text[e2] == ' ' && e2 + 1 < to && !char.IsLetterOrDigit(text[e2 + 1])
                            || FollowedByWord(text, e2, to, "of") || FollowedByWord(text, e2, to, "less") || FollowedByWord(text, e2, to, "more");
            if (fraction)
            {
                into.Add(new NumberMatch { Start = ws, End = e2, Value = 1.0 / den, Scale = 1, Unit = "fraction", Rule = "fraction-a", InWords = true, Kind = NumberKind.Fraction });
                return e2;
            }
            if (w2 is not ("half" or "quarter") && OrdinalBeforeNoun(text, s2, e2, to, w2, into)) return OrdinalCompoundEnd(text, e2, to);
            return e2;
        }
        // "a second term", "a first Grand Slam" (but "a second later" is time)
        if (NumberLexicon.Number(w2, out _) == WordKind.Ordinal && OrdinalBeforeNoun(text, s2, e2, to, w2, into)) return OrdinalCompoundEnd(text, e2, to);
        // "a decade and a half", "an hour and a half"
        var unit = NumberLexicon.Unit(w2, out bool unitPlural);
        if (unit is not null && !unitPlural && NumberLexicon.IsDuration(unit) && AndAHalf(text, e2, to, out int halfEnd))
        {
            into.Add(new NumberMatch { Start = ws, End = halfEnd, Value = 1.5, Scale = 1, Unit = unit, Rule = "a-unit-and-a-half", InWords = true });
            return halfEnd;
        }
        return 0;
    }

    /// <summary>An ordinal after "a"/"an" numbers the noun that follows ("an eighth term", "a third-round loss").</summary>
    private static bool OrdinalBeforeNoun(string text, int s2, int e2, int to, ReadOnlySpan<char> w2, List<NumberMatch> into)
    {
        bool noun = e2 + 1 < to && text[e2] == ' ' && char.IsLetter(text[e2 + 1]) && !IsTimeWord(text, e2, to) || RankCompound(text, e2, to);
        if (!noun || NumberLexicon.Number(w2, out double ord) != WordKind.Ordinal) return false;
        into.Add(new NumberMatch { Start = s2, End = e2, Value = ord, Scale = 1, Unit = "ordinal", Rule = "ordinal-a", InWords = true, Kind = NumberKind.Ordinal });
        return true;
    }

    /// <summary>Words after "a second" that make it a moment, not a rank ("a second later", "a second or two").</summary>
    private static bool IsTimeWord(string text, int pos, int to)
    {
        foreach (var w in SecondFollowers)
            if (FollowedByWord(text, pos, to, w)) return true;
        return false;
    }

    private static readonly string[] SecondFollowers = ["or", "and", "later", "before", "after", "ago", "earlier", "to", "of", "in", "for", "too", "the", "a"];

    /// <summary>"third-round", "second-largest", "fourth-placed": a hyphenated word that keeps an ordinal a rank.</summary>
    private static bool RankCompound(string text, int end, int to)
    {
        if (!(end + 1 < to && text[end] == '-' && char.IsLetter(text[end + 1]))) return false;
        int we = WordEnd(text, end + 1, to);
        var w = text.AsSpan(end + 1, we - end - 1);
        return w is "round" or "place" or "placed" or "seeded" or "seed" or "quarter" or "largest" or "biggest" or "highest" or "best"
            or "worst" or "lowest" or "term" or "leg" or "generation" or "year" or "richest" or "tier" or "ranked" or "most" or "fastest";
    }

    private static int OrdinalCompoundEnd(string text, int end, int to) =>
        RankCompound(text, end, to) ? WordEnd(text, end + 1, to) : end;

    private static bool FollowedByWord(string text, int pos, int to, string word) =>
        pos + 1 + word.Length <= to && text[pos] == ' ' && text.AsSpan(pos + 1, word.Length).Equals(word, StringComparison.OrdinalIgnoreCase)
        && (pos + 1 + word.Length == to || !char.IsLetter(text[pos + 1 + word.Length]));

    /// <summary>"half of …", "half the …": a fraction unless it is a period of play ("the second half of the match").</summary>
    private static bool HalfOf(string text, int ws, int we, int to)
    {
        if (PrevWord(text, ws, out int ps, out int pe))
        {
            var p = text.AsSpan(ps, pe - ps);
            if (p is "first" or "second" or "the" or "a" or "and" or "this" or "that" or "other" or "by") return false;
        }
        foreach (var next in HalfDeterminers)
            if (FollowedByWord(text, we, to, next)) return true;
        return false;
    }

    private static readonly string[] HalfDeterminers = ["of", "the", "their", "its", "all", "those", "these", "his", "her", "our", "my", "your", "a", "an", "that", "this"];

    private struct WordSequence
    {
        public double Value, Scale;
        public int End, Words;
        public bool Ordinal, Fraction;
    }

    /// <summary>
    /// Composes number words: "twenty-three", "two hundred and fifty thousand", "two and a half", "a dozen",
    /// "half a million", "twenty-first" (an ordinal), "two-thirds" (a fraction).
    /// </summary>
    private static bool Sequence(string text, int ws, int to, out WordSequence seq)
    {
        double total = 0, cur = 0;
        var last = WordKind.None;
        seq = new WordSequence { End = ws, Scale = 1 };
        int pos = ws;
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        while (true)
        {
            int we = WordEnd(text, pos, to);
            if (!NumberLexicon.Lower(text.AsSpan(pos, we - pos), buf, out var w)) break;
            var kind = NumberLexicon.Number(w, out double v);
            int consumedEnd = we;
            bool ok;
            double nextCur = cur, nextTotal = total;
            if (seq.Words == 1 && last is WordKind.Unit or WordKind.Teen && NumberLexicon.Denominator(w, out bool plural) is > 0 and var den
                && (plural || cur == 1) && !(kind == WordKind.Half && cur != 1))
            {
                // "two-thirds", "three quarters", "one fifth"
                seq.Value = cur / den; seq.End = we; seq.Fraction = true; seq.Words++;
                return true;
            }
            switch (kind)
            {
                case WordKind.Unit:
                    ok = last is WordKind.None or WordKind.Hundred or WordKind.Scale or WordKind.And || last == WordKind.Tens && cur % 10 == 0;
                    nextCur = cur + v; break;
                case WordKind.Teen or WordKind.Tens:
                    ok = last is WordKind.None or WordKind.Hundred or WordKind.Scale or WordKind.And;
                    nextCur = cur + v; break;
                case WordKind.Hundred:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.A;
                    nextCur = Math.Max(cur, 1) * 100; break;
                case WordKind.Scale:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Hundred or WordKind.A or WordKind.Half;
                    nextTotal = total + Math.Max(cur, last == WordKind.Half ? 0.5 : 1) * v; nextCur = 0;
                    if (ok) seq.Scale = v;
                    break;
                case WordKind.Dozen:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.A or WordKind.Half;
                    nextCur = Math.Max(cur, last == WordKind.Half ? 0.5 : 1) * 12; break;
                case WordKind.Ordinal:
                    // "twenty-first", "one hundred and third": a compound ordinal ends the sequence.
                    ok = seq.Words > 0 && v < 20 && (last == WordKind.Tens && cur % 10 == 0 && v < 10 || last is WordKind.Hundred or WordKind.Scale or WordKind.And);
                    if (ok)
                    {
                        seq.Value = total + cur + v; seq.End = we; seq.Ordinal = true; seq.Words++;
                        return true;
                    }
                    break;
                case WordKind.A:
                    // "a dozen", "a million", "half a million": only when a scale word follows.
                    ok = last is WordKind.None or WordKind.Half && NextKind(text, we, to) is WordKind.Hundred or WordKind.Scale or WordKind.Dozen;
                    if (ok && last == WordKind.Half) { kind = WordKind.Half; }
                    break;
                case WordKind.Half:
                    // Only "half a …" at the start; "and a half" is handled under "and".
                    ok = last == WordKind.None && NextKind(text, we, to) == WordKind.A;
                    nextCur = 0; break;
                case WordKind.And:
                    if (pos > 0 && AndAHalf(text, pos - 1, to, out int halfEnd) && last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Scale or WordKind.Dozen)
                    {
                        // "two and a half"; "a million and a half" adds half the scale.
                        if (last == WordKind.Scale) nextTotal = total + 0.5 * seq.Scale; else nextCur = cur + 0.5;
                        consumedEnd = halfEnd; kind = WordKind.Half;
                        ok = true;
                    }
                    else ok = last is WordKind.Hundred or WordKind.Scale && NextKind(text, we, to) is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Ordinal;
                    break;
                default:
                    ok = false; break;
            }
            if (!ok) break;
            cur = nextCur; total = nextTotal;
            last = kind;
            if (kind is not (WordKind.And or WordKind.A) && !(kind == WordKind.Half && cur == 0 && total == 0))
            {
                seq.End = consumedEnd;
                seq.Words++;
            }
            pos = consumedEnd;
            if (!(pos + 1 < to && text[pos] is ' ' or '-' && char.IsLetter(text[pos + 1]))) break;
            pos++;
        }
        seq.Value = total + cur;
        return seq.Words > 0 && seq.Value > 0;
    }

    private static WordKind NextKind(string text, int pos, int to)
    {
        if (!(pos + 1 < to && text[pos] is ' ' or '-' && char.IsLetter(text[pos + 1]))) return WordKind.None;
        int we = WordEnd(text, pos + 1, to);
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        return NumberLexicon.Lower(text.AsSpan(pos + 1, we - pos - 1), buf, out var w) ? NumberLexicon.Number(w, out _) : WordKind.None;
    }

    /// <summary>True when " and a half" / "-and-a-half" starts at <paramref name="pos"/>; <paramref name="end"/> is after "half".</summary>
    private static bool AndAHalf(string text, int pos, int to, out int end)
    {
        end = pos;
        if (!(pos + 11 <= to && text[pos] is ' ' or '-')) return false;
        char sep = text[pos];
        var s = text.AsSpan(pos + 1, 10);
        if (!(s[..3].Equals("and", StringComparison.OrdinalIgnoreCase) && s[3] == sep && s[4] is 'a' or 'A' && s[5] == sep
              && s[6..].Equals("half", StringComparison.OrdinalIgnoreCase))) return false;
        if (pos + 11 < to && char.IsLetter(text[pos + 11])) return false;
        end = pos + 11;
        return true;
    }

    /// <summary>"hundreds of", "dozens of", "tens of thousands of", "scores of": a range from the plural's lower bound.</summary>
    private static int Vague(string text, int ws, int we, int to, double low, List<NumberMatch> into)
    {
        if (!FollowedByOf(text, we, to, out int ofEnd))
        {
            // "costs the industry millions", "worth billions": large vague plurals stand alone as amounts.
            if (low >= 2e6 && !(PrevWord(text, ws, out int ps, out int pe) && text.AsSpan(ps, pe - ps) is "the" or "their" or "in" or "by" or "of" or "for"))
                into.Add(new NumberMatch { Start = ws, End = we, Value = low, High = NumberLexicon.VagueHigh(low), Scale = 1, Unit = "", Rule = "vague-plural", InWords = true, Kind = NumberKind.Range });
            return we;
        }
        double high = NumberLexicon.VagueHigh(low);
        int end = we;
        // "tens of thousands of", "hundreds of millions of"
        if (ofEnd + 1 < to && char.IsLetter(text[ofEnd + 1]))
        {
            int w2 = WordEnd(text, ofEnd + 1, to);
            Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
            if (NumberLexicon.Lower(text.AsSpan(ofEnd + 1, w2 - ofEnd - 1), buf, out var w) && NumberLexicon.Number(w, out double v2) == WordKind.Vague
                && v2 >= 2000 && FollowedByOf(text, w2, to, out _))
            {
                low *= v2 / 2; high *= v2 / 2; end = w2;
            }
            else if (low == 20) return we;
        }
        into.Add(new NumberMatch { Start = ws, End = end, Value = low, High = high, Scale = 1, Unit = "", Rule = "vague-plural", InWords = true, Kind = NumberKind.Range });
        return end;
    }

    private static bool FollowedByOf(string text, int pos, int to, out int end)
    {
        end = pos + 3;
        return pos + 3 < to && text[pos] == ' ' && text[pos + 1] == 'o' && text[pos + 2] == 'f' && text[pos + 3] == ' ';
    }

    // ---- units and compounds ------------------------------------------------------------------------------------

    /// <summary>
    /// After a hyphen at <paramref name="hyphen"/>: a singular unit makes a compound adjective ("30-day", "11-year-old");
    /// "-strong" is a count; "-fold" a multiplier; another lower-case noun a number in a compound noun ("500-seat",
    /// "four-star"). Returns the end of the compound, or -1 when the hyphenated word is none of these.
    /// </summary>
    private static int Compound(string text, int hyphen, int to, ref string unit, ref NumberKind kind, out string rule)
    {
        rule = "compound-adjective";
        int ws = hyphen + 1, we = WordEnd(text, ws, to);
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        if (!NumberLexicon.Lower(text.AsSpan(ws, we - ws), buf, out var w)) return -1;
        if (w is "strong") return we;
        if (w is "fold") { unit = "times"; kind = NumberKind.Multiplier; rule = "multiplier"; return we; }
        var u = NumberLexicon.Unit(w, out bool plural);
        if (u is null || plural || !NumberLexicon.IsTimeOrDistance(u) || unit.Length > 0 && unit != "percent")
        {
            // A lower-case noun that is not a number word: "500-seat auditorium", "four-star general".
            if (unit.Length > 0 || !char.IsLower(text[ws]) || we < to && text[we] == '-' || NumberLexicon.Number(w, out _) != WordKind.None
                || NumberLexicon.Denominator(w, out _) > 0 || w is "to" or "and" or "or" or "year" or "years")
                return -1;
            rule = "compound-noun";
            return we;
        }
        unit = u;
        // "11-year-old": the age suffix belongs to the compound.
        if (we + 3 < to && text[we] == '-' && text.AsSpan(we + 1, 3).Equals("old", StringComparison.OrdinalIgnoreCase)
            && (we + 4 == to || !char.IsLetter(text[we + 4])))
        {
            we += 4;
            rule = "compound-age"; kind = NumberKind.Age;
        }
        return we;
    }

    private static int UnitWords(string text, int pos, int to, out string unit)
    {
        unit = "";
        return UnitWords(text, pos, to, ref unit, out _);
    }

    /// <summary>A unit after a space: "per cent", "percent", "percentage points", "hours", "dollars", "km".</summary>
    private static int UnitWords(string text, int pos, int to, ref string unit, out bool any)
    {
        any = false;
        if (!(pos + 1 < to && text[pos] == ' ' && char.IsLetter(text[pos + 1]))) return pos;
        int we = WordEnd(text, pos + 1, to);
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        if (!NumberLexicon.Lower(text.AsSpan(pos + 1, we - pos - 1), buf, out var w)) return pos;
        if (w is "percent" && unit.Length == 0) { unit = "percent"; any = true; return we; }
        if (w is "per" or "percentage" && unit.Length == 0 && we + 1 < to && text[we] == ' ')
        {
            int w2 = WordEnd(text, we + 1, to);
            var next = text.AsSpan(we + 1, w2 - we - 1);
            if (w is "per" && next.Equals("cent", StringComparison.OrdinalIgnoreCase)) { unit = "percent"; any = true; return w2; }
            if (w is "percentage" && (next.Equals("point", StringComparison.OrdinalIgnoreCase) || next.Equals("points", StringComparison.OrdinalIgnoreCase)))
            {
                unit = "percentage_point"; any = true; return w2;
            }
            return pos;
        }
        var u = NumberLexicon.Unit(w, out _);
        if (u is null) return pos;
        bool currencyWord = u.Length == 3 && char.IsUpper(u[0]);
        if (unit.Length > 0 && !(currencyWord && unit == u)) return pos;
        unit = u; any = true;
        return we;
    }

    /// <summary>"three times as many", "four times higher": a multiplier (not "three times this year").</summary>
    private static bool TimesFollows(string text, int pos, int to, out int end)
    {
        end = pos;
        if (!(pos + 6 < to && text[pos] == ' ' && text.AsSpan(pos + 1, 5).Equals("times", StringComparison.OrdinalIgnoreCase) && text[pos + 6] == ' '))
            return false;
        int ws = pos + 7, we = WordEnd(text, ws, to);
        var w = text.AsSpan(ws, we - ws);
        if (!(w is "as" or "more" or "less" or "higher" or "lower" or "larger" or "bigger" or "greater" or "faster" or "the" or "that"
              || w.Length > 3 && w.EndsWith("er"))) return false;
        end = pos + 6;
        return true;
    }

    private static bool RankFollows(string text, int pos, int to)
    {
        if (!(pos + 1 < to && text[pos] == ' ')) return false;
        var w = text.AsSpan(pos + 1, WordEnd(text, pos + 1, to) - pos - 1);
        return w is "place" or "position" or "spot";
    }

    /// <summary>A lower-case plural noun follows ("5m viewers", "2m people"), other than a race event ("60m hurdles").</summary>
    private static bool PluralFollows(string text, int pos, int to)
    {
        if (!(pos + 1 < to && text[pos] == ' ' && char.IsLower(text[pos + 1]))) return false;
        int we = WordEnd(text, pos + 1, to);
        var w = text.AsSpan(pos + 1, we - pos - 1);
        if (w is "hurdles" or "freestyle" or "breaststroke" or "backstroke" or "butterfly" or "relay" or "medley" or "steeplechase") return false;
        return w.Length > 3 && w[^1] == 's' && w[^2] != 's' && !w.EndsWith("ous") || w is "people" or "children" or "men" or "women";
    }

    /// <summary>A lower-case word follows (what a range counts: "20-30 people"), not a clause end.</summary>
    private static bool NounFollows(string text, int pos, int to) =>
        pos + 1 < to && text[pos] == ' ' && char.IsLower(text[pos + 1]) && !FollowedByWord(text, pos, to, "in")
        && !FollowedByWord(text, pos, to, "at") && !FollowedByWord(text, pos, to, "on") && !FollowedByWord(text, pos, to, "and")
        && !FollowedByWord(text, pos, to, "win") && !FollowedByWord(text, pos, to, "victory") && !FollowedByWord(text, pos, to, "defeat")
        && !FollowedByWord(text, pos, to, "vote") && !FollowedByWord(text, pos, to, "against");

    /// <summary>A sports result or vote word in the few words before a dash pair ("won 2-3", "lost 1-2", "voted 40-52").</summary>
    private static bool ScoreContext(string text, int start)
    {
        int p = start;
        Span<char> buf = stackalloc char[NumberLexicon.MaxWord];
        for (int words = 0; words < 4 && PrevWord(text, p, out int ps, out int pe); words++)
        {
            if (NumberLexicon.Lower(text.AsSpan(ps, pe - ps), buf, out var w)
                && w is "won" or "win" or "wins" or "beat" or "beats" or "lost" or "lose" or "loses" or "drew" or "draw" or "defeat"
                    or "defeated" or "victory" or "score" or "scored" or "scoreline" or "led" or "lead" or "leading" or "trailed" or "trailing"
                    or "vote" or "voted" or "votes" or "margin" or "beaten" or "thrashed" or "tally")
                return true;
            p = ps;
        }
        return false;
    }

    private static bool ScoreRun(string text, int start, int end, int to)
    {
        static bool Pair(string t, int i, int to) => i >= 0 && i + 2 < to && char.IsAsciiDigit(t[i]) && t[i + 1] is '-' or '–' && char.IsAsciiDigit(t[i + 2]);
        if (end + 1 < to && text[end] == ' ' && Pair(text, end + 1, to)) return true;
        if (end + 1 < to && text[end] == ' ' && text[end + 1] == '(' && Pair(text, end + 2, to)) return true;
        // "7-5 4-6", "(3-7) 6-3": another pair just before.
        if (start >= 4 && text[start - 1] == ' ' && Pair(text, start - 4, to)) return true;
        return start >= 6 && text[start - 1] == ' ' && text[start - 2] == ')' && Pair(text, start - 5, to);
    }

    private static string? Currency(char c) => c switch
    {
        '$' => "USD",
        '£' => "GBP",
        '€' => "EUR",
        '¥' => "JPY",
        _ => null,
    };

    // ---- negative rules -----------------------------------------------------------------------------------------

    /// <summary>A number starts a token unless glued to a word, a URL or another number ("mid-2005", "t.co/8J", "@x1", "%2D9").</summary>
    private static bool TokenStart(string text, int i)
    {
        if (i == 0) return true;
        char p = text[i - 1];
        if (char.IsLetterOrDigit(p) || p is '.' or ',' or '/' or ':' or '@' or '#' or '_' or '&' or '=' or '+' or '%' or '?') return false;
        return !(p is '-' && i >= 2 && char.IsLetterOrDigit(text[i - 2]));
    }

    private static int SkipToken(string text, int i, int to)
    {
        while (i < to && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or ',' or '/' or ':' or '-' or '_' or '%' or '@') && !(text[i] is '.' or ',' && (i + 1 >= to || text[i + 1] == ' ')))
            i++;
        return i;
    }

    private static bool IsTime(string text, int end, int to)
    {
        int p = end;
        if (p < to && text[p] == ' ') p++;
        int we = WordEnd(text, p, to);
        var w = text.AsSpan(p, we - p);
        if (w is "local" && FollowedByWord(text, we, to, "time")) return true;
        return w is "am" or "pm" or "GMT" or "BST" or "EST" or "GMT." || w is "a" or "p" && we + 2 < to && text[we] == '.' && text[we + 1] == 'm'
            || w is "o" && we < to && text[we] is '\'' or '’';
    }

    /// <summary>"Resolution 1701", "Boeing 747", "No. 10": a capitalized word (not sentence-initial, not a weekday) names the number.</summary>
    private static bool IsIdentifier(string text, int start)
    {
        if (start >= 2 && text[start - 1] == ' ' && text[start - 2] == '.')
        {
            // "No. 10"
            int q = start - 3, qe = q + 1;
            while (q >= 0 && char.IsLetter(text[q])) q--;
            return text.AsSpan(q + 1, qe - q - 1) is "No" or "Nos";
        }
        if (!PrevWord(text, start, out int ps, out int pe) || pe != start - 1) return false;
        var w = text.AsSpan(ps, pe - ps);
        // "version 4.7", "versions 2": software versions.
        if (w is "version" or "versions") return true;
        // "iTunes 4", "iPod 3": a capital inside the word names a product even when the word starts lower-case.
        if (!char.IsUpper(w[0])) return w.Length > 1 && w[1..].IndexOfAnyInRange('A', 'Z') >= 0;
        // "March 2005" is a date, "the Union's 70,000" a count: neither a month nor a possessive names the number.
        if (NumberLexicon.IsWeekday(w) || w[^1] is '\'' or '’' || w.EndsWith("'s") || w.EndsWith("’s") || AbsoluteDates.MonthNumber(w.ToString()) is not null)
            return false;
        int q2 = ps - 1;
        while (q2 >= 0 && text[q2] is ' ' or '"' or '“' or '‘' or '\'' or '(' or '[') q2--;
        return q2 >= 0 && text[q2] is not ('.' or '!' or '?' or '\n' or ':' or ';' or '—');
    }

    // ---- tokens -------------------------------------------------------------------------------------------------

    internal static int WordEnd(string text, int i, int to)
    {
        while (i < to && char.IsLetter(text[i])) i++;
        return i;
    }

    /// <summary>Like <see cref="PrevWord"/>, but a hyphenated word ("all-important") counts as one token.</summary>
    private static bool PrevToken(string text, int pos, out int start, out int end)
    {
        if (!PrevWord(text, pos, out start, out end)) return false;
        while (start >= 2 && text[start - 1] == '-' && char.IsLetter(text[start - 2]))
        {
            start -= 2;
            while (start > 0 && char.IsLetter(text[start - 1])) start--;
        }
        return true;
    }

    /// <summary>The word (letters, with a possessive 's) before <paramref name="pos"/>, across one space.</summary>
    internal static bool PrevWord(string text, int pos, out int start, out int end)
    {
        start = end = pos;
        int p = pos - 1;
        if (p < 0 || text[p] != ' ') return false;
        end = p;
        while (p > 0 && char.IsLetter(text[p - 1]) || p > 1 && text[p - 1] is '\'' or '’' && char.IsLetter(text[p - 2])) p--;
        start = p;
        return end > start;
    }
}
