namespace Analysis;

/// <summary>Receives one term; the span is only valid during the call.</summary>
internal delegate void TokenSink(ReadOnlySpan<char> token);

/// <summary>
/// Content words as terms for comparing texts (clustering, stories, near-duplicates), read from the library's one
/// <see cref="Tokenizer"/>: each word token lower-cased with its apostrophes and hyphens dropped ("Israel’s" →
/// "israels", "al-Aqsa" → "alaqsa"), at least two characters, stop words dropped, and optionally the light stemmer
/// (plural and possessive endings only, so terms stay readable in explanations).
/// </summary>
internal static class WordTerms
{
    /// <summary>Longer words are skipped (run-together text, URLs).</summary>
    internal const int MaxWordLength = 40;

    /// <summary>Calls <paramref name="sink"/> with the term of every content word of <paramref name="text"/>, in order.</summary>
    public static void Read(ReadOnlySpan<char> text, bool stem, TokenSink sink)
    {
        Span<char> buf = stackalloc char[MaxWordLength];
        foreach (var t in Tokenizer.Tokenize(text))
            if (t.Kind == TokenKind.Word && Term(text.Slice(t.Start, t.Length), buf, stem) is { Length: > 0 } term) sink(term);
    }

    /// <summary>
    /// The term of one word token written into <paramref name="buf"/>, or empty when the word is too long, too short
    /// or a stop word (before or after stemming).
    /// </summary>
    public static ReadOnlySpan<char> Term(ReadOnlySpan<char> word, Span<char> buf, bool stem)
    {
        if (word.Length > MaxWordLength) return [];
        int len = Normalize(word, buf);
        if (len < 2 || StopWords.Contains(buf[..len])) return [];
        var term = stem ? Stem(buf[..len]) : buf[..len];
        return term.Length >= 2 && !StopWords.Contains(term) ? term : [];
    }

    /// <summary>Lower case, apostrophes and hyphens dropped; returns the length written.</summary>
    public static int Normalize(ReadOnlySpan<char> s, Span<char> buf)
    {
        int len = 0;
        foreach (char c in s)
            if (char.IsLetterOrDigit(c) && len < buf.Length) buf[len++] = char.ToLowerInvariant(c);
        return len;
    }

    /// <summary>Light stemmer: "policies"→"policy", "talks"→"talk", "israels"→"israel"; keeps "-ss", "-us", "-is".</summary>
    public static ReadOnlySpan<char> Stem(Span<char> w)
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
