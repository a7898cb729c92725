namespace Analysis;

/// <summary>
/// Every numeric expression in a text, as news writes it: digits and words, fractions, ordinals, percentages,
/// money, ranges, scores, years, each with its qualifier and the rule that read it. Day numbers inside calendar
/// dates, times, telephone and emergency numbers, identifiers ("Resolution 1701") and anything inside URLs,
/// e-mail addresses or hashtags are left out. Figures (<see cref="FigureExtractor"/>) are built on this layer and
/// keep only numbers that count something.
/// <code>foreach (var n in Numbers.Find("Nearly two-thirds of the 1,200 staff voted 234-193.")) Console.WriteLine($"{n.Surface} = {n.Value} ({n.KindName})");</code>
/// </summary>
public static class Numbers
{
    /// <summary>The numeric expressions of <paramref name="text"/>, in text order.</summary>
    public static IReadOnlyList<Number> Find(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        var matches = Read(text, AbsoluteDates.Find(text));
        var result = new List<Number>(matches.Count);
        foreach (var m in matches) result.Add(ToNumber(text, m));
        return result;
    }

    /// <summary>The numeric expressions of an article's clean text (<c>Article.Text</c>).</summary>
    public static IReadOnlyList<Number> Find(Article article)
    {
        ArgumentNullException.ThrowIfNull(article);
        return Find(article.Text ?? throw new ArgumentException($"Article '{article.Id}' has no text.", nameof(article)));
    }

    internal static Number ToNumber(string text, in NumberMatch m) =>
        new(m.Lead, m.End, text[m.Lead..m.End], m.Value, m.High, KindOf(m), m.Unit, m.Qualifier, m.InWords, m.Start, m.Rule);

    private static NumberKind KindOf(in NumberMatch m) =>
        m.Kind != NumberKind.Cardinal ? m.Kind
        : m.High is not null ? NumberKind.Range
        : m.Unit is "percent" or "percentage_point" ? NumberKind.Percent
        : IsCurrency(m.Unit) ? NumberKind.Money
        : m.Decimal && m.Unit.Length == 0 && m.Scale == 1 ? NumberKind.Decimal
        : NumberKind.Cardinal;

    internal static bool IsCurrency(string unit) => unit.Length == 3 && char.IsUpper(unit[0]);

    private static readonly (string Phrase, Qualifier Qualifier)[] QualifierPhrases =
    [
        ("in excess of", Qualifier.MoreThan), ("upwards of", Qualifier.MoreThan), ("more than", Qualifier.MoreThan),
        ("well over", Qualifier.MoreThan), ("just over", Qualifier.MoreThan), ("over", Qualifier.MoreThan), ("above", Qualifier.MoreThan),
        ("at least", Qualifier.AtLeast), ("no fewer than", Qualifier.AtLeast), ("no less than", Qualifier.AtLeast), ("a minimum of", Qualifier.AtLeast),
        ("fewer than", Qualifier.LessThan), ("less than", Qualifier.LessThan), ("just under", Qualifier.LessThan), ("under", Qualifier.LessThan),
        ("below", Qualifier.LessThan),
        ("up to", Qualifier.AtMost), ("as many as", Qualifier.AtMost), ("as much as", Qualifier.AtMost), ("almost", Qualifier.AtMost),
        ("at most", Qualifier.AtMost), ("no more than", Qualifier.AtMost), ("a maximum of", Qualifier.AtMost),
        ("an estimated", Qualifier.Approximately), ("estimated", Qualifier.Approximately), ("approximately", Qualifier.Approximately),
        ("about", Qualifier.Approximately), ("around", Qualifier.Approximately), ("some", Qualifier.Approximately),
        ("nearly", Qualifier.Approximately), ("roughly", Qualifier.Approximately), ("close to", Qualifier.Approximately),
        ("circa", Qualifier.Approximately), ("approx.", Qualifier.Approximately), ("an approximate", Qualifier.Approximately),
        ("perhaps", Qualifier.Approximately), ("maybe", Qualifier.Approximately), ("possibly", Qualifier.Approximately),
    ];

    /// <summary>Words after a number that bound it: "a dozen or so", "20 or more", "ten or fewer".</summary>
    private static readonly (string Phrase, Qualifier Qualifier)[] QualifierSuffixes =
    [
        (" or so", Qualifier.Approximately), (" or more", Qualifier.AtLeast), (" or fewer", Qualifier.AtMost), (" or less", Qualifier.AtMost),
    ];

    /// <summary>How far back a qualifier may start: the longest phrase and its space.</summary>
    private const int QualifierReach = 16;

