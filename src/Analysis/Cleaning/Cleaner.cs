
namespace Analysis;

/// <summary>Kinds of <see cref="RemovedPiece"/> the cleaner produces.</summary>
public static class PieceKinds
{
    /// <summary>The first line, taken as the headline.</summary>
    public const string Headline = "headline";
    /// <summary>Navigation, share buttons, reading time, banners, newsletter and cookie notices.</summary>
    public const string Chrome = "chrome";
    /// <summary>Links to other stories ("Related", "Most Popular", "Read more: …") and every line of their block.</summary>
    public const string Teaser = "teaser";
    /// <summary>A photo caption (a line ending in a photo credit).</summary>
    public const string Caption = "caption";
    /// <summary>An embedded social-media post: its text and its attribution line (see <see cref="Article.Posts"/>).</summary>
    public const string Post = "post";
    /// <summary>A "By …" line (its names become <see cref="Article.Byline"/>).</summary>
    public const string Byline = "byline";
    /// <summary>An author bio ("X is the outlet's reporter").</summary>
    public const string Bio = "bio";
    /// <summary>A contributor credit ("… contributed to this report", "Reporting by …").</summary>
    public const string Credit = "credit";
    /// <summary>A source or copyright line ("From The Epoch Times"); its outlet becomes <see cref="Article.Outlet"/>.</summary>
    public const string Source = "source";
    /// <summary>A line that is only a date, or a dateline opening the first paragraph.</summary>
    public const string Dateline = "dateline";
    /// <summary>A section heading ("SIRENS IN TEL AVIV"): kept out of paragraphs and sentences.</summary>
    public const string Heading = "heading";
    /// <summary>An exact repeat of an earlier paragraph or caption, counted once.</summary>
    public const string Repeat = "repeat";
    /// <summary>Line breaks the scraper put inside a sentence or a word, removed when the pieces were joined.</summary>
    public const string Join = "join";
}

/// <summary>Options for <see cref="Cleaner.Clean"/>.</summary>
public sealed record CleanOptions
{
    /// <summary>Take the first line as the headline when it reads as one.</summary>
    public bool DetectHeadline { get; init; } = true;
    /// <summary>A headline known from metadata: a first line equal to it is set apart whatever its shape.</summary>
    public string? KnownHeadline { get; init; }
    /// <summary>Word frequencies used to rejoin split words (default <see cref="WordFrequencies.English"/>, loaded only when a text needs it).</summary>
    public WordFrequencies? Lexicon { get; init; }
}

/// <summary>A date the cleaner found in a caption, post or dateline, which can tell when the article was written.</summary>
public sealed record DateEvidence(string Kind, DateOnly Date, string Surface);

/// <summary>What cleaning made of a raw text: the clean body with its map, what was set apart, and metadata found.</summary>
public sealed record CleanedText(
    string Text, OffsetMap Map, IReadOnlyList<RemovedPiece> Removed, IReadOnlyList<SocialPost> Posts,
    string? Headline, string? Byline, string? Outlet, IReadOnlyList<DateEvidence> Dates);

/// <summary>
/// Non-destructive cleaning of one article's raw text. Every non-blank line is a paragraph candidate; whole-line
/// rules (<see cref="LineRules"/>) set apart chrome, teaser blocks, captions, posts, bylines, bios, credits,
/// source lines, datelines and headings; exact repeats are counted once; a paragraph that stops mid-sentence and
/// resumes in lower case after a line break is joined again (as one word when <see cref="WordFrequencies"/> says the two
/// pieces are one word). The clean body is built with <see cref="CleanTextBuilder"/>, paragraphs separated by a
/// blank line, so every clean offset maps back to the raw text.
/// </summary>
public static class Cleaner
{
    /// <summary>Longest text (characters) taken as an embedded post's body: a tweet plus its links.</summary>
    private const int MaxPostLength = 340;

