namespace Analysis;

/// <summary>
/// Builds a figure's measure key from the category lexicons: the nearest trigger word (within a word window,
/// not crossing a neighbouring figure) picks the category; a proper-noun or specific counted noun and, for
/// event categories, the event date narrow it ("killed · Palestinians", "hostages · Oct 7").
/// </summary>
internal sealed class MeasureRules
{
    private readonly FigureOptions _options;
    /// <summary>Trigger phrases by the hash of their lower-cased first word (no string per word looked up).</summary>
    private readonly Dictionary<int, List<(int Category, string[] Words)>> _triggers = new();

    internal MeasureRules(FigureOptions options)
    {
        _options = options;
        for (int c = 0; c < options.Categories.Count; c++)
            foreach (var t in options.Categories[c].Triggers)
            {
                var words = t.ToLowerInvariant().Split(' ', StringSplitOptions.RemoveEmptyEntries);
                if (words.Length == 0) continue;
                int h = Hash(words[0]);
                if (!_triggers.TryGetValue(h, out var list)) _triggers[h] = list = [];
                list.Add((c, words));
            }
    }

    /// <summary>The category index for a figure spanning [start, end) with unit <paramref name="unit"/>, or -1.</summary>
    internal int Category(string text, int start, int end, string unit, int lo, int hi, bool crossClauses)
    {
        int window = _options.TriggerWindowWords;
        int best = -1, bestDistance = int.MaxValue;
        // After the figure: words at distance 0, 1, …
        int p = end, d = 0;
        while (d <= window && NextWord(text, ref p, hi, crossClauses, out int ws, out int we))
        {
            Consider(text, ws, hi, unit, d, ref best, ref bestDistance);
            d++;
        }
        p = start; d = 0;
        while (d <= window && d <= bestDistance && PrevWord(text, ref p, lo, crossClauses, out int ws, out _))
        {
            Consider(text, ws, hi, unit, d, ref best, ref bestDistance);
            d++;
        }
        return best;
    }

    private void Consider(string text, int ws, int hi, string unit, int distance, ref int best, ref int bestDistance)
    {
        int we = ws;
        while (we < hi && char.IsLetter(text[we])) we++;
        if (!_triggers.TryGetValue(Hash(text.AsSpan(ws, we - ws)), out var candidates)) return;
        foreach (var (c, words) in candidates)
        {
            if (!Matches(text, ws, hi, words) || !_options.Categories[c].Units.Contains(unit)) continue;
            if (distance < bestDistance || distance == bestDistance && c < best) { best = c; bestDistance = distance; }
        }
    }

    private static bool Matches(string text, int ws, int hi, string[] words)
    {
        int p = ws;
        for (int i = 0; i < words.Length; i++)
        {
            if (i > 0) { if (p >= hi || text[p] != ' ') return false; p++; }
            var w = words[i];
            if (p + w.Length > hi || !text.AsSpan(p, w.Length).Equals(w, StringComparison.OrdinalIgnoreCase)) return false;
            p += w.Length;
        }
        return p >= hi || !char.IsLetter(text[p]);
    }

    /// <summary>The measure key of a figure (see the class summary).</summary>
    internal string Key(int category, string unit, string rule, string text, (int Start, int End) counted, string? eventDate, Func<string?>? place = null)
    {
        if (rule == "compound-age") return "age";
        var countedText = text.AsSpan(counted.Start, counted.End - counted.Start);
        string head = HeadNoun(countedText);
        if (category >= 0)
        {
            var cat = _options.Categories[category];
            string? subject = null;
            if (unit.Length == 0)
            {
                var proper = ProperWords(countedText);
                if (proper.Length > 0) subject = proper;
                else if (head.Length > 0 && !_options.GenericNouns.Contains(head) && !IsTrigger(head)) subject = head.ToLowerInvariant();
            }
            var key = cat.Name;
            if (subject is not null) key += " · " + subject;
            // A counted noun with a proper name already says whose toll it is ("Palestinians", "Lebanese").
            else if (cat.ScopeByPlace && place?.Invoke() is { } where) key += " · " + where;
            if (cat.ScopeByDate && eventDate is not null) key += " · " + eventDate;
            return key;
        }
        string noun = head.ToLowerInvariant();
        return unit switch
        {
            "" => noun.Length > 0 ? noun : "count",
            "ordinal" => noun.Length > 0 ? noun + " number" : "ordinal",
            "percent" or "percentage_point" => unit,
            _ when NumberLexicon.IsTimeOrDistance(unit) => noun.Length > 0 ? noun + " length" : NumberLexicon.IsDuration(unit) ? "duration" : unit,
            _ => unit,
        };
    }

    /// <summary>Measures that are only a unit ("percent", "USD", "count", "duration") do not say what is measured.</summary>
    internal static bool IsGeneric(string measure, string unit) =>
        measure == unit || measure is "count" or "ordinal" or "duration" or "percent" or "percentage_point";

    /// <summary>A counted noun that is itself a trigger ("hostages") says nothing the category does not.</summary>
    private bool IsTrigger(string word)
    {
        foreach (var c in _options.Categories)
            foreach (var t in c.Triggers)
                if (t.Equals(word, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }

    private static string HeadNoun(ReadOnlySpan<char> counted)
    {
        int sp = counted.LastIndexOf(' ');
        return counted[(sp + 1)..].ToString();
    }

    /// <summary>Capitalized words of the counted phrase ("Lebanese civilians" → "Lebanese").</summary>
    private static string ProperWords(ReadOnlySpan<char> counted)
    {
        var parts = new List<string>();
        foreach (var w in counted.ToString().Split(' '))
            if (w.Length > 1 && char.IsUpper(w[0])) parts.Add(w);
        return string.Join(" ", parts);
    }

    /// <summary>Clause punctuation ends a trigger window: "3,000 terrorists burst in, killing 1,200" does not count the 3,000 as killed.</summary>
    private static bool IsClauseBreak(char c) => c is ',' or ';' or ':' or '(' or ')' or '—' or '–';

    private static bool NextWord(string text, ref int p, int hi, bool crossClauses, out int ws, out int we)
    {
        ws = we = p;
        while (p < hi && !char.IsLetter(text[p])) { if (!crossClauses && IsClauseBreak(text[p])) return false; p++; }
        if (p >= hi) return false;
        ws = p;
        while (p < hi && char.IsLetter(text[p])) p++;
        we = p;
        return true;
    }

    private static bool PrevWord(string text, ref int p, int lo, bool crossClauses, out int ws, out int we)
    {
        ws = we = p;
        while (p > lo && !char.IsLetter(text[p - 1])) { if (!crossClauses && IsClauseBreak(text[p - 1])) return false; p--; }
        if (p <= lo) return false;
        we = p;
        while (p > lo && char.IsLetter(text[p - 1])) p--;
        ws = p;
        return true;
    }

    private static int Hash(string s) => Hash(s.AsSpan());

    private static int Hash(ReadOnlySpan<char> s)
    {
        unchecked
        {
            int h = (int)2166136261;
            foreach (char c in s) h = (h ^ char.ToLowerInvariant(c)) * 16777619;
            return h;
        }
    }
}
