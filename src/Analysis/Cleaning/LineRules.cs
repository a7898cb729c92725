using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Whole-line rules of the cleaner: each tells whether one line (paragraph) of a web copy is page chrome, a
/// teaser label, a photo caption, a social-post attribution, a byline, an author bio, a contributor credit, a
/// source line, a dateline or a heading. They look at the shape of a line, never at one article's strings.
/// </summary>
internal static partial class LineRules
{
    private const RegexOptions Ci = RegexOptions.IgnoreCase | RegexOptions.CultureInvariant;
    private const string Name = @"[\p{Lu}][\p{L}'’.-]*";
    private const string NameParticle = @"(?:al|bin|ibn|de|da|del|della|der|di|du|el|la|le|van|von|y)[-\s]";

    [GeneratedRegex(@"^(?:skip to (?:the )?(?:main )?(?:content|navigation|main)|advertisement(?:\s*[-–—]\s*scroll to continue)?|(?:sponsored|promoted|partner)(?: content)?|share(?: this (?:article|story|page))?|copy link|print(?: this (?:article|page))?|e-?mail|comments?|listen to (?:this )?(?:article|story)|(?:image|photo|video)(?: source| credit)?|(?:\p{L}+ ){0,2}banner(?: \d+)?|[•·*|\-–—_=~]+|follow us(?: on [\p{L} ,]+)?|click here.*)\s*:?$", Ci)]
    private static partial Regex ChromeLine();

    [GeneratedRegex(@"^(?:\d{1,3}\s*(?:min|mins|minutes?)(?:\s+read)?|(?:reading|read) time\s*:?\s*\d{1,3}\s*(?:min|mins|minutes?)|(?:published|updated|posted)\s*:?\s*\d{1,2}\s*(?:min|mins|minutes?|hours?|hrs?|days?)\s+ago)\.?$", Ci)]
    private static partial Regex ReadingTime();

    [GeneratedRegex(@"^(?:sign up|subscribe|unsubscribe|get|receive|join)\b.*\bnewsletters?\b|\bour (?:[\p{L}-]+ )?newsletters?\b|^newsletters?$|^(?:sign up|subscribe)(?: now| here| today)?[.!]?$", Ci)]
    private static partial Regex Newsletter();

    [GeneratedRegex(@"we use cookies|cookie (?:policy|settings|preferences|notice|banner)|accept (?:all )?cookies|(?:necessary|essential|analytics?|functional|performance|marketing|third[- ]party) cookies|cookies? (?:enable|help us|are used)|browser (?:settings|preferences)", Ci)]
    private static partial Regex CookieNotice();

    [GeneratedRegex(@"^(?:related(?: (?:articles?|stories|story|content|news|coverage|topics|reading|links))?|most (?:popular|read|viewed|shared)|read (?:more|also|next)|also read|see also|recommended(?: for you| stories| reading)?|you (?:may|might) also (?:like|be interested in)|more (?:on this story|stories|news|from [\p{L} ]{1,30})|trending(?: now| stories)?|top stories|latest (?:news|stories)|editor['’]s picks|don['’]t miss)\s*:?$", Ci)]
    private static partial Regex TeaserLabel();

    [GeneratedRegex(@"^(?:related|read more|read also|also read|see also|more|watch|listen)\s*:\s*\S", Ci)]
    private static partial Regex InlineTeaser();

    [GeneratedRegex(@"^(?:image|media|video|photo) (?:source|caption|credit)\s*[,:]\s*\S", Ci)]
    private static partial Regex LabelledCaption();

    [GeneratedRegex(@"^[—–-]{1,2}\s*(?<author>[^()@\r\n]{1,80}?)\s*\(@(?<handle>[A-Za-z0-9_]{1,30})\)\s*(?<date>[^\r\n]{0,40})$")]
    private static partial Regex PostAttribution();

    [GeneratedRegex(@"pic\.twitter\.com/|https?://t\.co/|https?://(?:www\.)?(?:twitter|x)\.com/\w+/status/", Ci)]
    private static partial Regex SocialLink();

    /// <summary>A photo credit at the end of a line: "(Name/Agency)", "(… via AP)", "Agency/Name", "Name/Agency", "Photo: …".</summary>
    [GeneratedRegex(
        @"(?:\((?:[\p{Lu}][^()/,]{1,60}\s?/\s?[\p{Lu}][^(),]{0,60}|[^()]{2,80}\bvia\s+[\p{Lu}][^()]{0,40}|(?i:photo|image|picture|credit)[^()]{0,80})\)" +
        @"|\b(?:Reuters|AP|AFP|EPA|Getty Images|Bloomberg|Anadolu|Xinhua|GPO|Flash90|Shutterstock|Pool)\s?/\s?" + Name + @"(?:\s" + Name + @"){0,3}" +
        @"|" + Name + @"(?:\s" + Name + @"){0,3}\s?/\s?(?:Reuters|AP|AFP|EPA|Getty Images|Bloomberg|Anadolu|Xinhua|GPO|Flash90|Shutterstock|Pool)" +
        @"|(?i:photo|image|picture)(?:\s(?i:credit))?\s?:\s?[^.]{2,60})\s*\.?$")]
    private static partial Regex CaptionCredit();

