namespace Analysis;

/// <summary>
/// Maps offsets in an article's clean text back to its raw text. The clean text is a sequence of raw slices
/// with occasional synthetic characters (paragraph breaks, joins); synthetic characters map to the raw offset
/// where the preceding slice ended.
/// </summary>
public sealed class OffsetMap
{
    private readonly int[] _cleanStarts;
    private readonly int[] _rawStarts;
    private readonly int[] _lengths;

    internal OffsetMap(int[] cleanStarts, int[] rawStarts, int[] lengths)
    {
        _cleanStarts = cleanStarts;
        _rawStarts = rawStarts;
        _lengths = lengths;
    }

    /// <summary>The identity map for a text that needed no cleaning.</summary>
    public static OffsetMap Identity(int length) => new([0], [0], [length]);

    /// <summary>Number of raw slices the clean text is made of.</summary>
    public int Segments => _cleanStarts.Length;

    /// <summary>Raw offset of the character at clean offset <paramref name="cleanOffset"/>.</summary>
    public int ToRaw(int cleanOffset)
    {
        if (_cleanStarts.Length == 0) return 0;
        int i = Array.BinarySearch(_cleanStarts, cleanOffset);
        if (i < 0) i = ~i - 1;
        if (i < 0) return _rawStarts[0];
        int within = cleanOffset - _cleanStarts[i];
        return within < _lengths[i] ? _rawStarts[i] + within : _rawStarts[i] + _lengths[i];
    }

    /// <summary>Raw span covering the clean span (end mapped as the position after the last character).</summary>
    public TextSpan ToRaw(TextSpan clean) =>
        clean.Length == 0 ? new(ToRaw(clean.Start), ToRaw(clean.Start)) : new(ToRaw(clean.Start), ToRaw(clean.End - 1) + 1);
}

/// <summary>Builds a clean text from raw slices and synthetic characters, recording the <see cref="OffsetMap"/>.</summary>
public sealed class CleanTextBuilder
{
    private readonly string _raw;
    private readonly System.Text.StringBuilder _text = new();
    private readonly List<int> _cleanStarts = new();
    private readonly List<int> _rawStarts = new();
    private readonly List<int> _lengths = new();
    private int _lastRawEnd;

    /// <summary>Starts a clean text over <paramref name="raw"/>.</summary>
    public CleanTextBuilder(string raw) => _raw = raw;

    /// <summary>Length of the clean text so far.</summary>
    public int Length => _text.Length;

    /// <summary>Appends the raw slice [start, end).</summary>
    public CleanTextBuilder Append(int rawStart, int rawEnd)
    {
        if (rawEnd <= rawStart) return this;
        int n = _lengths.Count;
        if (n > 0 && _rawStarts[n - 1] + _lengths[n - 1] == rawStart && _cleanStarts[n - 1] + _lengths[n - 1] == _text.Length)
            _lengths[n - 1] += rawEnd - rawStart;
        else
        {
            _cleanStarts.Add(_text.Length);
            _rawStarts.Add(rawStart);
            _lengths.Add(rawEnd - rawStart);
        }
        _text.Append(_raw, rawStart, rawEnd - rawStart);
        _lastRawEnd = rawEnd;
        return this;
    }

    /// <summary>Appends characters that are not in the raw text (they map to the end of the previous slice).</summary>
    public CleanTextBuilder AppendSynthetic(string s)
    {
        if (s.Length == 0) return this;
        _cleanStarts.Add(_text.Length);
        _rawStarts.Add(_lastRawEnd);
        _lengths.Add(0);
        _text.Append(s);
        return this;
    }

    /// <summary>The clean text and its map back to raw offsets.</summary>
    public (string Text, OffsetMap Map) Build() =>
        (_text.ToString(), new OffsetMap(_cleanStarts.ToArray(), _rawStarts.ToArray(), _lengths.ToArray()));
}