    /// <summary>What the rules found besides line kinds.</summary>
    private sealed class Findings
    {
        public readonly List<SocialPost> Posts = new();
        public readonly List<DateEvidence> Dates = new();
        public readonly List<RemovedPiece> Extra = new();
        public string? Byline, Outlet;
    }

    /// <summary>Cleans <paramref name="raw"/>; see the class summary.</summary>
    public static CleanedText Clean(string raw, CleanOptions? options = null)
    {
        options ??= new CleanOptions();
        var lines = SplitLines(raw);
        var found = new Findings();
        MarkTeaserBlocks(lines);
        MarkPosts(lines, found);
        MarkLines(lines, found);
        MarkSourceLines(lines, found);
        var headline = MarkHeadline(lines, options);
        MarkHeadings(lines);
        MarkRepeats(lines);
        DatelineAtStart(raw, lines, found);
        var (text, map, joins) = Build(raw, lines, options.Lexicon);

        var removed = lines.Where(l => !l.IsBody)
            .Select(l => new RemovedPiece(l.Kind!, l.Reason!, l.Start, l.End, l.Text))
            .Concat(found.Extra).Concat(joins)
            .OrderBy(p => p.RawStart).ToList();
        return new CleanedText(text, map, removed, found.Posts, headline, found.Byline, found.Outlet, found.Dates);
    }

    /// <summary>Chrome, one-line teasers, captions, bylines, bios, credits and date lines.</summary>
    private static void MarkLines(List<TextLine> lines, Findings found)
    {
        foreach (var l in lines)
        {
            if (!l.IsBody) continue;
            if (LineRules.Chrome(l.Span, l.Words) is { } why) Set(l, PieceKinds.Chrome, why);
            else if (LineRules.IsInlineTeaser(l.Span, l.Words)) Set(l, PieceKinds.Teaser, "link to another story");
            else if (LineRules.IsCaption(l.Span, l.Words))
            {
                Set(l, PieceKinds.Caption, "photo caption (ends with a photo credit)");
                foreach (var d in AbsoluteDates.Find(l.Text))
                    if (d.Date is { } date) found.Dates.Add(new DateEvidence("caption", date, d.Surface));
            }
            else if (LineRules.BylineNames(l) is { } names)
            {
                Set(l, PieceKinds.Byline, "byline");
                found.Byline ??= names;
            }
            else if (LineRules.BioLine(l) is { } bio)
            {
                Set(l, PieceKinds.Bio, bio.Name.Length == 0 ? "author's social-media line" : "author bio");
                if (bio.Name.Length > 0) found.Byline ??= bio.Name;
                found.Outlet ??= bio.Outlet;
            }
            else if (LineRules.IsCredit(l.Span, l.Words)) Set(l, PieceKinds.Credit, "contributor credit");
            else if (l.Words <= 12 && LineRules.DatelineDate(l.Text, l.Words) is { } dateline)
            {
                Set(l, PieceKinds.Dateline, "date line");
                found.Dates.Add(new DateEvidence("dateline", dateline.Date!.Value, dateline.Surface));
            }
        }
    }

    private static void Set(TextLine l, string kind, string reason) => (l.Kind, l.Reason) = (kind, reason);

    /// <summary>Non-blank lines with their raw bounds (surrounding white space trimmed); CR, LF and CRLF all end a line.</summary>
    private static List<TextLine> SplitLines(string raw)
    {
        var lines = new List<TextLine>();
        bool blankBefore = true;
        int i = 0;
        while (i <= raw.Length)
        {
            int end = raw.IndexOfAny(['\r', '\n'], i);
            if (end < 0) end = raw.Length;
            int s = i, e = end;
            while (s < e && char.IsWhiteSpace(raw[s])) s++;
            while (e > s && char.IsWhiteSpace(raw[e - 1])) e--;
            if (e > s)
            {
                lines.Add(new TextLine(raw, s, e, blankBefore));
                blankBefore = false;
            }
            else blankBefore = true;
            if (end >= raw.Length) break;
            i = end + (raw[end] == '\r' && end + 1 < raw.Length && raw[end + 1] == '\n' ? 2 : 1);
        }
        return lines;
    }

