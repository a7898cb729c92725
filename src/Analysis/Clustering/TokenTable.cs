namespace Analysis;

/// <summary>
/// Interns tokens given as character spans (no string per occurrence): open addressing with a fixed FNV-1a hash,
/// so ids and iteration never depend on the process's randomized string hashing.
/// </summary>
internal sealed class TokenTable
{
    private int[] _slots;
    private readonly List<string> _tokens = new();
    private readonly List<uint> _hashes = new();

    public TokenTable(int capacity = 1 << 14)
    {
        int size = 16;
        while (size < capacity * 2) size <<= 1;
        _slots = new int[size];
        Array.Fill(_slots, -1);
    }

    /// <summary>Number of distinct tokens.</summary>
    public int Count => _tokens.Count;

    /// <summary>The token with id <paramref name="id"/>.</summary>
    public string this[int id] => _tokens[id];

    /// <summary>The id of <paramref name="token"/>, or -1.</summary>
    public int Find(ReadOnlySpan<char> token)
    {
        uint h = Hash(token);
        int mask = _slots.Length - 1;
        for (int s = (int)(h & mask); ; s = (s + 1) & mask)
        {
            int id = _slots[s];
            if (id < 0) return -1;
            if (_hashes[id] == h && token.SequenceEqual(_tokens[id])) return id;
        }
    }

    /// <summary>The id of <paramref name="token"/>, adding it when new.</summary>
    public int GetOrAdd(ReadOnlySpan<char> token)
    {
        uint h = Hash(token);
        int mask = _slots.Length - 1;
        int s = (int)(h & mask);
        for (; ; s = (s + 1) & mask)
        {
            int id = _slots[s];
            if (id < 0) break;
            if (_hashes[id] == h && token.SequenceEqual(_tokens[id])) return id;
        }
        int added = _tokens.Count;
        _tokens.Add(token.ToString());
        _hashes.Add(h);
        _slots[s] = added;
        if (_tokens.Count * 2 > _slots.Length) Grow();
        return added;
    }

    private void Grow()
    {
        _slots = new int[_slots.Length * 2];
        Array.Fill(_slots, -1);
        int mask = _slots.Length - 1;
        for (int id = 0; id < _tokens.Count; id++)
        {
            int s = (int)(_hashes[id] & mask);
            while (_slots[s] >= 0) s = (s + 1) & mask;
            _slots[s] = id;
        }
    }

    private static uint Hash(ReadOnlySpan<char> s)
    {
        uint h = 2166136261;
        foreach (char c in s) h = (h ^ c) * 16777619;
        return h;
    }
}
