namespace Analysis;

/// <summary>A number expression the grammar recognized (before context: no qualifier, no counted noun).</summary>
internal struct NumberMatch
{
    /// <summary>Span of currency, number, scale and unit in the text.</summary>
    public int Start, End;
    public double Value;
    /// <summary>Upper end for ranges and vague plurals.</summary>
    public double? High;
    /// <summary>Half-width of the rounding the written precision implies ("1.2 million" = ±50,000).</summary>
    public double Half;
    public string Unit;
    public string Rule;
    public bool InWords;
    /// <summary>A hyphenated adjective ("30-day"): the next word is what is measured.</summary>
    public bool Compound;
}

/// <summary>
/// A hand-written, single-pass scanner for English number expressions. Each position is examined a bounded
/// number of times, so the scan is linear in the text length and allocates only the matches it returns.
/// Rules that decide what is NOT a figure (dates, years, identifiers, times, compounds such as "two-state")
/// live here too, each commented where it applies.
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
            if (char.IsAsciiDigit(c) || Currency(c) is not null)
            {
                int next = Digits(text, i, to, into);
                i = next > i ? next : i + 1;
            }
            else if (char.IsLetter(c))
            {
                int we = WordEnd(text, i, to);
                i = we - i <= FigureLexicon.MaxWord && MayStartNumberWord(c) && (i == 0 || !char.IsLetterOrDigit(text[i - 1]))
                    ? Math.Max(Words(text, i, we, to, into), we) : we;
            }
            else i++;
        }
    }

    /// <summary>Initials of every number word (one … trillion, dozen, half, a, ordinals, vague plurals): a cheap pre-filter.</summary>
    private static bool MayStartNumberWord(char c) => (c | 0x20) is 'o' or 't' or 'f' or 's' or 'e' or 'n' or 'h' or 'm' or 'b' or 'd' or 'a';

    // ---- digits -----------------------------------------------------------------------------------------------

    private struct Numeral
    {
        public int Start, End, Decimals, TrailingZeros, IntDigits;
        public double Value, Scale;
        public string Unit;
        public bool Grouped, Ordinal, Currency;
    }

    private static int Digits(string text, int i, int to, List<NumberMatch> into)
    {
        if (!ParseNumeral(text, i, to, out var a, out int skip)) return skip;
        int end = a.End;

        // Range "20-30", "$20-30bn", "20–30%": the second part must be larger, which rules out scores ("2-1") and dates.
        if (end + 1 < to && text[end] is '-' or '–' && (char.IsAsciiDigit(text[end + 1]) || Currency(text[end + 1]) is not null))
        {
            if (!ParseNumeral(text, end + 1, to, out var b, out int skip2, rangeEnd: true)) return skip2;
            if (IsYear(a) || a.Ordinal || b.Ordinal) return b.End;
            if (a.Scale == 1 && b.Scale != 1) a.Scale = b.Scale;
            if (a.Unit.Length == 0) a.Unit = b.Unit;
            double low = a.Value * a.Scale, high = b.Value * b.Scale;
            if (!(low < high) || a.Unit != b.Unit && b.Unit.Length > 0) return b.End;
            // Set scores come in runs ("4-6 6-3 7-6"): a dash pair next to another is a score, not a range.
            if (ScoreRun(text, a.Start, b.End, to)) return b.End;
            // "5-6 March" is a span of days.
            if (b.End + 1 < to && text[b.End] == ' ' && char.IsUpper(text[b.End + 1])
                && AbsoluteDates.MonthNumber(text[(b.End + 1)..WordEnd(text, b.End + 1, to)]) is not null) return b.End;
            int rEnd = UnitWords(text, b.End, to, ref a.Unit, out _);
            into.Add(new NumberMatch { Start = a.Start, End = rEnd, Value = low, High = high, Unit = a.Unit, Rule = "range-dash" });
            return rEnd;
        }

        bool compound = false;
        string rule = a.Scale != 1 ? "digits-scale" : a.Ordinal ? "ordinal-digits" : a.Unit == "percent" ? "percent" : "digits";
        if (!a.Ordinal && end + 1 < to && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            // "30-day window", "48-hour", "11-year-old", "a 500-strong crowd"; any other hyphenated word ("14-page") is left out.
            int c = Compound(text, end, to, ref a.Unit);
            if (c < 0) return WordEnd(text, end + 1, to);
            end = c; compound = true; rule = text[end - 1] == 'd' && text[end - 4] == 'o' ? "compound-age" : "compound-adjective";
        }
        else if (!a.Ordinal)
        {
            end = UnitWords(text, end, to, ref a.Unit, out bool any);
            if (any && a.Unit.Length > 0 && rule == "digits") rule = "digits-unit";
        }

        // Not figures: years, times ("3 pm"), identifiers ("Resolution 1701"). Calendar dates ("Oct. 22") are
        // removed by the extractor with the shared date recognizer.
        if (IsYear(a) && a.Unit.Length == 0) return end;
        bool plain = !a.Currency && a.Scale == 1 && (a.Unit.Length == 0 || a.Ordinal);
        if (IsTime(text, end, to)) return end;
        if (plain && !a.Ordinal && IsIdentifier(text, a.Start)) return end;

        into.Add(new NumberMatch
        {
            Start = a.Start, End = end, Value = a.Value * a.Scale, Half = Rounding(a), Unit = a.Unit, Rule = rule, Compound = compound,
        });
        return end;
    }

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
        while (j < to && char.IsAsciiDigit(text[j])) Accumulate(text[j++], ref whole, ref digits, ref overflow);
        int firstGroup = digits;
        // Thousands separators: exactly three digits after each comma.
        while (firstGroup <= 3 && j + 3 < to && text[j] == ','
               && char.IsAsciiDigit(text[j + 1]) && char.IsAsciiDigit(text[j + 2]) && char.IsAsciiDigit(text[j + 3])
               && (j + 4 >= to || !char.IsAsciiDigit(text[j + 4])))
        {
            for (int k = 1; k <= 3; k++) Accumulate(text[j + k], ref whole, ref digits, ref overflow);
            j += 4; n.Grouped = true;
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
        // Over-long digit runs, versions ("1.2.3"), malformed lists ("1,2"), times, ratios and slashed dates are not figures.
        if (overflow || j + 1 < to && (text[j] is '.' or ',' or '/' or ':') && char.IsAsciiDigit(text[j + 1]))
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
            Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
            if (le < to && char.IsAsciiDigit(text[le]) || !FigureLexicon.Lower(text.AsSpan(j, le - j), buf, out var suf))
            {
                skip = SkipToken(text, j, to);
                return false;
            }
            switch (suf)
            {
                case "st" or "nd" or "rd" or "th" when n.Decimals == 0 && !n.Currency:
                    n.Ordinal = true; n.Unit = "ordinal"; break;
                case "m" when !n.Currency && n.Decimals == 0 && !PluralFollows(text, le, to):
                    // "the 1,500m", "60m hurdles": without a currency, a whole number of m is metres unless people or things follow.
                    n.Unit = "metre"; break;
                case "m" or "mn": n.Scale = 1e6; break;
                case "bn" or "b": n.Scale = 1e9; break;
                case "tn" or "trn": n.Scale = 1e12; break;
                case "k": n.Scale = 1e3; break;
                case "p" when !n.Currency: n.Unit = "GBP"; n.Scale = 0.01; n.Currency = true; break;
                default:
                    var unit = FigureLexicon.Unit(suf, out _);
                    // "1990s", "3pm", "8Jfne", "G8"-like tokens are not figures.
                    if (unit is null || n.Currency) { skip = le; return false; }
                    n.Unit = unit; break;
            }
            j = le;
        }
        if (j < to && text[j] == '%' && !n.Ordinal) { n.Unit = "percent"; j++; }
        else if (!n.Ordinal && n.Scale == 1 && j + 1 < to && text[j] == ' ' && char.IsLetter(text[j + 1]))
        {
            // "1.2 million", "15 thousand"
            int we = WordEnd(text, j + 1, to);
            Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
            if (FigureLexicon.Lower(text.AsSpan(j + 1, we - j - 1), buf, out var w) && FigureLexicon.Number(w, out double s) == WordKind.Scale)
            {
                n.Scale = s; j = we;
            }
        }
        n.End = j;
        return true;
    }

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
        if (n.Ordinal || total < 1000 && n.Scale == 1) return 0;
        double step = n.Decimals > 0 ? Math.Pow(10, -n.Decimals) : Math.Pow(10, n.TrailingZeros);
        // A bare "1,000" is not read as "somewhere in 500-1,500": the rounding never exceeds 5% of the value.
        return Math.Min(step * n.Scale / 2, total * 0.05);
    }

    // ---- words ------------------------------------------------------------------------------------------------

    private static int Words(string text, int ws, int we, int to, List<NumberMatch> into)
    {
        Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
        if (!FigureLexicon.Lower(text.AsSpan(ws, we - ws), buf, out var w)) return we;
        var kind = FigureLexicon.Number(w, out double v);
        switch (kind)
        {
            case WordKind.None or WordKind.And:
                return we;
            case WordKind.Vague:
                return Vague(text, ws, we, to, v, into);
            case WordKind.Ordinal:
                // Word ordinals need a determiner ("his fifth visit", "the third stage"): "first reported" is not a figure;
                // capitalized mid-sentence they name things ("the Second Lebanon War").
                // A rank needs no determiner: "finished in third place", "moved to fourth position".
                if (char.IsUpper(text[ws]) && ws > 0 && PrevWord(text, ws, out _, out _)) return we;
                bool determined = PrevWord(text, ws, out int ps, out int pe) && FigureLexicon.Lower(text.AsSpan(ps, pe - ps), buf, out var det) && FigureLexicon.IsDeterminer(det);
                if (!determined && !RankFollows(text, we, to)) return we;
                into.Add(new NumberMatch { Start = ws, End = we, Value = v, Unit = "ordinal", Rule = "ordinal-words", InWords = true });
                return we;
        }

        if (!Sequence(text, ws, to, out double value, out int end, out int words)) return we;
        // "Six Nations", "Big Four"-style names: a capitalized number word mid-sentence before a capitalized word.
        if (char.IsUpper(text[ws]) && PrevWord(text, ws, out _, out _) && end + 1 < to && text[end] == ' ' && char.IsUpper(text[end + 1]))
            return WordEnd(text, end + 1, to);
        string unit = "";
        string rule = "words";
        bool compound = false;
        if (end + 1 < to && text[end] == '-' && char.IsLetter(text[end + 1]))
        {
            // "two-week pause", "two-and-a-half-hour conversation"; "two-state solution" is not a figure.
            int c = Compound(text, end, to, ref unit);
            if (c < 0) return WordEnd(text, end + 1, to);
            end = c; compound = true; rule = text[end - 1] == 'd' && text[end - 4] == 'o' ? "compound-age" : "compound-adjective";
        }
        else end = UnitWords(text, end, to, ref unit, out _);
        // A lone "one" is a pronoun or determiner far more often than a count ("one of", "no one").
        if (words == 1 && value == 1 && unit.Length == 0) return end;
        into.Add(new NumberMatch { Start = ws, End = end, Value = value, Unit = unit, Rule = rule, InWords = true, Compound = compound });
        return end;
    }

    /// <summary>Composes number words: "twenty-three", "two hundred and fifty thousand", "two and a half", "a dozen", "half a million".</summary>
    private static bool Sequence(string text, int ws, int to, out double value, out int end, out int words)
    {
        double total = 0, cur = 0;
        var last = WordKind.None;
        end = ws; words = 0; value = 0;
        int pos = ws;
        Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
        while (true)
        {
            int we = WordEnd(text, pos, to);
            if (!FigureLexicon.Lower(text.AsSpan(pos, we - pos), buf, out var w)) break;
            var kind = FigureLexicon.Number(w, out double v);
            int consumedEnd = we;
            bool ok = true;
            switch (kind)
            {
                case WordKind.Unit:
                    ok = last is WordKind.None or WordKind.Hundred or WordKind.Scale or WordKind.And || last == WordKind.Tens && cur % 10 == 0;
                    cur += v; break;
                case WordKind.Teen or WordKind.Tens:
                    ok = last is WordKind.None or WordKind.Hundred or WordKind.Scale or WordKind.And;
                    cur += v; break;
                case WordKind.Hundred:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.A;
                    cur = Math.Max(cur, 1) * 100; break;
                case WordKind.Scale:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.Hundred or WordKind.A or WordKind.Half;
                    total += Math.Max(cur, last == WordKind.Half ? 0.5 : 1) * v; cur = 0; break;
                case WordKind.Dozen:
                    ok = last is WordKind.Unit or WordKind.Teen or WordKind.Tens or WordKind.A or WordKind.Half;
                    cur = Math.Max(cur, last == WordKind.Half ? 0.5 : 1) * 12; break;
                case WordKind.A:
                    // "a dozen", "a million", "half a million": only when a scale word follows.
                    ok = last is WordKind.None or WordKind.Half && NextKind(text, we, to) is WordKind.Hundred or WordKind.Scale or WordKind.Dozen;
                    if (ok && last == WordKind.Half) { kind = WordKind.Half; }
                    break;
                case WordKind.Half:
                    // Only "half a …" at the start; "and a half" is handled under "and".
                    ok = last == WordKind.None && NextKind(text, we, to) == WordKind.A;
                    cur = 0; break;
                case WordKind.And:
                    if (AndAHalf(text, we, to, out int halfEnd) && last is WordKind.Unit or WordKind.Teen or WordKind.Tens)
                    {
                        cur += 0.5; consumedEnd = halfEnd; kind = WordKind.Half;
                    }
                    else ok = last is WordKind.Hundred or WordKind.Scale && NextKind(text, we, to) is WordKind.Unit or WordKind.Teen or WordKind.Tens;
                    break;
                default:
                    ok = false; break;
            }
            if (!ok) break;
            last = kind;
            if (kind is not (WordKind.And or WordKind.A) && !(kind == WordKind.Half && cur == 0 && total == 0))
            {
                end = consumedEnd;
                words++;
            }
            pos = consumedEnd;
            if (!(pos + 1 < to && text[pos] is ' ' or '-' && char.IsLetter(text[pos + 1]))) break;
            pos++;
        }
        value = total + cur;
        return words > 0 && value > 0;
    }

    private static WordKind NextKind(string text, int pos, int to)
    {
        if (!(pos + 1 < to && text[pos] is ' ' or '-' && char.IsLetter(text[pos + 1]))) return WordKind.None;
        int we = WordEnd(text, pos + 1, to);
        Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
        return FigureLexicon.Lower(text.AsSpan(pos + 1, we - pos - 1), buf, out var w) ? FigureLexicon.Number(w, out _) : WordKind.None;
    }

    /// <summary>True when " a half" / "-a-half" follows <paramref name="pos"/> (just after "and").</summary>
    private static bool AndAHalf(string text, int pos, int to, out int end)
    {
        end = pos;
        if (NextKind(text, pos, to) != WordKind.A) return false;
        int aEnd = WordEnd(text, pos + 1, to);
        if (NextKind(text, aEnd, to) != WordKind.Half) return false;
        end = WordEnd(text, aEnd + 1, to);
        return true;
    }

    /// <summary>"hundreds of", "dozens of", "tens of thousands of", "scores of": a range from the plural's lower bound.</summary>
    private static int Vague(string text, int ws, int we, int to, double low, List<NumberMatch> into)
    {
        if (!FollowedByOf(text, we, to, out int ofEnd)) return we;
        double high = FigureLexicon.VagueHigh(low);
        int end = we;
        // "tens of thousands of", "hundreds of millions of"
        if (ofEnd + 1 < to && char.IsLetter(text[ofEnd + 1]))
        {
            int w2 = WordEnd(text, ofEnd + 1, to);
            Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
            if (FigureLexicon.Lower(text.AsSpan(ofEnd + 1, w2 - ofEnd - 1), buf, out var w) && FigureLexicon.Number(w, out double v2) == WordKind.Vague
                && v2 >= 2000 && FollowedByOf(text, w2, to, out _))
            {
                low *= v2 / 2; high *= v2 / 2; end = w2;
            }
            else if (low == 20) return we;
        }
        into.Add(new NumberMatch { Start = ws, End = end, Value = low, High = high, Unit = "", Rule = "vague-plural", InWords = true });
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
    /// "-strong" is a count. Returns the end of the compound, or -1 when the hyphenated word is not a unit.
    /// </summary>
    private static int Compound(string text, int hyphen, int to, ref string unit)
    {
        int ws = hyphen + 1, we = WordEnd(text, ws, to);
        Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
        if (!FigureLexicon.Lower(text.AsSpan(ws, we - ws), buf, out var w)) return -1;
        if (w is "strong") return we;
        var u = FigureLexicon.Unit(w, out bool plural);
        if (u is null || plural || !FigureLexicon.IsTimeOrDistance(u) || unit.Length > 0 && unit != "percent") return -1;
        unit = u;
        // "11-year-old": the age suffix belongs to the compound.
        if (we + 3 < to && text[we] == '-' && text.AsSpan(we + 1, 3).Equals("old", StringComparison.OrdinalIgnoreCase)
            && (we + 4 == to || !char.IsLetter(text[we + 4])))
            we += 4;
        return we;
    }

    /// <summary>A unit after a space: "per cent", "percent", "percentage points", "hours", "dollars", "km".</summary>
    private static int UnitWords(string text, int pos, int to, ref string unit, out bool any)
    {
        any = false;
        if (!(pos + 1 < to && text[pos] == ' ' && char.IsLetter(text[pos + 1]))) return pos;
        int we = WordEnd(text, pos + 1, to);
        Span<char> buf = stackalloc char[FigureLexicon.MaxWord];
        if (!FigureLexicon.Lower(text.AsSpan(pos + 1, we - pos - 1), buf, out var w)) return pos;
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
        var u = FigureLexicon.Unit(w, out _);
        if (u is null) return pos;
        bool currencyWord = u.Length == 3 && char.IsUpper(u[0]);
        if (unit.Length > 0 && !(currencyWord && unit == u)) return pos;
        unit = u; any = true;
        return we;
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
        return w.Length > 3 && w[^1] == 's' || w is "people" or "children" or "men" or "women";
    }

    private static bool ScoreRun(string text, int start, int end, int to)
    {
        static bool Pair(string t, int i, int to) => i + 2 < to && char.IsAsciiDigit(t[i]) && t[i + 1] is '-' or '–' && char.IsAsciiDigit(t[i + 2]);
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

    /// <summary>A number starts a token unless glued to a word, a URL or another number ("mid-2005", "t.co/8J", "@x1").</summary>
    private static bool TokenStart(string text, int i)
    {
        if (i == 0) return true;
        char p = text[i - 1];
        if (char.IsLetterOrDigit(p) || p is '.' or ',' or '/' or ':' or '@' or '#' or '_' or '&' or '=' or '+') return false;
        return !(p is '-' && i >= 2 && char.IsLetterOrDigit(text[i - 2]));
    }

    private static int SkipToken(string text, int i, int to)
    {
        while (i < to && (char.IsLetterOrDigit(text[i]) || text[i] is '.' or ',' or '/' or ':' or '-' or '_') && !(text[i] is '.' or ',' && (i + 1 >= to || text[i + 1] == ' ')))
            i++;
        return i;
    }

    private static bool IsTime(string text, int end, int to)
    {
        int p = end;
        if (p < to && text[p] == ' ') p++;
        int we = WordEnd(text, p, to);
        var w = text.AsSpan(p, we - p);
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
        // "iTunes 4", "iPod 3": a capital inside the word names a product even when the word starts lower-case.
        if (!char.IsUpper(w[0])) return w.Length > 1 && w[1..].IndexOfAnyInRange('A', 'Z') >= 0;
        if (FigureLexicon.IsWeekday(w)) return false;
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