    /// <summary>
    /// A teaser label alone on its line opens a block of other stories that runs to the end of the page (where
    /// publishers put it); should that block hold most of the article's words, the label is mid-body and only it and
    /// the three lines after it (kicker, headline, summary) are taken.
    /// </summary>
    private static void MarkTeaserBlocks(List<TextLine> lines)
    {
        int total = lines.Sum(l => l.Words);
        for (int i = 0; i < lines.Count; i++)
        {
            if (!LineRules.IsTeaserLabel(lines[i].Span, lines[i].Words)) continue;
            int tail = lines.Skip(i).Sum(l => l.Words);
            int end = tail * 2 > total ? Math.Min(lines.Count, i + 4) : lines.Count;
            Set(lines[i], PieceKinds.Teaser, "teaser label");
            for (int j = i + 1; j < end; j++)
            {
                if (!lines[j].IsBody) continue;
                if (LineRules.Chrome(lines[j].Span, lines[j].Words) is { } why) Set(lines[j], PieceKinds.Chrome, why);
                else Set(lines[j], PieceKinds.Teaser, "in teaser block (another story)");
            }
            i = end - 1;
        }
    }

    /// <summary>
    /// An attribution line ("— Name (@handle) date") and the short paragraph before it make one post; a short
    /// line carrying a social-media link is a post fragment of its own.
    /// </summary>
    private static void MarkPosts(List<TextLine> lines, Findings found)
    {
        for (int i = 0; i < lines.Count; i++)
        {
            var l = lines[i];
            if (l.IsBody && LineRules.PostAttributionLine(l) is { } attribution)
            {
                Set(l, PieceKinds.Post, $"social post attribution (@{attribution.Handle})");
                int first = PostTextStart(lines, i);
                for (int j = first; j < i; j++) Set(lines[j], PieceKinds.Post, $"social post text (@{attribution.Handle})");
                var body = string.Join("\n", lines.Skip(first).Take(i - first).Select(x => x.Text));
                found.Posts.Add(new SocialPost(body, attribution.Author, attribution.Handle, attribution.Date, lines[first].Start, l.End));
                if (attribution.Date is { } d) found.Dates.Add(new DateEvidence("post", d, attribution.DateText));
            }
        }
        foreach (var l in lines)
            if (l.IsBody && l.Span.Length <= MaxPostLength && LineRules.HasSocialLink(l.Span))
            {
                Set(l, PieceKinds.Post, "line carrying a social-media link");
                found.Posts.Add(new SocialPost(l.Text, null, null, null, l.Start, l.End));
            }
        found.Posts.Sort((a, b) => a.RawStart.CompareTo(b.RawStart));
    }

    /// <summary>
    /// Index of the first line of the post whose attribution is line <paramref name="attribution"/>: the body line
    /// before it when short enough for a post, and earlier lines while they carry a mention, hashtag or link and the
    /// post stays short enough.
    /// </summary>
    private static int PostTextStart(List<TextLine> lines, int attribution)
    {
        int first = attribution, length = 0;
        for (int j = attribution - 1; j >= 0 && lines[j].IsBody; j--)
        {
            length += lines[j].Span.Length;
            if (length > MaxPostLength || (j < attribution - 1 && !LineRules.HasSocialMarker(lines[j].Span))) break;
            first = j;
        }
        return first;
    }

