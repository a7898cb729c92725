namespace Analysis;

/// <summary>
/// A non-blank line of a raw text (surrounding white space trimmed) and what the cleaner decided about it. Its
/// string is only made when a rule needs one, so long body lines cost no copy.
/// </summary>
internal sealed class TextLine(string raw, int start, int end, bool blankBefore)
{
    private string? _text;

    /// <summary>Raw offsets of the line.</summary>
    public readonly int Start = start, End = end;
    /// <summary>True when a blank line (or the start of the text) comes before it.</summary>
    public readonly bool BlankBefore = blankBefore;
    /// <summary>Number of white-space separated words.</summary>
    public readonly int Words = LineRules.CountWords(raw.AsSpan(start, end - start));
    /// <summary>Where the kept body starts (after a dateline set apart from the first paragraph).</summary>
    public int BodyStart = start;
    /// <summary>The <see cref="PieceKinds"/> kind it was set apart as, and why; null while it is body text.</summary>
    public string? Kind, Reason;

    public bool IsBody => Kind is null;
    public ReadOnlySpan<char> Span => raw.AsSpan(Start, End - Start);
    public string Text => _text ??= raw.Substring(Start, End - Start);
}