    [GeneratedRegex(@"^(?i:by)\s+(?<names>" + Name + @"(?:(?:\s+|,\s*|\s+and\s+|\s*&\s*)(?:" + NameParticle + @")*" + Name + @"){0,14})\.?$")]
    private static partial Regex Byline();

    [GeneratedRegex(@"^(?<name>" + Name + @"(?:\s" + Name + @"){1,3})\s+is\s+(?:a|an|the|[\p{Lu}][^\r\n'’]{0,60}['’]s)\s[^\r\n]{0,80}\b(?:reporter|correspondent|editor|writer|journalist|columnist|contributor|producer|analyst|author|bureau chief|commentator|anchor|photographer)s?\b[^\r\n]{0,160}$")]
    private static partial Regex Bio();

    [GeneratedRegex(@"\bis\s+(?<outlet>(?:The\s)?[\p{Lu}][\p{L}&.-]*(?:\s(?:of|the|and|&|[\p{Lu}][\p{L}&.-]*)){0,5})['’]s\s|\b(?:for|at|with)\s+(?<outlet>(?:[Tt]he\s)?[\p{Lu}][\p{L}&.-]*(?:\s(?:of|the|and|&|[\p{Lu}][\p{L}&.-]*)){0,5})")]
    private static partial Regex BioOutlet();

    [GeneratedRegex(@"\scontributed(?:\s+(?:additional\s+)?reporting)?\s+(?:to|for)\s+this\s+(?:report|story|article)\.?$", Ci)]
    private static partial Regex ContributedCredit();

    [GeneratedRegex(@"^\(?(?:additional\s+)?(?:reporting|writing|editing|compiled)\s+by\b", Ci)]
    private static partial Regex ByCredit();

    [GeneratedRegex(@"^(?i:from|source|via|originally (?:published|appeared) (?:by|in|on|at))\s*:?\s+(?<outlet>(?:[Tt]he\s+)?[\p{Lu}][\p{L}&.'’-]*(?:\s+(?:of|the|and|&|[\p{Lu}][\p{L}&.'’-]*)){0,6})\.?$")]
    private static partial Regex SourceLine();

    [GeneratedRegex(@"^(?:©|\([cC]\)|(?i:copyright)\b)\s*(?:\d{4}\s*)?(?<owner>[^.\r\n]{2,60}?)\s*(?:[.,]?\s*(?i:all rights reserved)\.?)?$")]
    private static partial Regex Copyright();

    [GeneratedRegex(@"\b\d{1,2}[:.]\d{2}(?:\s?[ap]\.?m\.?)?(?:\s?[A-Z]{2,4}\b)?|\b(?:published|updated|posted|last|first|on|at|monday|tuesday|wednesday|thursday|friday|saturday|sunday)\b|[\s,:|()\-–—]", Ci)]
    private static partial Regex DatelineFiller();

    [GeneratedRegex(@"^(?<place>[\p{Lu}][\p{Lu}.'’ -]{2,40}(?:,\s[\p{Lu}][\p{L}.]+){0,2})(?:,?\s(?<date>(?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Sept|Oct|Nov|Dec)[a-z]*\.?\s\d{1,2}(?:,\s\d{4})?))?\s*(?<agency>\([\p{L} ]{2,30}\))?\s*[—–-]{1,2}\s+(?=\S)")]
    private static partial Regex DatelinePrefix();

    /// <summary>Why the line is page chrome, or null.</summary>
    public static string? Chrome(ReadOnlySpan<char> line, int words)
    {
        if (words <= 8 && ChromeLine().IsMatch(line)) return "page chrome (navigation, share, advert or banner label)";
        if (words <= 6 && ReadingTime().IsMatch(line)) return "reading-time or time-stamp label";
        if (words <= 20 && Newsletter().IsMatch(line)) return "newsletter notice";
        if (words <= 80 && line.Contains("cookie", StringComparison.OrdinalIgnoreCase) && CookieNotice().IsMatch(line)) return "cookie notice";
        return null;
    }

    /// <summary>True for a label that opens a block of links to other stories ("Related", "Most Popular", "read more:").</summary>
    public static bool IsTeaserLabel(ReadOnlySpan<char> line, int words) => words <= 8 && TeaserLabel().IsMatch(line);