    /// <summary>Source and copyright lines count only among the first two or last three body lines.</summary>
    private static void MarkSourceLines(List<TextLine> lines, Findings found)
    {
        var body = lines.Where(l => l.IsBody).ToList();
        for (int k = 0; k < body.Count; k++)
        {
            if (k >= 2 && k < body.Count - 3) continue;
            if (body[k].Words > 12 || LineRules.SourceOutlet(body[k].Text, body[k].Words) is not { } named) continue;
            Set(body[k], PieceKinds.Source, "source line");
            found.Outlet ??= named;
        }
    }

    /// <summary>
    /// The first body line is the headline when it equals the known headline, or (when detection is on) reads as
    /// one and is followed by a blank line or by a longer paragraph.
    /// </summary>
    private static string? MarkHeadline(List<TextLine> lines, CleanOptions options)
    {
        int first = lines.FindIndex(l => l.IsBody);
        if (first < 0) return null;
        var l = lines[first];
        bool known = options.KnownHeadline is { } h && string.Equals(Normalize(h), Normalize(l.Text), StringComparison.OrdinalIgnoreCase);
        int next = lines.FindIndex(first + 1, x => x.IsBody);
        bool shaped = options.DetectHeadline && next > 0 && LineRules.ReadsAsHeadline(l.Text, l.Words)
            && (lines[first + 1].BlankBefore || lines[next].Words >= 2 * l.Words && LineRules.EndsInPunctuation(lines[next].Span));
        if (!known && !shaped) return null;
        Set(l, PieceKinds.Headline, known ? "first line repeats the headline" : "first line reads as a headline");
        return l.Text;
    }

    /// <summary>Lines in capitals, and short title-like lines between body paragraphs, are section headings.</summary>
    private static void MarkHeadings(List<TextLine> lines)
    {
        var body = lines.Where(l => l.IsBody).ToList();
        for (int k = 0; k < body.Count; k++)
        {
            var l = body[k];
            if (LineRules.IsCapitalsHeading(l.Span, l.Words)) Set(l, PieceKinds.Heading, "section heading in capitals");
            else if (k > 0 && k + 1 < body.Count && body[k + 1].Words >= 8 && l.BlankBefore && !char.IsLower(body[k + 1].Span[0])
                && LineRules.IsShortTitle(l.Span, l.Words))
                Set(l, PieceKinds.Heading, "short title line between paragraphs");
        }
    }

    /// <summary>A body paragraph or caption (four words or more) printed again is kept once.</summary>
    private static void MarkRepeats(List<TextLine> lines)
    {
        var seen = new HashSet<TextLine>(SameText.Instance);
        foreach (var l in lines)
        {
            if (!(l.IsBody || l.Kind == PieceKinds.Caption) || l.Words < 4) continue;
            if (!seen.Add(l)) Set(l, PieceKinds.Repeat, l.IsBody ? "repeated paragraph" : "repeated caption");
        }
    }

    /// <summary>A dateline opening the first body paragraph ("GAZA CITY, Oct. 22 (Reuters) - ") is set apart.</summary>
    private static void DatelineAtStart(string raw, List<TextLine> lines, Findings found)
    {
        var first = lines.FirstOrDefault(l => l.IsBody);
        if (first is null || LineRules.DatelineAtStart(first.Text) is not { } d) return;
        first.BodyStart = first.Start + d.Length;
        found.Extra.Add(new RemovedPiece(PieceKinds.Dateline, "dateline opening the first paragraph", first.Start, first.BodyStart, raw[first.Start..first.BodyStart]));
        if (d.Date?.Date is { } date) found.Dates.Add(new DateEvidence("dateline", date, d.Date.Surface));
    }

