using Analysis.Model;

namespace Analysis.Segmentation;

/// <summary>Splits a clean body into paragraphs and sentences with character offsets.</summary>
public static class Segmenter
{
    /// <summary>Paragraphs: runs of text separated by one or more line breaks.</summary>
    public static List<Paragraph> Paragraphs(string text)
    {
        var result = new List<Paragraph>();
        int i = 0;
        while (i < text.Length)
        {
            while (i < text.Length && char.IsWhiteSpace(text[i])) i++;
            if (i >= text.Length) break;
            int start = i;
            while (i < text.Length && text[i] != '\n') i++;
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
            for (int i = p.Start; i < p.End; i++)
            {
                char c = text[i];
                if ((c == '.' || c == '!' || c == '?') && i + 1 < p.End && text[i + 1] == ' ' && i + 2 < p.End && char.IsUpper(text[i + 2]))
                {
                    Add(text, result, p.Index, start, i + 1);
                    start = i + 2;
                }
            }
            Add(text, result, p.Index, start, p.End);
        }
        return result;
    }

    private static void Add(string text, List<Sentence> into, int paragraph, int start, int end)
    {
        while (start < end && char.IsWhiteSpace(text[start])) start++;
        while (end > start && char.IsWhiteSpace(text[end - 1])) end--;
        if (end > start) into.Add(new Sentence(into.Count, paragraph, start, end, text[start..end]));
    }

    /// <summary>Number of word tokens (letters or digits runs).</summary>
    public static int CountWords(string text)
    {
        int n = 0; bool inWord = false;
        foreach (char c in text)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
