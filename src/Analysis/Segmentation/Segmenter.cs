
namespace Analysis;

/// <summary>
/// Splits a clean body into paragraphs (lines) and sentences with character offsets. A sentence ends at . ! ? or …
/// (with any closing quotes or brackets after it) followed by white space and a capital, digit or opening quote,
/// except after a title ("Mr.", "Gen."), an initial ("W."), a month or number abbreviation before a number
/// ("Oct. 7", "No. 10"), or an initialism ("U.S.", "U.N.") unless the next word is a usual sentence opener.
/// </summary>
public static class Segmenter
{
    private static readonly HashSet<string> Titles = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Messrs", "Mme", "Dr", "Prof", "Gen", "Lt", "Col", "Maj", "Capt", "Cpt", "Sgt", "Cpl", "Pvt", "Adm",
        "Cmdr", "Brig", "Gov", "Sen", "Rep", "Reps", "Rev", "Hon", "Pres", "Supt", "Insp", "Det", "Cllr", "Amb", "St", "Mt", "Ft",
        "Sr", "Jr", "vs", "Vs", "Rt", "Sec", "Atty", "Dept", "Univ",
    };

    private static readonly HashSet<string> BeforeNumbers = new(StringComparer.Ordinal)
    {
        "Jan", "Feb", "Mar", "Apr", "Jun", "Jul", "Aug", "Sep", "Sept", "Oct", "Nov", "Dec",
        "No", "Nos", "no", "Art", "art", "Fig", "fig", "Vol", "vol", "p", "pp", "Ch", "ch", "Sec", "Rs",
    };

    /// <summary>Company suffixes: a sentence may end on them, but usually a name goes on.</summary>
    private static readonly HashSet<string> CompanySuffixes = new(StringComparer.Ordinal) { "Inc", "Corp", "Ltd", "Co", "Bros", "Plc", "plc", "LLC", "Cos" };

    /// <summary>Words that usually open a sentence: after an initialism or company suffix they mark a sentence end.</summary>
    private static readonly HashSet<string> Openers = new(StringComparer.Ordinal)
    {
        "A", "An", "The", "He", "She", "It", "They", "We", "I", "You", "His", "Her", "Its", "Their", "Our", "This", "That", "These",
        "Those", "There", "But", "And", "Or", "So", "Yet", "In", "On", "At", "As", "If", "When", "While", "After", "Before", "Since",
        "However", "Meanwhile", "Still", "Also", "Now", "Then", "Some", "Many", "Most", "No", "Not", "What", "Why", "How", "Who",
        "Where", "Officials", "According", "For", "With", "Under", "Despite", "Although", "Both", "Each", "Such", "Last", "Earlier",
    };

    /// <summary>Paragraphs: runs of text separated by one or more line breaks, white space trimmed.</summary>
    public static List<Paragraph> Paragraphs(string text)
    {
        var result = new List<Paragraph>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length && text[i] is not ('\n' or '\r')) i++;
            int end = i;
            while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
            result.Add(new Paragraph(result.Count, start, end));
        }
        return result;
    }

    /// <summary>Sentences of every paragraph, numbered across the article.</summary>
    public static List<Sentence> Sentences(string text, IReadOnlyList<Paragraph> paragraphs)
    {
        var result = new List<Sentence>();
        foreach (var p in paragraphs)
        {
            int start = p.Start;
            foreach (int end in SentenceEnds(text, p.Start, p.End))
            {
                Add(text, result, p.Index, start, end);
                start = end;
            }
            Add(text, result, p.Index, start, p.End);
        }
        return result;
    }

    /// <summary>Offsets (exclusive) where sentences end inside [<paramref name="start"/>, <paramref name="end"/>), the last excepted.</summary>
    public static IEnumerable<int> SentenceEnds(string text, int start, int end)
    {
        for (int i = start; i < end; i++)
        {
            char c = text[i];
            if (c is not ('.' or '!' or '?' or '…')) continue;
            int j = i + 1;
            while (j < end && text[j] is '.' or '!' or '?' or '…') j++;
            while (j < end && IsCloser(text[j])) j++;
            if (j >= end || !char.IsWhiteSpace(text[j])) { i = j - 1; continue; }
            int k = j;
            while (k < end && char.IsWhiteSpace(text[k])) k++;
            if (k >= end) break;
            if (!StartsSentence(text, k, end)) { i = j - 1; continue; }
            if (c == '.' && j == i + 1 && !EndsAtDot(text, start, i, k, end)) { i = j - 1; continue; }
            yield return j;
            i = k - 1;
        }
    }

    private static bool IsCloser(char c) => c is '"' or '”' or '’' or '\'' or ')' or ']' or '»';

    private static bool StartsSentence(string text, int k, int end)
    {
        char n = text[k];
        if (char.IsUpper(n) || char.IsDigit(n)) return true;
        if (n is '"' or '“' or '‘' or '\'' or '(' or '[' or '«' && k + 1 < end) return char.IsUpper(text[k + 1]) || char.IsDigit(text[k + 1]);
        return false;
    }

    /// <summary>Whether the dot at <paramref name="dot"/> ends a sentence, given the word before it and the text at <paramref name="next"/>.</summary>
    private static bool EndsAtDot(string text, int paragraphStart, int dot, int next, int end)
    {
        int w = dot;
        while (w > paragraphStart && (char.IsLetter(text[w - 1]) || text[w - 1] == '.')) w--;
        var word = text.AsSpan(w, dot - w);
        if (word.Length == 0) return true;
        bool nextIsDigit = char.IsDigit(text[next]);
        if (word.Length == 1 && char.IsUpper(word[0])) return false;
        var key = word.ToString();
        if (Titles.Contains(key)) return false;
        if (BeforeNumbers.Contains(key)) return !nextIsDigit;
        bool initialism = word.Length >= 3 && IsInitialism(word);
        if (initialism || CompanySuffixes.Contains(key)) return Openers.Contains(NextWord(text, next, end));
        return true;
    }

    private static bool IsInitialism(ReadOnlySpan<char> word)
    {
        for (int i = 0; i < word.Length; i++)
            if ((i % 2 == 0) != char.IsLetter(word[i])) return false;
        return true;
    }

    private static string NextWord(string text, int k, int end)
    {
        while (k < end && !char.IsLetterOrDigit(text[k])) k++;
        int s = k;
        while (k < end && char.IsLetter(text[k])) k++;
        return text[s..k];
    }

    private static void Add(string text, List<Sentence> into, int paragraph, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add(new Sentence(into.Count, paragraph, start, end, text[start..end]));
    }

    /// <summary>Number of word and number tokens (see <see cref="Tokenizer"/>).</summary>
    public static int CountWords(string text) => Tokenizer.CountWords(text);
}
