namespace Analysis;

/// <summary>
/// One news article: its raw text (never edited), the clean body derived from it with a map back to raw
/// offsets, its segmentation, and everything cleaning set apart. All offsets in <see cref="Paragraphs"/>,
/// <see cref="Sentences"/> and extraction records refer to <see cref="Text"/> unless named Raw*.
/// </summary>
public sealed class Article
{
    /// <summary>Stable identifier (file name without extension for folders, the id column for CSV/JSONL).</summary>
    public required string Id { get; init; }
    /// <summary>Path relative to the corpus root (or the source file name), empty for in-memory articles.</summary>
    public string File { get; init; } = "";
    public string? Outlet { get; init; }
    /// <summary>The outlet to group the article under: <see cref="Outlet"/>, else its id (one article, one voice).</summary>
    public string OutletOrId => string.IsNullOrWhiteSpace(Outlet) ? Id : Outlet;
    public string? Headline { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>True when <see cref="Published"/> was inferred from the text rather than given.</summary>
    public bool PublishedInferred { get; init; }
    /// <summary>How the published date was obtained ("manifest", or the text it was inferred from).</summary>
    public string? PublishedBasis { get; init; }
    public string? Byline { get; init; }
    public string? Url { get; init; }
    /// <summary>Name of the text encoding the file was decoded with.</summary>
    public string? Encoding { get; init; }

    /// <summary>The text exactly as received (after decoding).</summary>
    public required string Raw { get; init; }
    /// <summary>The clean body: paragraphs separated by a blank line.</summary>
    public required string Text { get; init; }
    /// <summary>Clean → raw offset map.</summary>
    public required OffsetMap Map { get; init; }

    public IReadOnlyList<Paragraph> Paragraphs { get; init; } = [];
    public IReadOnlyList<Sentence> Sentences { get; init; } = [];
    /// <summary>Everything cleaning removed or set apart, with kind and reason (raw offsets).</summary>
    public IReadOnlyList<RemovedPiece> Removed { get; init; } = [];
    /// <summary>Embedded social posts set apart from the body.</summary>
    public IReadOnlyList<SocialPost> Posts { get; init; } = [];
    /// <summary>Non-fatal observations made while loading (encoding fallback, …).</summary>
    public IReadOnlyList<string> Warnings { get; init; } = [];

    /// <summary>Number of word tokens in the clean body.</summary>
    public int Words { get; init; }

    /// <summary>The sentence containing clean offset <paramref name="offset"/>, or null.</summary>
    public Sentence? SentenceAt(int offset)
    {
        int lo = 0, hi = Sentences.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            var s = Sentences[mid];
            if (offset < s.Start) hi = mid - 1;
            else if (offset >= s.End) lo = mid + 1;
            else return s;
        }
        return null;
    }

    public override string ToString() => $"{Id}: {Headline ?? Text[..Math.Min(60, Text.Length)]}";
}

/// <summary>A paragraph of the clean body.</summary>
public sealed record Paragraph(int Index, int Start, int End)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A sentence of the clean body, with its paragraph.</summary>
public sealed record Sentence(int Index, int Paragraph, int Start, int End, string Text)
{
    public TextSpan Span => new(Start, End);
}

/// <summary>A piece of the raw text that cleaning removed or set apart from the body.</summary>
/// <param name="Kind">chrome, teaser, caption, post, byline, bio, repeat, …</param>
/// <param name="Reason">The rule that matched, in words.</param>
public sealed record RemovedPiece(string Kind, string Reason, int RawStart, int RawEnd, string Text);

/// <summary>An embedded social-media post found in the article.</summary>
public sealed record SocialPost(string Text, string? Author, string? Handle, DateOnly? Date, int RawStart, int RawEnd);