    /// <summary>True for a one-line link to another story ("Read more: …").</summary>
    public static bool IsInlineTeaser(ReadOnlySpan<char> line, int words) => words <= 30 && InlineTeaser().IsMatch(line);

    /// <summary>The attribution line of an embedded post ("— Name (@handle) October 22, 2024").</summary>
    public static (string Author, string Handle, DateOnly? Date, string DateText)? PostAttributionLine(TextLine line)
    {
        if (!line.Span.Contains("(@", StringComparison.Ordinal)) return null;
        var m = PostAttribution().Match(line.Text);
        if (!m.Success) return null;
        var dateText = m.Groups["date"].Value.Trim();
        return (m.Groups["author"].Value.Trim(), m.Groups["handle"].Value, AbsoluteDates.Find(dateText).FirstOrDefault()?.Date, dateText);
    }

    /// <summary>True when the line carries a link to a social-media post (t.co, pic.twitter.com, a status URL).</summary>
    public static bool HasSocialLink(ReadOnlySpan<char> line) => line.Contains("t.co/", StringComparison.OrdinalIgnoreCase)
        || line.Contains("twitter.com/", StringComparison.OrdinalIgnoreCase) || line.Contains("x.com/", StringComparison.OrdinalIgnoreCase)
        ? SocialLink().IsMatch(line) : false;

    [GeneratedRegex(@"(?:^|\s)[@#]\w|https?://")]
    private static partial Regex SocialMarker();

    /// <summary>True when the line has an @mention, a #hashtag or a link.</summary>
    public static bool HasSocialMarker(ReadOnlySpan<char> line) => SocialMarker().IsMatch(line);