    private static (string Text, OffsetMap Map, List<RemovedPiece> Joins) Build(string raw, List<TextLine> lines, WordFrequencies? lexicon)
    {
        var builder = new CleanTextBuilder(raw);
        var joins = new List<RemovedPiece>();
        TextLine? previous = null;
        foreach (var l in lines)
        {
            if (!l.IsBody) continue;
            if (previous is not null)
            {
                var join = Continuation(previous, l, lines, lexicon);
                if (join is null) builder.AppendSynthetic("\n\n");
                else
                {
                    if (join == " ") builder.AppendSynthetic(" ");
                    joins.Add(new RemovedPiece(PieceKinds.Join, join == " " ? "paragraph break inside a sentence" : "word split across a line break",
                        previous.End, l.BodyStart, raw[previous.End..l.BodyStart]));
                }
            }
            builder.Append(l.BodyStart, l.End);
            previous = l;
        }
        var (text, map) = builder.Build();
        return (text, map, joins);
    }

    /// <summary>
    /// How <paramref name="b"/> continues <paramref name="a"/>: null when it starts a new paragraph, "" when the
    /// break split a word, " " when it split a sentence. A sentence was split when <paramref name="a"/> ends with a
    /// letter, digit, comma or a hyphen after a letter and <paramref name="b"/> starts with a lower-case letter.
    /// </summary>
    private static string? Continuation(TextLine a, TextLine b, List<TextLine> lines, WordFrequencies? lexicon)
    {
        char last = a.Span[^1], first = b.Span[b.BodyStart - b.Start];
        if (!char.IsLower(first)) return null;
        // A hyphenated word broken after its hyphen ("cease-" / "fire") keeps the hyphen.
        if (last == '-' && a.Span.Length > 1 && char.IsLetter(a.Span[^2])) return "";
        if (!(char.IsLetterOrDigit(last) || last == ',')) return null;
        if (!char.IsLetter(last)) return " ";
        var left = TrailingWord(a.Span);
        var right = LeadingWord(b.Span[(b.BodyStart - b.Start)..]);
        return WordJoiner.IsOneWord(left, right, lexicon ?? WordFrequencies.English, w => OccursElsewhere(w, lines)) ? "" : " ";
    }

    private static string TrailingWord(ReadOnlySpan<char> s)
    {
        int i = s.Length;
        while (i > 0 && char.IsLetter(s[i - 1])) i--;
        return s[i..].ToString();
    }

    private static string LeadingWord(ReadOnlySpan<char> s)
    {
        int i = 0;
        while (i < s.Length && char.IsLetter(s[i])) i++;
        return s[..i].ToString();
    }

    private static bool OccursElsewhere(string word, List<TextLine> lines)
    {
        foreach (var l in lines)
        {
            var text = l.Span;
            for (int from = 0; from < text.Length;)
            {
                int at = text[from..].IndexOf(word, StringComparison.OrdinalIgnoreCase);
                if (at < 0) break;
                at += from;
                bool startsWord = at == 0 || !char.IsLetter(text[at - 1]);
                bool endsWord = at + word.Length == text.Length || !char.IsLetter(text[at + word.Length]);
                if (startsWord && endsWord) return true;
                from = at + 1;
            }
        }
        return false;
    }

    /// <summary>Lines are the same when their text is, white space normalised.</summary>
    private sealed class SameText : IEqualityComparer<TextLine>
    {
        public static readonly SameText Instance = new();
        public bool Equals(TextLine? a, TextLine? b) => a is not null && b is not null && Key(a).SequenceEqual(Key(b));
        public int GetHashCode(TextLine l) => string.GetHashCode(Key(l));
        private static ReadOnlySpan<char> Key(TextLine l) => HasIrregularSpace(l.Span) ? Normalize(l.Text) : l.Span;
    }

    private static bool HasIrregularSpace(ReadOnlySpan<char> s)
    {
        for (int i = 0; i < s.Length; i++)
            if (char.IsWhiteSpace(s[i]) && (s[i] != ' ' || i + 1 < s.Length && char.IsWhiteSpace(s[i + 1]))) return true;
        return false;
    }

    /// <summary>The text with runs of white space made one space (the text itself when it has none).</summary>
    private static string Normalize(string s) =>
        HasIrregularSpace(s) ? string.Join(' ', s.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries)) : s;
}
