
namespace Analysis;

/// <summary>
/// Word-level context rules around a number: qualifiers before it, the counted noun after it, event dates and
/// attributions in its sentence. All scans are bounded by the sentence and by a fixed number of words.
/// </summary>
internal static class ContextRules
{
    private static readonly HashSet<string> StopWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "a", "an", "of", "in", "on", "at", "to", "for", "from", "with", "by", "and", "or", "but", "as", "than", "that",
        "which", "who", "whom", "whose", "were", "was", "is", "are", "be", "been", "being", "have", "has", "had", "will", "would",
        "could", "should", "may", "might", "can", "did", "do", "does", "still", "also", "more", "less", "over", "under", "about",
        "into", "after", "before", "since", "during", "while", "per", "each", "this", "these", "those", "its", "their", "his", "her",
        "it", "they", "we", "he", "she", "said", "say", "says", "including", "such", "so", "last", "ago", "earlier", "later",
        "now", "then", "up", "down", "out", "off", "when", "where", "if", "not", "no", "all", "just", "only", "between", "against",
        "across", "through", "among", "amid", "like", "until", "there", "here", "year", "years", "apiece", "them", "you",
        "whom", "what",
    };

    private static readonly HashSet<string> IrregularPlurals = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "children", "men", "women", "police", "staff", "personnel", "cattle", "sheep", "fish", "aircraft", "troops",
    };

    private static readonly string[] SayVerbs =
        ["said", "say", "says", "reported", "reports", "estimated", "estimates", "estimate", "claimed", "claims", "claim", "told", "announced", "confirmed"];

    private static readonly string[] Pronouns = ["he", "she", "it", "they", "we", "i", "you", "this", "that"];

    /// <summary>True when <paramref name="text"/>[lo, end) ends with <paramref name="phrase"/> at a word boundary.</summary>
    internal static bool EndsWithWords(string text, int lo, int end, string phrase)
    {
        int s = end - phrase.Length;
        return s >= lo && text.AsSpan(s, phrase.Length).Equals(phrase, StringComparison.OrdinalIgnoreCase)
            && (s == lo || !char.IsLetterOrDigit(text[s - 1]));
    }

    /// <summary>
    /// What is counted, as written: up to three words after the number, skipping "of the …'s"
    /// ("70 of the group's fighters" → "fighters"), ending at a stop word, punctuation or a plural noun.
    /// </summary>
    internal static (int Start, int End) Counted(string text, int pos, int hi, bool requireOf)
    {
        int p = pos, start = -1, end = -1, words = 0;
        bool afterOf = false;
        while (words < 3 && p + 1 < hi && text[p] == ' ' && char.IsLetter(text[p + 1]))
        {
            int ws = p + 1, we = ws;
            while (we < hi && (char.IsLetter(text[we]) || text[we] is '-' or '\'' or '’' && we + 1 < hi && char.IsLetter(text[we + 1]))) we++;
            var w = text.AsSpan(ws, we - ws);
            if (start < 0 && !afterOf && w.Equals("of", StringComparison.OrdinalIgnoreCase)) { afterOf = true; p = we; continue; }
            if (requireOf && !afterOf) break;
            if (start < 0 && afterOf && (w is "the" or "its" or "their" or "his" or "her" or "our" or "those" or "these" || w.EndsWith("'s") || w.EndsWith("’s")))
            {
                p = we; continue;
            }
            // Participles end the noun phrase ("90% of the junk mail filtered by …", "13 killed").
            if (IsStop(w) || w.EndsWith("ed") || w.EndsWith("ing")) break;
            if (start < 0) start = ws;
            end = we; words++;
            p = we;
            if (IsPlural(w)) break;
        }
        return start < 0 ? (pos, pos) : (start, end);
    }

    private static bool IsStop(ReadOnlySpan<char> w) => w.Length <= 12 && StopWords.Contains(w.ToString());

    private static bool IsPlural(ReadOnlySpan<char> w) =>
        w.Length > 3 && w[^1] == 's' && w[^2] != 's' && w[^2] != '\'' || IrregularPlurals.Contains(w.ToString());

    /// <summary>
    /// The event date nearest the figure among <paramref name="dates"/> inside [lo, hi), as "Oct 7" ("since Oct 7"
    /// when "since" introduces it, a starting point rather than the event), or null.
    /// </summary>
    internal static string? EventDate(string text, IReadOnlyList<AbsoluteDate> dates, int lo, int hi, int figure)
    {
        AbsoluteDate? best = null;
        foreach (var d in dates)
            if (d.Day is not null && d.Start >= lo && d.End <= hi && (best is null || Math.Abs(d.Start - figure) < Math.Abs(best.Start - figure)))
                best = d;
        if (best is null) return null;
        bool since = EndsWithWords(text, lo, Math.Max(lo, best.Start - 1), "since") || EndsWithWords(text, lo, Math.Max(lo, best.Start - 1), "since the");
        return (since ? "since " : "") + NumberLexicon.MonthShort[best.Month] + " " + best.Day;
    }

    /// <summary>Prepositions that make the place after them the figure's scope ("killed in Gaza", "near Beirut's hospital").</summary>
    private static readonly string[] PlacePrepositions = ["in", "near", "inside", "across", "throughout", "at"];

    /// <summary>Words allowed between the preposition and the place ("in southern Lebanon", "in the occupied West Bank").</summary>
    private static readonly HashSet<string> PlaceModifiers = new(StringComparer.OrdinalIgnoreCase)
    {
        "the", "southern", "northern", "eastern", "western", "central", "south", "north", "east", "west", "occupied",
    };

    /// <summary>
    /// The place that scopes a figure: the place nearest the figure inside its clause (between clause marks, within
    /// [<paramref name="lo"/>, <paramref name="hi"/>)) that follows a locative preposition; else a place inside the
    /// sentence's source span [<paramref name="sourceStart"/>, <paramref name="sourceEnd"/>) ("Gaza health officials said").
    /// Canonical names; null when none.
    /// </summary>
    internal static string? Place(string text, IReadOnlyList<EntityMention> places, int lo, int hi, int start, int end, int sourceStart, int sourceEnd)
    {
        int cl = start, cr = end;
        while (cl > lo && !IsClauseMark(text[cl - 1])) cl--;
        while (cr < hi && !IsClauseMark(text[cr])) cr++;
        EntityMention? best = null;
        int bestDistance = int.MaxValue;
        foreach (var m in places)
        {
            if (m.Start < cl || m.End > cr || !AfterPreposition(text, cl, m.Start)) continue;
            int distance = m.Start >= end ? m.Start - end : start - m.End;
            if (distance < bestDistance) { best = m; bestDistance = distance; }
        }
        if (best is not null) return best.Canonical;
        foreach (var m in places)
            if (m.Start >= sourceStart && m.End <= sourceEnd) return m.Canonical;
        return null;
    }

    private static bool IsClauseMark(char c) => c is ',' or ';' or ':' or '(' or ')' or '—' or '–';

    private static bool AfterPreposition(string text, int lo, int pos)
    {
        while (true)
        {
            int we = pos;
            while (we > lo && text[we - 1] == ' ') we--;
            int ws = we;
            while (ws > lo && char.IsLetter(text[ws - 1])) ws--;
            if (ws == we || we == pos) return false;
            var word = text.AsSpan(ws, we - ws);
            foreach (var p in PlacePrepositions)
                if (word.Equals(p, StringComparison.OrdinalIgnoreCase)) return true;
            if (!PlaceModifiers.Contains(word.ToString())) return false;
            pos = ws;
        }
    }

    /// <summary>
    /// The source a sentence gives: "according to …", a leading "X said", or a trailing ", X say(s)". Null when none.
    /// </summary>
    internal static string? Attribution(string sentence)
    {
        int a = sentence.IndexOf("according to ", StringComparison.OrdinalIgnoreCase);
        if (a >= 0 && (a == 0 || !char.IsLetter(sentence[a - 1])))
        {
            int e = a + 13;
            while (e < sentence.Length && sentence[e] is not (',' or ';' or '—' or '(') && !(sentence[e] == '.' && (e + 1 == sentence.Length || sentence[e + 1] == ' ')))
                e++;
            return sentence[a..e].TrimEnd();
        }
        var lead = LeadingSayer(sentence);
        if (lead is not null) return lead;
        return TrailingSayer(sentence);
    }

    private static string? LeadingSayer(string s)
    {
        int p = 0, words = 0;
        while (p < s.Length && words < 8)
        {
            int ws = p;
            while (p < s.Length && (char.IsLetter(s[p]) || s[p] is '-' or '\'' or '’' or '.' && p + 1 < s.Length && char.IsLetter(s[p + 1]))) p++;
            if (p == ws) return null;
            var w = s.AsSpan(ws, p - ws);
            if (words > 0 && IsSayVerb(w))
            {
                if (words == 1 && IsPronoun(s.AsSpan(0, FirstWordEnd(s)))) return null;
                return s[..p];
            }
            words++;
            if (p >= s.Length || s[p] != ' ') return null;
            p++;
        }
        return null;
    }

    private static string? TrailingSayer(string s)
    {
        int end = s.Length;
        while (end > 0 && s[end - 1] is '.' or '"' or '”' or '\'' or '’' or ' ') end--;
        int comma = s.LastIndexOf(',', Math.Max(0, end - 1));
        if (comma < 0 || end - comma > 80) return null;
        var tail = s.AsSpan(comma + 1, end - comma - 1).Trim();
        int lastSpace = tail.LastIndexOf(' ');
        if (lastSpace <= 0 || !IsSayVerb(tail[(lastSpace + 1)..])) return null;
        var subject = tail[..lastSpace];
        if (subject.Count(' ') > 6 || IsPronoun(subject) || subject.IndexOfAny('"', '“') >= 0) return null;
        return tail.ToString();
    }

    private static int FirstWordEnd(string s)
    {
        int i = 0;
        while (i < s.Length && char.IsLetter(s[i])) i++;
        return i;
    }

    private static bool IsSayVerb(ReadOnlySpan<char> w)
    {
        foreach (var v in SayVerbs) if (w.Equals(v, StringComparison.Ordinal)) return true;
        return false;
    }

    private static bool IsPronoun(ReadOnlySpan<char> w)
    {
        foreach (var v in Pronouns) if (w.Equals(v, StringComparison.OrdinalIgnoreCase)) return true;
        return false;
    }
}
