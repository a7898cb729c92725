namespace Analysis;

/// <summary>A word of a sentence, as the name rules see it.</summary>
/// <param name="Start">Offset of the first character in the article text.</param>
/// <param name="End">Offset after the word, a possessive "'s" excluded.</param>
/// <param name="Joined">True when only spaces separate it from the previous word (so both may belong to one name).</param>
/// <param name="Initial">True when it opens the sentence, a quotation or a clause after a colon or dash.</param>
/// <param name="Closed">True when a name cannot continue past it (possessive, "Hamas-run").</param>
internal readonly record struct Word(int Start, int End, bool Joined, bool Initial, bool Closed)
{
    public int Length => End - Start;
}

/// <summary>Splits a range of text into <see cref="Word"/>s in one pass, allocation-free apart from the list.</summary>
internal static class Words
{
    /// <summary>Title abbreviations whose trailing period belongs to the word.</summary>
    private static readonly HashSet<string> Abbreviations = new(StringComparer.Ordinal)
        { "Mr", "Mrs", "Ms", "Dr", "Gen", "Sen", "Rep", "Col", "Prof", "Rev", "St", "Lt", "Capt", "Gov", "Jr", "Sr", "Sgt", "Adm", "Maj", "Reps", "Sens" };

    /// <summary>The longest of <see cref="Abbreviations"/>: no longer word is copied to look it up.</summary>
    private static readonly int LongestAbbreviation = Abbreviations.Max(a => a.Length);

    public static void Scan(string text, int start, int end, List<Word> into)
    {
        into.Clear();
        int i = start;
        bool initial = true, joined = false, closedPrev = false;
        while (i < end)
        {
            char c = text[i];
            if (!char.IsLetterOrDigit(c))
            {
                // " & " is a word of its own, so "Marks & Spencer" can stay one name (the recognizer decides).
                if (c == '&' && i > start && text[i - 1] == ' ' && i + 1 < end && text[i + 1] == ' ')
                {
                    into.Add(new Word(i, i + 1, joined && !closedPrev, initial, false));
                    closedPrev = false;
                    initial = false;
                    i++;
                    continue;
                }
                i++;
                if (c is ' ' or '\u00A0') continue;
                joined = false;
                if (c is '“' or '"' or '‘' or '«' or ':' or '—' or '–' or '(' or '[' or '•' or '\n' or ';' or '.' or '!' or '?') initial = true;
                continue;
            }
            int s = i, j = i;
            bool stop = false;
            while (j < end && !stop)
            {
                char d = text[j];
                if (char.IsLetterOrDigit(d)) { j++; continue; }
                if (j + 1 < end && char.IsLetter(text[j + 1]))
                {
                    if (d is '\'' or '’') { j++; continue; }
                    if (d == '-')
                    {
                        // "Hamas-run", "Iran-backed": the capitalized part is the name, the rest is not.
                        if (char.IsUpper(text[s]) && char.IsLower(text[j + 1])) { stop = true; break; }
                        j++;
                        continue;
                    }
                    if (d == '.' && j - s >= 1 && char.IsUpper(text[j - 1]) && (j - s == 1 || text[j - 2] == '.')) { j++; continue; }
                }
                break;
            }
            int wordEnd = j;
            bool possessive = false;
            if (wordEnd - s > 2 && text[wordEnd - 1] is 's' && text[wordEnd - 2] is '\'' or '’') { wordEnd -= 2; possessive = true; }
            else if (j < end && text[j] is '\'' or '’' && text[j - 1] == 's' && (j + 1 >= end || !char.IsLetter(text[j + 1]))) { possessive = true; j++; }
            // A middle initial ("Donald J. Trump") keeps its period and the name goes on.
            bool initialLetter = wordEnd - s == 1 && char.IsUpper(text[s]) && j + 2 < end && text[j + 1] == ' ' && char.IsUpper(text[j + 2]);
            if (j < end && text[j] == '.' && (initialLetter || IsDottedAcronym(text, s, wordEnd) || wordEnd - s <= LongestAbbreviation && Abbreviations.Contains(text.Substring(s, wordEnd - s))))
            {
                j++;
                wordEnd = j;
            }
            into.Add(new Word(s, wordEnd, joined && !closedPrev, initial, possessive || stop));
            closedPrev = possessive || stop;
            initial = false;
            joined = true;
            i = stop ? SkipHyphenated(text, j, end) : j;
            if (stop) { joined = false; closedPrev = true; }
        }
    }

    private static int SkipHyphenated(string text, int j, int end)
    {
        while (j < end && (char.IsLetterOrDigit(text[j]) || text[j] == '-')) j++;
        return j;
    }

    private static bool IsDottedAcronym(string text, int s, int e) => e - s >= 3 && text.AsSpan(s, e - s).Contains('.');

    /// <summary>True when every letter is uppercase and there are at least two.</summary>
    public static bool IsAllCaps(ReadOnlySpan<char> s)
    {
        int letters = 0;
        foreach (char c in s)
        {
            if (!char.IsLetter(c)) continue;
            if (!char.IsUpper(c)) return false;
            letters++;
        }
        return letters >= 2;
    }
}
