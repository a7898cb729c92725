namespace Analysis;

/// <summary>A half-open character range [<see cref="Start"/>, <see cref="End"/>) into a text.</summary>
public readonly record struct TextSpan(int Start, int End)
{
    /// <summary>Number of characters covered.</summary>
    public int Length => End - Start;

    /// <summary>True when <paramref name="offset"/> lies inside the span.</summary>
    public bool Contains(int offset) => offset >= Start && offset < End;

    /// <summary>The covered slice of <paramref name="text"/>.</summary>
    public string Of(string text) => text.Substring(Start, Length);
}