    /// <summary>True for a photo caption: a line ending in a photo credit, or labelled "Image caption, …" / "Image source, …".</summary>
    public static bool IsCaption(ReadOnlySpan<char> line, int words)
    {
        if (words <= 90 && LabelledCaption().IsMatch(line)) return true;
        if (words is < 6 or > 90 || line[0] is '"' or '“' or '‘' or '\'') return false;
        char last = line[^1];
        if (last is not (')' or '.') && !char.IsLetter(last)) return false;
        return (line.Contains('/') || line.Contains("via", StringComparison.Ordinal) || line.Contains("Photo", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Image", StringComparison.OrdinalIgnoreCase) || line.Contains("Picture", StringComparison.OrdinalIgnoreCase)
            || line.Contains("Credit", StringComparison.OrdinalIgnoreCase)) && CaptionCredit().IsMatch(line);
    }

    /// <summary>The names of a byline line ("By A, B and C"), or null.</summary>
    public static string? BylineNames(TextLine line)
    {
        if (line.Words > 20 || line.Span.Length < 5 || !line.Span.StartsWith("by ", StringComparison.OrdinalIgnoreCase)) return null;
        var m = Byline().Match(line.Text);
        return m.Success ? m.Groups["names"].Value : null;
    }

    /// <summary>"Follow her on Twitter at @name.", "Follow him on X @handle": an author's social-media line.</summary>
    [GeneratedRegex(@"^(?:You can\s+)?[Ff]ollow\s+(?:him|her|them|me|us|[\p{Lu}][\p{L}'’-]+(?:\s[\p{Lu}][\p{L}'’-]+){0,2})\s+on\s+(?:Twitter|X|Instagram|Facebook|Threads|Bluesky|Mastodon|TikTok)\b[^\r\n]{0,80}@\w+[^\r\n]{0,40}$")]
    private static partial Regex FollowLine();

    /// <summary>An author bio ("X is The Times of Israel's diplomatic reporter"): the name and, when stated, the outlet.</summary>
    public static (string Name, string? Outlet)? BioLine(TextLine line)
    {
        if (line.Words <= 20 && line.Span.Contains('@') && FollowLine().IsMatch(line.Span)) return ("", null);
        if (line.Words > 45 || !line.Span.Contains(" is ", StringComparison.Ordinal) || !Bio().IsMatch(line.Span)) return null;
        var m = Bio().Match(line.Text);
        var outlet = BioOutlet().Match(line.Text[m.Groups["name"].Length..]);
        return (m.Groups["name"].Value, outlet.Success ? outlet.Groups["outlet"].Value : null);
    }

    /// <summary>True for a contributor credit ("… contributed to this report", "Reporting by …").</summary>
    public static bool IsCredit(ReadOnlySpan<char> line, int words) => words <= 60
        && (line.Contains("contributed", StringComparison.OrdinalIgnoreCase) ? ContributedCredit().IsMatch(line) : ByCredit().IsMatch(line));

    /// <summary>The outlet named by a source line ("From The Epoch Times") or a copyright line, or null.</summary>
    public static string? SourceOutlet(string line, int words)
    {
        if (words > 12) return null;
        var m = SourceLine().Match(line);
        if (m.Success) return m.Groups["outlet"].Value;
        m = Copyright().Match(line);
        return m.Success ? m.Groups["owner"].Value.Trim() : null;
    }

    /// <summary>A line that is only a date, with optional "Published"/"Updated", weekday and time: the date.</summary>
    public static AbsoluteDate? DatelineDate(string line, int words)
    {
        if (words > 12) return null;
        var dates = AbsoluteDates.Find(line);
        if (dates.Count != 1 || dates[0].Date is null) return null;
        var rest = line.Remove(dates[0].Start, dates[0].End - dates[0].Start);
        return DatelineFiller().Replace(rest, "").Length == 0 ? dates[0] : null;
    }

    /// <summary>
    /// A dateline opening the first paragraph ("GAZA CITY, Oct. 22 (Reuters) - "): its length, and its date when
    /// it has one. A place in capitals must be followed by a date or an agency in brackets.
    /// </summary>
    public static (int Length, AbsoluteDate? Date)? DatelineAtStart(string paragraph)
    {
        if (paragraph.Length < 8 || !char.IsUpper(paragraph[0]) || !char.IsUpper(paragraph[1])) return null;
        var m = DatelinePrefix().Match(paragraph);
        if (!m.Success || !(m.Groups["date"].Success || m.Groups["agency"].Success)) return null;
        var date = m.Groups["date"].Success ? AbsoluteDates.Find(m.Groups["date"].Value).FirstOrDefault() : null;
        return (m.Length, date);
    }

    /// <summary>True for a section heading: a short line in capitals ("SIRENS IN TEL AVIV").</summary>
    public static bool IsCapitalsHeading(ReadOnlySpan<char> line, int words)
    {
        if (words > 12 || EndsInPunctuation(line)) return false;
        int letters = 0;
        foreach (char c in line)
        {
            if (char.IsLower(c)) return false;
            if (char.IsLetter(c)) letters++;
        }
        return letters >= 3;
    }

    /// <summary>True for a short title-like line ("Profound tension"): few words, no digits, no final punctuation.</summary>
    public static bool IsShortTitle(ReadOnlySpan<char> line, int words) =>
        words is >= 1 and <= 6 && char.IsUpper(line[0]) && !EndsInPunctuation(line) && line.IndexOfAnyInRange('0', '9') < 0
        && line.IndexOfAny(":\"“”(@#") < 0;

    /// <summary>
    /// True when the line reads as a headline: at most 25 words, not starting with a lower-case word ("iTunes" is
    /// fine), not ending with a period (an ellipsis is fine), comma, semicolon or colon.
    /// </summary>
    public static bool ReadsAsHeadline(string line, int words)
    {
        if (words is < 1 or > 25 || line.Length > 220 || !line.Any(char.IsLetter)) return false;
        int firstSpace = line.IndexOf(' ');
        var firstWord = firstSpace < 0 ? line : line[..firstSpace];
        if (char.IsLower(line[0]) && !firstWord.Any(char.IsUpper)) return false;
        if (line.EndsWith("...", StringComparison.Ordinal) || line[^1] == '…') return true;
        // "… Millions From the I.R.S.", "… Tells U.S.": the period belongs to an abbreviation, not to a sentence.
        if (line[^1] == '.' && EndsWithDottedAbbreviation(line)) return true;
        return line[^1] is not ('.' or ',' or ';' or ':');
    }

    /// <summary>The last word is a dotted abbreviation: capitals each followed by a period ("U.S.", "G.O.P.").</summary>
    private static bool EndsWithDottedAbbreviation(string line)
    {
        int start = line.LastIndexOf(' ') + 1;
        var w = line.AsSpan(start);
        if (w.Length < 4 || w.Length % 2 != 0) return false;
        for (int i = 0; i < w.Length; i += 2)
            if (!char.IsUpper(w[i]) || w[i + 1] != '.') return false;
        return true;
    }

    /// <summary>True when the line ends in punctuation (. ! ? … : ; or a comma), possibly inside closing quotes or brackets.</summary>
    public static bool EndsInPunctuation(ReadOnlySpan<char> line)
    {
        int i = line.Length - 1;
        while (i >= 0 && line[i] is '"' or '”' or '’' or '\'' or ')' or ']' or '»') i--;
        return i >= 0 && line[i] is '.' or '!' or '?' or '…' or ':' or ';' or ',';
    }

    /// <summary>Number of whitespace-separated words.</summary>
    public static int CountWords(ReadOnlySpan<char> line)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in line)
        {
            bool w = !char.IsWhiteSpace(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }
}
