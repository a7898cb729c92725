namespace Analysis;

/// <summary>
/// Fast word tokenizer for clustering: lower-cased runs of letters and digits (an apostrophe inside a word joins,
/// so "Israel’s" → "israels" → stem "israel"), at least two characters with a letter, stop words dropped, and an
/// optional light English stemmer (plural and possessive endings only, so terms stay readable in explanations).
/// </summary>
internal static class TermTokenizer
{
    private const int MaxTokenLength = 40;

    /// <summary>Calls <paramref name="onToken"/> for every kept token of <paramref name="text"/> in order.</summary>
    public static void Tokenize(ReadOnlySpan<char> text, bool stem, TokenSink onToken)
    {
        Span<char> buf = stackalloc char[MaxTokenLength];
        int len = 0; bool hasLetter = false; bool overflow = false;
        for (int i = 0; i <= text.Length; i++)
        {
            char c = i < text.Length ? text[i] : ' ';
            if (char.IsLetterOrDigit(c))
            {
                if (len < MaxTokenLength) buf[len++] = char.ToLowerInvariant(c); else overflow = true;
                hasLetter |= char.IsLetter(c);
                continue;
            }
            if ((c == '\'' || c == '’') && len > 0 && i + 1 < text.Length && char.IsLetter(text[i + 1])) continue;
            if (len >= 2 && hasLetter && !overflow)
            {
                ReadOnlySpan<char> token = buf[..len];
                if (!StopWords.Contains(token))
                {
                    if (stem) token = Stem(buf[..len]);
                    if (token.Length >= 2 && !StopWords.Contains(token)) onToken(token);
                }
            }
            len = 0; hasLetter = false; overflow = false;
        }
    }

    /// <summary>Light stemmer: "policies"→"policy", "talks"→"talk", "israels"→"israel"; keeps "-ss", "-us", "-is".</summary>
    internal static ReadOnlySpan<char> Stem(Span<char> w)
    {
        int n = w.Length;
        if (n > 4 && w[n - 3] == 'i' && w[n - 2] == 'e' && w[n - 1] == 's' && w[n - 4] is not ('a' or 'e'))
        {
            w[n - 3] = 'y';
            return w[..(n - 2)];
        }
        if (n > 3 && w[n - 1] == 's' && w[n - 2] is not ('s' or 'u' or 'i')) return w[..(n - 1)];
        return w;
    }
}

/// <summary>Receives one token; the span is only valid during the call.</summary>
internal delegate void TokenSink(ReadOnlySpan<char> token);
