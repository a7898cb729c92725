namespace Analysis;

/// <summary>
/// Decides whether two pieces of text on either side of a line break are one word a scraper split ("la" +
/// "nded", "t" + "he") or two words ("said" + "he").
/// </summary>
internal static class WordJoiner
{
    /// <summary>How much likelier (natural log) the joined word must be than the two pieces as words: 1000 times.</summary>
    private static readonly double Margin = Math.Log(1000);

    /// <summary>
    /// One word when the joined string is in <paramref name="lexicon"/> and either piece is not a word on its own, or
    /// both are words but the joined word is far likelier than the two in a row (so "walk"+"ing" joins while "in"+"to"
    /// stays two words); a joined string the lexicon lacks is one word when the article writes it whole elsewhere.
    /// </summary>
    public static bool IsOneWord(string left, string right, WordFrequencies lexicon, Func<string, bool> occursElsewhere)
    {
        if (left.Length == 0 || right.Length == 0) return false;
        string l = left.ToLowerInvariant(), r = right.ToLowerInvariant(), joined = l + r;
        // A word the lexicon lacks (a name, a term) joins when the article writes it whole elsewhere.
        if (lexicon.Frequency(joined) == 0) return occursElsewhere(left + right);
        bool leftIsWord = lexicon.Frequency(l) > 0, rightIsWord = lexicon.Frequency(r) > 0;
        if (!leftIsWord || !rightIsWord) return true;
        return lexicon.LogProbability(joined) - lexicon.LogProbability(l) - lexicon.LogProbability(r) > Margin;
    }
}