    /// <summary>
    /// The grammar's matches with their qualifiers, ranges joined ("between X and Y", "X to Y", "two or three"),
    /// and what is not a number removed (days of calendar dates, "February the 15th").
    /// </summary>
    internal static List<NumberMatch> Read(string text, IReadOnlyList<AbsoluteDate> dates)
    {
        // News runs about one number per 150-200 characters: sized so the list rarely grows.
        var raw = new List<NumberMatch>(text.Length / 128 + 4);
        NumberGrammar.Scan(text, 0, text.Length, raw);
        // Calendar dates belong to the timeline: the day inside one ("October 7", "22 Oct") is not a number; its year is.
        if (dates.Count > 0) raw.RemoveAll(m => m.Kind != NumberKind.Year && InsideDate(dates, m));
        raw.RemoveAll(m => m.Kind == NumberKind.Ordinal && DayOfMonth(text, m));

        // Written back in place: a joined range consumes the match after it, so the write index never passes the read index.
        int kept = 0;
        for (int k = 0; k < raw.Count; k++)
        {
            var m = raw[k];
            m.Lead = m.Start;
            m.Qualifier = m.High is not null && m.Kind != NumberKind.Score ? Qualifier.Range : Qualifier.Exact;
            // Qualifiers bound quantities, not ranks, years or scores: "moved up to fourth position" is not "at most 4".
            bool bounded = m.Kind is not (NumberKind.Ordinal or NumberKind.Year or NumberKind.Score);
            // "between 1996 and 2002", "1996 to 2002": years make ranges too, but take no qualifier.
            if (m.Kind == NumberKind.Year && m.High is null && k + 1 < raw.Count && Join(text, ref m, raw[k + 1])) { k++; m.Lead = m.Start; }
            int lo = Math.Max(0, m.Start - QualifierReach);
            int lead = m.Start;
            var before = bounded ? QualifierBefore(text, lo, m.Start, out lead) : Qualifier.Exact;
            if (bounded && m.High is null && k + 1 < raw.Count && Join(text, ref m, raw[k + 1])) { k++; m.Lead = m.Start; }
            // "under one roof", "over one weekend": before a lone "one" these are prepositions.
            if (m.Rule == "word-one" && before is Qualifier.MoreThan or Qualifier.LessThan && !ContextRules.EndsWithWords(text, lo, m.Start - 1, "than"))
                before = Qualifier.Exact;
            if (m.High is null && bounded && before != Qualifier.Exact) { m.Qualifier = before; m.Lead = lead; }
            else if (before != Qualifier.Exact && m.Qualifier == Qualifier.Range) m.Lead = lead; // "about $800 to $1,000"
            if (m.Qualifier == Qualifier.Exact && bounded)
                foreach (var (phrase, q) in QualifierSuffixes)
                    if (m.End + phrase.Length <= text.Length && text.AsSpan(m.End, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase)
                        && (m.End + phrase.Length == text.Length || !char.IsLetter(text[m.End + phrase.Length])))
                    {
                        m.Qualifier = q; m.End += phrase.Length; m.Rule += "-" + phrase.TrimStart().Replace(' ', '-');
                        break;
                    }
            if (m.Kind == NumberKind.Cardinal && m.Unit.Length == 0 && !m.InWords && IsAge(text, m)) { m.Kind = NumberKind.Age; m.Rule = "age"; }
            raw[kept++] = m;
        }
        raw.RemoveRange(kept, raw.Count - kept);
        return raw;
    }

    /// <summary>
    /// Joins <paramref name="m"/> with the next match into a range ("between 20 and 30", "$250,000 to $300,000",
    /// "six to eight weeks", "1 to 2 million", "two or three") or a tally ("voted 52 to 48"). "from 5 to 10" is a
    /// change, two numbers.
    /// </summary>
    private static bool Join(string text, ref NumberMatch m, NumberMatch next)
    {
        if (next.Kind is NumberKind.Ordinal or NumberKind.Score || next.High is not null || (m.Kind == NumberKind.Year) != (next.Kind == NumberKind.Year)) return false;
        string? link = next.Start == m.End + 5 && text.AsSpan(m.End, 5).SequenceEqual(" and ") ? "between"
            : next.Start == m.End + 4 && text.AsSpan(m.End, 4).SequenceEqual(" to ") ? "to"
            : next.Start == m.End + 4 && text.AsSpan(m.End, 4).SequenceEqual(" or ") ? "or" : null;
        if (link is null) return false;
        int lo = Math.Max(0, m.Start - 12);
        bool between = ContextRules.EndsWithWords(text, lo, m.Start - 1, "between");
        if (link == "between" && !between || link == "to" && (ContextRules.EndsWithWords(text, lo, m.Start - 1, "from") || between)) return false;
        if (m.Unit.Length > 0 && next.Unit.Length > 0 && m.Unit != next.Unit) return false;
        double low = m.Value;
        // "1 to 2 million": the scale written once belongs to both.
        if (m.Scale == 1 && next.Scale > 1 && !m.Decimal && low * next.Scale <= next.Value && m.Unit.Length == 0 && !m.Compound) low *= next.Scale;
        if (link == "or" && !(m.InWords == next.InWords && m.Unit.Length == 0 && next.Value > low && next.Value <= low * 2 + 1 && next.Value - low <= 10 && !m.Compound))
            return false;
        if (next.Value > low)
        {
            if (link == "to" && AfterChange(text, m.Start, m.Unit.Length > 0 ? m.Unit : next.Unit)) return false;
            m.Value = low; m.High = next.Value; m.Unit = m.Unit.Length == 0 ? next.Unit : m.Unit;
            m.Kind = NumberKind.Range; m.Qualifier = Qualifier.Range; m.Rule = "range-" + link;
        }
        else if (link == "to" && !m.InWords == !next.InWords && m.Unit.Length == 0 && next.Unit.Length == 0 && m.Scale == 1 && next.Scale == 1
                 && !m.Decimal && !next.Decimal && m.Value >= 0)
        {
            m.High = next.Value; m.Kind = NumberKind.Score; m.Rule = "score-to";
        }
        else return false;
        if (link == "between") m.Start -= "between ".Length;
        m.End = next.End;
        m.Compound = next.Compound;
        return true;
    }

