namespace Analysis;

/// <summary>
/// Strings for spans of text, made once and handed out again for the same characters: the recognizer asks for the
/// same words and names ("The", "said", "Tony Blair") in article after article, and a fresh substring each time was
/// the largest share of the text pipeline's allocation. Open addressing over the characters' hash; not thread-safe
/// (one table per recognizer, and a recognizer per thread). CommunityToolkit's thread-safe <c>StringPool</c> was
/// tried before and its look-ups cost more than they saved (docs/text.md); this table takes no lock and hashes cheaply.
/// </summary>
internal sealed class WordTable
{
    /// <summary>Entries kept at most: past it the table starts afresh, so a long-lived thread's table stays small.</summary>
    private const int MaxCount = 1 << 16;

    private string?[] _strings = new string?[1024];
    private int[] _hashes = new int[1024];
    private int _count;

    /// <summary>The string with the characters of <paramref name="chars"/>: the one made before, else a new one.</summary>
    public string Get(ReadOnlySpan<char> chars)
    {
        if (chars.IsEmpty) return "";
        int hash = Hash(chars);
        int mask = _strings.Length - 1;
        for (int i = hash & mask, probes = 0; ; i = (i + 1) & mask)
        {
            // A long probe means colliding words (a text made to collide, say): they are copied, not kept.
            if (++probes > MaxProbes) return chars.ToString();
            var s = _strings[i];
            if (s is null)
            {
                s = chars.ToString();
                _strings[i] = s;
                _hashes[i] = hash;
                if (++_count * 2 > _strings.Length) Grow();
                return s;
            }
            if (_hashes[i] == hash && chars.SequenceEqual(s)) return s;
        }
    }

    private const int MaxProbes = 32;

    /// <summary>FNV-1a over the characters: cheaper than the framework's randomized hash for short words (the probe limit above bounds what collisions can cost).</summary>
    private static int Hash(ReadOnlySpan<char> chars)
    {
        uint h = 2166136261;
        foreach (char c in chars) h = (h ^ c) * 16777619;
        return (int)(h ^ (h >> 15));
    }

    private void Grow()
    {
        var strings = _strings;
        var hashes = _hashes;
        if (_count >= MaxCount)
        {
            Array.Clear(strings);
            _count = 0;
            return;
        }
        _strings = new string?[strings.Length * 2];
        _hashes = new int[strings.Length * 2];
        int mask = _strings.Length - 1;
        for (int k = 0; k < strings.Length; k++)
        {
            if (strings[k] is not { } s) continue;
            int i = hashes[k] & mask;
            while (_strings[i] is not null) i = (i + 1) & mask;
            _strings[i] = s;
            _hashes[i] = hashes[k];
        }
    }
}