    /// <summary>
    /// A verb of change in the few words before "X to Y" ("rates rose 0.25% to 5.5%", "cut 10 to 8"): X is the change
    /// or the old level and Y the new one, two numbers rather than a range.
    /// </summary>
    private static bool AfterChange(string text, int start, string unit)
    {
        int p = start;
        for (int words = 0; words < 4 && NumberGrammar.PrevWord(text, p, out int ps, out int pe); words++)
        {
            var w = text.AsSpan(ps, pe - ps);
            if (w is "rose" or "fell" or "grew" or "cut" or "up" or "down" or "lifted" or "raised" or "increased"
                or "decreased" or "jumped" or "dropped" or "climbed" or "slipped" or "soared" or "plunged" or "lowered" or "reduced"
                or "boosted" or "slashed" or "hiked" or "raising" or "cutting" or "lifting" or "rising" or "falling" or "fallen" or "risen"
                or "changed" or "went" or "moved" or "shrank" or "doubled")
                return true;
            // "rose by 5% to 10%": a step and a level; "by 25 to 30 seats" is a range of counts.
            if (w is "by" && words == 0 && unit.Length > 0) return true;
            p = ps;
        }
        return false;
    }

    /// <summary>The qualifier phrase ending just before <paramref name="pos"/> (one space apart), with its start.</summary>
    internal static Qualifier QualifierBefore(string text, int lo, int pos, out int start)
    {
        start = pos;
        if (pos - 1 <= lo || text[pos - 1] != ' ') return Qualifier.Exact;
        foreach (var (phrase, q) in QualifierPhrases)
            if (ContextRules.EndsWithWords(text, lo, pos - 1, phrase))
            {
                start = pos - 1 - phrase.Length;
                return q;
            }
        return Qualifier.Exact;
    }

    /// <summary>"aged 45", "age 45", or a number set off by commas after a name ("Jane Smith, 45, said").</summary>
    private static bool IsAge(string text, in NumberMatch m)
    {
        if (NumberGrammar.PrevWord(text, m.Start, out int ps, out int pe) && text.AsSpan(ps, pe - ps) is "aged" or "age" or "Aged") return m.Value is > 0 and < 130;
        return m.Value is > 0 and < 120 && m.Start >= 3 && text[m.Start - 1] == ' ' && text[m.Start - 2] == ','
               && char.IsUpper(text[WordStart(text, m.Start - 2)]) && m.End < text.Length && text[m.End] == ',';
    }

    private static int WordStart(string text, int end)
    {
        int p = end;
        while (p > 0 && char.IsLetter(text[p - 1])) p--;
        return p < end ? p : Math.Max(0, end - 1);
    }

    /// <summary>"February the 15th", "on the 15th of February": an ordinal that is the day of a month.</summary>
    private static bool DayOfMonth(string text, in NumberMatch m)
    {
        int p = m.Start;
        if (NumberGrammar.PrevWord(text, p, out int ps, out int pe) && text.AsSpan(ps, pe - ps) is "the") p = ps;
        if (NumberGrammar.PrevWord(text, p, out ps, out pe) && char.IsUpper(text[ps]) && AbsoluteDates.MonthNumber(text[ps..pe]) is not null) return true;
        int e = m.End;
        if (e + 4 < text.Length && text.AsSpan(e, 4).SequenceEqual(" of ") && char.IsUpper(text[e + 4]))
            return AbsoluteDates.MonthNumber(text[(e + 4)..NumberGrammar.WordEnd(text, e + 4, text.Length)]) is not null;
        return false;
    }

    private static bool InsideDate(IReadOnlyList<AbsoluteDate> dates, in NumberMatch m)
    {
        int lo = 0, hi = dates.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (dates[mid].End <= m.Start) lo = mid + 1;
            else if (dates[mid].Start >= m.End) hi = mid - 1;
            else return true;
        }
        return false;
    }
}
