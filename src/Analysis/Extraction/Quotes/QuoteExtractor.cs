using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>
/// Turns the quotation spans of one article into <see cref="Quote"/> rows with their speaker. The speaker is looked
/// for, in order: after the closing mark (", Netanyahu told Blinken", ", said the official"), a dash after it
/// ("— Eli Dror"), before the opening mark in the same sentence and after any earlier quotation ("Blinken said: “…”",
/// "Miller said Blinken addressed “…”"), "according to X" in the sentence, then, for a quotation opening its
/// sentence, the speaker of the quotation just before (a quote continued in the next paragraph) or a speech verb
/// with a speaker in the previous sentence. Names are the canonical names of the article's entities ("Blinken" →
/// "Antony Blinken"); "he"/"she" is the first person named in the latest sentence that names one.
/// </summary>
internal sealed partial class QuoteExtractor(Gazetteer gazetteer)
{
    private const int MaxContext = 240;
    private static readonly HashSet<string> Pronouns = new(StringComparer.OrdinalIgnoreCase) { "he", "she", "they", "we", "i" };

    [GeneratedRegex(@"\b(?:[Aa]ccording\s+to)\b|\b\p{Ll}+\b", RegexOptions.CultureInvariant)]
    private static partial Regex LowerWord();

    private sealed record Attribution(string? Speaker, string? SpeakerText, string? Cue, string Rule);

    public List<Quote> Extract(Article article, IReadOnlyList<EntityMention> mentions)
    {
        var text = article.Text;
        var outlet = article.OutletOrId;
        var result = new List<Quote>();
        Quote? previous = null;
        int lastClose = -1;
        foreach (var span in QuoteFinder.Find(article))
        {
            var sentence = Provenance.SentenceNear(article, span.Open);
            int sIndex = sentence?.Index ?? -1;
            string sText = sentence?.Text ?? "";
            if (span.Problem is not null)
            {
                var (s, e) = span.Segments.Count > 0 ? (span.Segments[0].Start, span.Segments[^1].End) : (span.Open, span.Open);
                // Cut before copying: a paragraph of many stray marks would otherwise copy it once per mark.
                var snippet = text.Substring(s, Math.Min(e - s, 200));
                result.Add(new Quote(article.Id, outlet, s, e, sIndex, sText, snippet, QuoteKind.Problem, null, null, null,
                    "unbalanced", Math.Max(1, span.Segments.Count), span.Problem));
                continue;
            }
            var quoted = Quoted(text, span.Segments);
            int words = CountWords(quoted);
            bool standalone = IsStandalone(text, span, sentence);
            var kind = !standalone && IsTitle(quoted, words) ? QuoteKind.Title
                : words >= 5 || words >= 2 && standalone ? QuoteKind.Full : QuoteKind.Scare;
            var who = kind == QuoteKind.Title ? new Attribution(null, null, null, "title")
                : Attribute(article, span, mentions, previous, kind, standalone, lastClose);
            lastClose = span.Close;
            var quote = new Quote(article.Id, outlet, span.Segments[0].Start, span.Close, sIndex, sText, quoted, kind,
                who.Speaker, who.SpeakerText, who.Cue, who.Rule, span.Segments.Count, span.Note) { Confidence = Confidence(who) };
            result.Add(quote);
            if (kind == QuoteKind.Full) previous = quote;
        }
        return result;
    }

    /// <summary>The quoted words: each paragraph's segment trimmed, joined by spaces (one copy of the text, not one per step).</summary>
    private static string Quoted(string text, List<(int Start, int End)> segments)
    {
        if (segments.Count == 1) return text.AsSpan(segments[0].Start, segments[0].End - segments[0].Start).Trim().ToString();
        var sb = new System.Text.StringBuilder();
        for (int k = 0; k < segments.Count; k++)
        {
            if (k > 0) sb.Append(' ');
            sb.Append(text.AsSpan(segments[k].Start, segments[k].End - segments[k].Start).Trim());
        }
        return sb.ToString();
    }

    /// <summary>
    /// "This Week", "Fox and Friends.", "The Closer": every word capitalized (short function words aside), two to
    /// eight words, no comma: the title of a show, book, law or event quoted mid-sentence, not someone's words.
    /// </summary>
    internal static bool IsTitle(string quoted, int words)
    {
        if (words is < 2 or > 8 || quoted.Contains(',')) return false;
        var parts = quoted.TrimEnd(TitleEndMarks).Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (parts.Length < 2 || !char.IsUpper(parts[0][0]) && !char.IsDigit(parts[0][0])) return false;
        foreach (var w in parts)
            if (!char.IsUpper(w[0]) && !char.IsDigit(w[0]) && w != "&" && !TitleMinorWords.Contains(w)) return false;
        return true;
    }

    // Trim's character sets, made once: a params array written at the call was a new array on every quotation.
    private static readonly char[] TitleEndMarks = ['.', ' ', '?', '!'];
    private static readonly char[] PhraseEdges = [' ', ',', '\n'];
    private static readonly char[] WordPunctuation = [',', ';'];

    private static readonly HashSet<string> TitleMinorWords = new(StringComparer.Ordinal)
        { "a", "an", "the", "and", "of", "in", "on", "at", "to", "for", "with", "or", "from", "by" };

    /// <summary>
    /// How far the attribution can be trusted, from the rule that made it: an explicit cue naming an entity is near
    /// certain; a pronoun, a description, a carried-over speaker or a cue in the previous sentence less so.
    /// </summary>
    private static double Confidence(Attribution who)
    {
        if (who.Speaker is null) return 0;
        double c = who.Rule switch
        {
            var r when r.StartsWith("cue_after", StringComparison.Ordinal) || r.StartsWith("cue_before", StringComparison.Ordinal) => 0.9,
            var r when r.StartsWith("dash", StringComparison.Ordinal) || r.StartsWith("according_to", StringComparison.Ordinal) => 0.85,
            var r when r.StartsWith("previous_quote", StringComparison.Ordinal) => 0.75,
            "previous_subject" => 0.5,
            _ => 0.6,
        };
        if (who.Rule.EndsWith("+pronoun", StringComparison.Ordinal)) c -= 0.15;
        // A description resolved to a name: through a title ("the president") or a back-reference ("the report").
        if (who.Rule.EndsWith("+title", StringComparison.Ordinal) || who.Rule.EndsWith("+described", StringComparison.Ordinal)
            || who.Rule.EndsWith("+epithet", StringComparison.Ordinal) || who.Rule.EndsWith("+joined", StringComparison.Ordinal)) c -= 0.1;
        if (who.Speaker.Length > 0 && char.IsLower(who.Speaker[0])) c -= 0.2;   // a description ("the official"), not a name
        return Math.Round(c, 2);
    }

    private static int CountWords(string s)
    {
        int n = 0;
        bool inWord = false;
        foreach (char c in s)
        {
            bool w = char.IsLetterOrDigit(c);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    /// <summary>The quotation opens its sentence (after spaces) or its paragraph: it is quoted speech, not a term.</summary>
    private static bool IsStandalone(string text, QuoteSpan span, Sentence? sentence)
    {
        // Backwards from the mark, so a long sentence of many quotes is not rescanned for each.
        int start = sentence?.Start ?? 0;
        for (int i = span.Open - 1; i >= start; i--)
            if (!char.IsWhiteSpace(text[i]) && text[i] is not ('(' or '—' or '–')) return false;
        return true;
    }

    private Attribution Attribute(Article article, QuoteSpan span, IReadOnlyList<EntityMention> mentions, Quote? previous,
        QuoteKind kind, bool standalone, int lastClose)
    {
        var text = article.Text;
        var closeSentence = Provenance.SentenceNear(article, span.Close);
        var openSentence = Provenance.SentenceNear(article, span.Open);
        int afterStart = span.Close + 1;
        int afterEnd = Math.Min(ParagraphEnd(article, span.Close), afterStart + MaxContext);
        // The words before a quote stop at the previous quotation: its text names nobody who speaks this one.
        int beforeStart = Math.Max(Math.Max(openSentence?.Start ?? 0, span.Open - MaxContext), lastClose + 1);

        // "Stone told “senior campaign officials”": words right after a transitive cue name the listener, quoted from
        // the source of the sentence ("according to the indictment"), not from the subject of the cue.
        if (ObjectOfCue(text, beforeStart, span.Open))
            return AccordingTo(article, openSentence?.Start ?? beforeStart, closeSentence?.End ?? afterEnd, mentions)
                ?? new Attribution(null, null, null, "object_of_cue");
        if (EndsSentence(text, span) is false && After(article, afterStart, afterEnd, mentions, span.Open, previous) is { } after) return after;
        if (Dash(article, afterStart, mentions) is { } dash) return dash;
        if (Before(article, beforeStart, span.Open, mentions, previous) is { } before) return before;
        if (AccordingTo(article, afterStart, Math.Min(closeSentence?.End ?? afterEnd, afterEnd), mentions) is { } acc) return acc;
        // A quotation standing alone (opening its sentence) continues the last speaker, or the one named just before.
        // "“…,” she said. “…”" with nothing between the two quotations but spaces: the same speaker goes on.
        if (kind == QuoteKind.Full && previous is { Speaker: not null } && previous.End < span.Open
            && string.IsNullOrWhiteSpace(text[(previous.End + 1)..span.Open]))
            return new Attribution(previous.Speaker, previous.SpeakerText, previous.Cue, "previous_quote");
        if (kind == QuoteKind.Full && standalone && openSentence is not null)
        {
            if (previous is { Speaker: not null } && previous.End < span.Open && EndSentence(article, previous) >= openSentence.Index - 2)
            {
                // "“…,” said Lee. Ann Park warned there was a risk. “…”": a sentence after the quotation before, with a
                // speech cue and a person of its own, hands the quotation to that person.
                if (openSentence.Index > 0 && article.Sentences[openSentence.Index - 1] is var last && last.Start > previous.End
                    && Before(article, Math.Max(last.Start, last.End - MaxContext), last.End, mentions, null) is { Speaker: { } other } named
                    && other != previous.Speaker && PersonNamed(mentions, other, last))
                    return named with { Rule = "previous_sentence" + Suffix(named.Rule) };
                return new Attribution(previous.Speaker, previous.SpeakerText, previous.Cue, "previous_quote");
            }
            if (openSentence.Index > 0)
            {
                var prev = article.Sentences[openSentence.Index - 1];
                if (Before(article, Math.Max(prev.Start, prev.End - MaxContext), prev.End, mentions, previous) is { } p) return p with { Rule = "previous_sentence" + Suffix(p.Rule) };
                // "Collins was sixth in the final. “This will be a big year for me …”": a quotation standing alone with
                // no cue anywhere near is the person the sentence before is about (its subject), as news prose runs.
                if (PersonSubject(article, prev, mentions) is { } subject)
                    return new Attribution(subject.Canonical, subject.Text, null, "previous_subject");
                // "He highlighted the trends. “Gaming is …”": a pronoun subject stands for the person before it.
                if (PronounSubject(article.Text, prev) && SubjectBefore(article, mentions, prev.Start) is { } referent)
                    return new Attribution(referent.Canonical, referent.Text, null, "previous_subject+pronoun");
            }
        }
        return new Attribution(null, null, null, "none");
    }

    /// <summary>
    /// "the Sale player", "the British producer", "the 23-year-old": "the", then capitalized modifiers or an age,
    /// then a role word (or the age itself): news writes such an epithet for a person it has just named, not for a
    /// new one. A bare role ("the official") or a lowercase modifier ("the senior official") names nobody known.
    /// </summary>
    private bool IsEpithet(string description)
    {
        var words = description.Split(' ');
        if (words[0] is not ("the" or "The") || words.Length > 4) return false;
        if (words.Length == 2) return IsAge(words[1]);
        if (!gazetteer.RoleWords.Contains(words[^1])) return false;
        for (int k = 1; k < words.Length - 1; k++)
            if (!char.IsUpper(words[k][0]) && !IsAge(words[k]) && !gazetteer.RoleWords.Contains(words[k])) return false;
        return char.IsUpper(words[1][0]) || IsAge(words[1]);
    }

    private static bool IsAge(string w) => w.EndsWith("-year-old", StringComparison.Ordinal) && w.Length > 9 && char.IsDigit(w[0]);

    /// <summary>The sentence's subject is "he" or "she".</summary>
    private static bool PronounSubject(string text, Sentence s)
    {
        int from = SubjectStart(text, s.Start, s.End);
        int e = from;
        while (e < s.End && char.IsLetter(text[e])) e++;
        return text.AsSpan(from, e - from) is "he" or "He" or "she" or "She";
    }

    /// <summary>Only "and" (or ", and", "and also") stands between the quotation before and the cue: "“…” and declared".</summary>
    private static bool JoinedByAnd(string text, int start, int cue)
    {
        var between = text.AsSpan(start, cue - start).Trim().TrimStart(',').Trim();
        return between is "and" or "and also";
    }

    /// <summary>
    /// "in 2005, said Kurt Lee", "on Tuesday, said Ann Lee": a phrase of at most three words opening with a
    /// preposition and closed by a comma that a cue follows; returns where the cue starts, else <paramref name="i"/>.
    /// </summary>
    private int PastShortPhrase(string text, int i, int end)
    {
        if (i >= end) return i;
        int e = i;
        while (e < end && char.IsLower(text[e])) e++;
        if (text.AsSpan(i, e - i) is not ("in" or "on" or "at")) return i;
        int comma = text.IndexOf(',', e, Math.Min(MaxShortPhrase, end - e));
        if (comma < 0 || WordsBetween(text, i, comma) > 3) return i;
        int c = comma + 1;
        while (c < end && text[c] == ' ') c++;
        return CueWordAt(text, c, end) ? c : i;
    }

    /// <summary>A lowercase word starting at <paramref name="c"/> (before <paramref name="end"/>) is a cue.</summary>
    private bool CueWordAt(string text, int c, int end)
    {
        int ce = c;
        while (ce < end && char.IsLower(text[ce])) ce++;
        return ce > c && CueAt(text, c, ce - c) is not null;
    }

    private const int MaxShortPhrase = 24;

    /// <summary>
    /// "mobile analyst Ann Lee told": up to three lowercase words, the last a role word, then a person's name.
    /// </summary>
    private bool RoleBeforeName(string text, IReadOnlyList<EntityMention> mentions, int i, int end)
    {
        int k = FirstAtOrAfter(mentions, i);
        if (k >= mentions.Count || mentions[k].Kind != EntityKind.Person || mentions[k].Start - i > 40 || mentions[k].Start >= end) return false;
        int p = mentions[k].Start - 1;
        while (p > i && text[p] == ' ') p--;
        int s = p;
        while (s >= i && char.IsLower(text[s])) s--;
        if (s == p || !gazetteer.RoleWords.Contains(text[(s + 1)..(p + 1)])) return false;
        for (int c = i; c < mentions[k].Start; c++)
            if (!char.IsLower(text[c]) && text[c] != ' ' && text[c] != '-') return false;
        return WordsBetween(text, i, mentions[k].Start) <= 3;
    }

    /// <summary>
    /// "“…,” people shouted", "“…,” officials said": one lowercase plural noun (not a pronoun, adverb or determiner)
    /// directly before a cue is the speaking group. Returns the noun.
    /// </summary>
    private string? BareSubject(string text, int i, int end)
    {
        if (i >= end) return null;
        int e = i;
        while (e < end && char.IsLower(text[e])) e++;
        if (e - i < 4 || e >= end || text[e] != ' ') return null;
        var w = text[i..e];
        if (!w.EndsWith('s') && w is not ("people" or "police")) return null;
        if (Pronouns.Contains(w) || IsDeterminer(w) || CueAdverbs.Contains(w) || IsCue(w) || w.EndsWith("ly", StringComparison.Ordinal)) return null;
        return CueWordAt(text, e + 1, end) ? w : null;
    }

    /// <summary>A person mention with canonical name <paramref name="name"/> inside sentence <paramref name="s"/>.</summary>
    private static bool PersonNamed(IReadOnlyList<EntityMention> mentions, string name, Sentence s)
    {
        for (int k = FirstAtOrAfter(mentions, s.Start); k < mentions.Count && mentions[k].Start < s.End; k++)
            if (mentions[k].Kind == EntityKind.Person && mentions[k].Canonical == name) return true;
        return false;
    }

    /// <summary>
    /// Index of the sentence where <paramref name="q"/> closes: a quotation of several sentences ("It hurts. It was my
    /// mistake. I lost,” said Lee.) ends sentences after the one it opens in, and what follows is near its end.
    /// </summary>
    private static int EndSentence(Article article, Quote q) => Provenance.SentenceNear(article, q.End)?.Index ?? q.SentenceIndex;

    /// <summary>A person named as the subject of <paramref name="s"/>: within its first three words, outside quotation marks.</summary>
    private static EntityMention? PersonSubject(Article article, Sentence s, IReadOnlyList<EntityMention> mentions)
    {
        var text = article.Text;
        int from = SubjectStart(text, s.Start, s.End);
        if (StartsWithPronoun(text, from, s.End)) return null;
        for (int k = FirstAtOrAfter(mentions, from); k < mentions.Count && mentions[k].Start - from <= 60; k++)
        {
            var m = mentions[k];
            if (m.Kind == EntityKind.Person && !InsideQuotes(text, from, m.Start) && SubjectGap(text, from, m.Start)) return m;
        }
        return null;
    }

    /// <summary>Verbs whose object is the listener: "told X", "asked X", "informed X".</summary>
    private static readonly HashSet<string> TransitiveCues = new(StringComparer.Ordinal) { "told", "tells", "tell", "asked", "asks", "informed", "urged" };

    /// <summary>The quotation directly follows a transitive cue (and an optional name): it is the cue's object.</summary>
    private static bool ObjectOfCue(string text, int start, int open)
    {
        int k = open - 1;
        while (k >= start && char.IsWhiteSpace(text[k])) k--;
        int e = k + 1;
        while (k >= start && char.IsLetter(text[k])) k--;
        return e > k + 1 && TransitiveCues.Contains(text[(k + 1)..e]);
    }

    /// <summary>
    /// The quoted words end with a full stop inside the marks: news prose then starts a new sentence after the
    /// closing mark, so what follows is not this quotation's attribution (which takes a comma: “…,” she said).
    /// </summary>
    private static bool EndsSentence(string text, QuoteSpan span)
    {
        int k = span.Close - 1;
        while (k > span.Open && char.IsWhiteSpace(text[k])) k--;
        return k > span.Open && text[k] == '.' && span.Note is null;
    }

    private static string Suffix(string rule) => rule.IndexOf('+') is var plus and >= 0 ? rule[plus..] : "";

    /// <summary>", Netanyahu told Blinken", ", said the official", "he added".</summary>
    private Attribution? After(Article article, int start, int end, IReadOnlyList<EntityMention> mentions, int quoteOpen, Quote? previous)
    {
        var text = article.Text;
        int i = start;
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] is ',' )) i++;
        // A full stop after the closing mark ends the attribution context (“… .” Then a new sentence.).
        if (i < end && text[i] is '.' or '!' or '?' && i == start) return null;
        // "“…” in 2005, said Kurt Lee": a short phrase of time or place between commas before the cue is passed over.
        i = PastShortPhrase(text, i, end);
        // The attribution starts right after the quote: a name, a pronoun, a description or the cue itself
        // ("“…” despite Republicans’ vow" is not one); also a lowercase role before a name ("mobile analyst Ann Lee
        // told") and a bare plural subject right before its verb ("people shouted").
        if (!StartsAttribution(text, i, end) && !MentionStartsAt(mentions, i) && !RoleBeforeName(text, mentions, i, end)
            && BareSubject(text, i, end) is null) return null;
        // Commas may separate the name from the verb ("Armando Falcon, OFHEO director, said").
        int clauseEnd = ClauseEnd(text, i, end, stopAtComma: false);
        foreach (var w in LowerWord().EnumerateMatches(text.AsSpan(i, clauseEnd - i)))
        {
            int at = i + w.Index;
            // An attribution follows the quote closely; a speech verb further on belongs to another statement,
            // unless a name and its appositive stand between ("“…,” Dr. Ann Lee, a former head of … , told Fox News").
            if (CueAt(text, at, w.Length) is not { } cue) continue;
            if (at - i > 80 && (at - i > MaxAppositive || !AppositiveBeforeCue(text, mentions, i, at))) return null;
            if (cue.StartsWith("according", StringComparison.Ordinal))
                return Speaker(article, at + w.Length, ClauseEnd(text, at + w.Length, clauseEnd), mentions, quoteOpen, nearestLast: false, previous: null)?.With("according to", "according_to");
            // Speaker before the cue ("Netanyahu told", "State Department spokesman Matthew Miller said", "he added").
            if (Speaker(article, i, at, mentions, quoteOpen, nearestLast: true, previous) is { } sb) return sb.With(cue, "cue_after");
            if (BareSubject(text, i, clauseEnd) is { } bare) return new Attribution(bare, bare, cue, "cue_after");
            // Speaker after the cue ("said Blinken in Qatar", "said the official"); after "told" comes the listener.
            if (TransitiveCues.Contains(cue)) return null;
            int npEnd = ClauseEnd(text, at + w.Length, clauseEnd);
            if (Speaker(article, at + w.Length, npEnd, mentions, quoteOpen, nearestLast: false, previous) is { } sa) return sa.With(cue, "cue_after");
            return null;
        }
        return null;
    }

    /// <summary>"X said: “…”", "Blinken said he “will press …”": the last speech verb before the quote.</summary>
    private Attribution? Before(Article article, int start, int end, IReadOnlyList<EntityMention> mentions, Quote? previous)
    {
        var text = article.Text;
        string? cue = null;
        int at = -1;
        foreach (var w in LowerWord().EnumerateMatches(text.AsSpan(start, end - start)))
            if (CueAt(text, start + w.Index, w.Length) is { } c) (cue, at) = (c, start + w.Index);
        if (cue is null) return null;
        if (cue.StartsWith("according", StringComparison.Ordinal))
            return Speaker(article, at + cue.Length, ClauseEnd(text, at + cue.Length, end), mentions, at, nearestLast: false, previous)?.With("according to", "according_to");
        // "Lee confirmed that “…” and declared the plan “…”": a verb joined by "and" right after the quotation before
        // shares its subject, who spoke that quotation.
        if (previous is { Speaker: not null } && previous.End == start - 1 && JoinedByAnd(text, start, at))
            return new Attribution(previous.Speaker, previous.SpeakerText, cue, "cue_before+joined");
        // "Biden, on Wednesday, reflected on the meeting with Putin, saying “…”": a participle's subject is the
        // clause's subject, the first name of the clause, not the name nearest the verb.
        bool participle = cue.EndsWith("ing", StringComparison.Ordinal) && text.AsSpan(start, at - start).TrimEnd().EndsWith(",");
        // "Blinken said: “…”", else the inverted "said Ivan Kulakov: “…”" (not after "told", whose object is the listener).
        return (Speaker(article, start, at, mentions, start, nearestLast: !participle, previous)
            ?? (TransitiveCues.Contains(cue) ? null : Speaker(article, at + cue.Length, end, mentions, start, nearestLast: false, previous)))?.With(cue, "cue_before");
    }

    /// <summary>Longest stretch between a quotation and its cue when a name and its appositive fill it.</summary>
    private const int MaxAppositive = 220;

    /// <summary>
    /// A person's name opens the stretch (after at most a title's length) and is followed by a comma, and the
    /// stretch ends with a comma before the cue: "Dr. Ann Lee, former president of the … association, told".
    /// </summary>
    private static bool AppositiveBeforeCue(string text, IReadOnlyList<EntityMention> mentions, int start, int cue)
    {
        int k = FirstAtOrAfter(mentions, start);
        if (k >= mentions.Count || mentions[k].Kind != EntityKind.Person || mentions[k].Start - start > 12 || mentions[k].End >= cue) return false;
        int e = mentions[k].End;
        return e < text.Length && text[e] == ',' && text.AsSpan(start, cue - start).TrimEnd().EndsWith(",");
    }

    private Attribution? AccordingTo(Article article, int start, int end, IReadOnlyList<EntityMention> mentions)
    {
        if (end <= start) return null;
        var text = article.Text;
        int k = text.IndexOf("according to", start, end - start, StringComparison.OrdinalIgnoreCase);
        if (k < 0) return null;
        int from = k + "according to".Length;
        return Speaker(article, from, ClauseEnd(text, from, end), mentions, start, nearestLast: false, previous: null)?.With("according to", "according_to");
    }

    /// <summary>
    /// "— Eli Dror (@handle)" on the line after a quotation; the name may follow its titles and the body it leads
    /// ("— Party Committee Chair Ann Lee, in a tweet"), so the first person named before the first comma of the dash line.
    /// </summary>
    private static Attribution? Dash(Article article, int start, IReadOnlyList<EntityMention> mentions)
    {
        var text = article.Text;
        int i = start;
        while (i < text.Length && i < start + 4 && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] is not ('—' or '–')) return null;
        int end = Math.Min(text.Length, i + MaxDashTitle);
        for (int c = i + 1; c < end; c++)
            if (text[c] is ',' or '\n' or '(') { end = c; break; }
        for (int k = FirstAtOrAfter(mentions, i + 1); k < mentions.Count && mentions[k].End <= end; k++)
            if (mentions[k].Kind == EntityKind.Person)
                return new Attribution(mentions[k].Canonical, mentions[k].Text, "—", "dash");
        return null;
    }

    /// <summary>Longest stretch of titles and body names read before the name on a dash line.</summary>
    private const int MaxDashTitle = 80;

    /// <summary>The speaker named in [start, end): a person (else organization) mention, a pronoun, or a short noun phrase.</summary>
    private Found? Speaker(Article article, int start, int end, IReadOnlyList<EntityMention> mentions, int quoteOpen, bool nearestLast,
        Quote? previous)
    {
        if (end <= start) return null;
        // "A spokesman for the Harbour Trust (HT) said": the body's spokesperson, not the body.
        if (SpokespersonFor(article.Text, mentions, start, end) is { } spokes) return new Found(spokes, spokes, "+spokesperson");
        EntityMention? best = null;
        int k0 = FirstAtOrAfter(mentions, start);
        for (int k = k0; k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.End > end) break;
            if (m.Kind is EntityKind.Person || best is null && m.Kind is EntityKind.Organization)
            {
                if (best is null || nearestLast || best.Kind != EntityKind.Person) best = m;
                if (!nearestLast && m.Kind == EntityKind.Person) break;
            }
        }
        // "Of the sum due to Lee, his lawyer said": a possessive description right before the verb is the subject, and
        // the person named before is the one it belongs to.
        if (nearestLast && best is { Kind: EntityKind.Person } && PossessiveBeforeCue(article.Text, best.End, end) is { } owned)
            return new Found(owned, owned, "");
        // "…, the White House reiterated": an organization right before the verb is its subject, even after a person.
        if (nearestLast && best is { Kind: EntityKind.Person } && k0 >= 0 && OrganizationEndingAt(mentions, best, end, article.Text) is { } org) best = org;
        if (best is not null) return new Found(best.Canonical, best.Text, "");
        var phrase = article.Text[start..end].Trim(PhraseEdges);
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        // "he added", "He did, however, admit": the pronoun nearest the verb (or first after it).
        var near = nearestLast ? words.AsEnumerable().Reverse().Take(4) : words.Take(1);
        var pronoun = near.Select(w => w.Trim(WordPunctuation)).FirstOrDefault(Pronouns.Contains);
        if (pronoun is not null)
        {
            if (pronoun is "he" or "she" or "He" or "She")
            {
                // "“…,” said John Miller, police chief. The show is “…,” he added.": with nobody else named since, a
                // pronoun cue goes on with the person who spoke the quotation before.
                if (PreviousSpeaker(article, mentions, previous, quoteOpen) is { } last) return new Found(last, pronoun, "+pronoun");
                if (SubjectBefore(article, mentions, quoteOpen) is { } p) return new Found(p.Canonical, pronoun, "+pronoun");
            }
            return new Found(null, pronoun, "");
        }
        // "In a statement Google said …. It said: “…”": "it" before the cue is the organization that spoke before.
        if (nearestLast && words[^1] is "it" or "It" && OrganizationBefore(article, mentions, start) is { } spoke)
            return new Found(spoke.Canonical, words[^1], "+pronoun");
        if (Description(words, nearestLast) is not { } np) return null;
        // "the president said": the one person of the article written with that title ("President Joe Biden").
        if (TitledPerson(mentions, np, start) is { } titled) return new Found(titled, np, "+title");
        if (DescribedOrganization(article, mentions, np, start) is { } described) return new Found(described.Canonical, np, "+described");
        // "according to a statement from the Prime Minister's Office": a document whose author is not found is no
        // speaker; unknown beats "a statement".
        if (DocumentNouns.Contains(np[(np.LastIndexOf(' ') + 1)..])) return null;
        // "said the Sale player", "the 23-year-old added": an epithet of the person the passage is about.
        if (IsEpithet(np) && (PreviousSpeaker(article, mentions, previous, quoteOpen) is { } same
                ? same : SubjectBefore(article, mentions, quoteOpen)?.Canonical) is { } person)
            return new Found(person, np, "+epithet");
        return new Found(char.ToLowerInvariant(np[0]) + np[1..], np, "");
    }

    /// <summary>"his lawyer", "her spokesman": two lowercase words opening with a possessive, ending at <paramref name="end"/>.</summary>
    private static string? PossessiveBeforeCue(string text, int from, int end)
    {
        var between = text.AsSpan(from, end - from);
        if (between.IndexOf(" his ") < 0 && between.IndexOf(" her ") < 0 && between.IndexOf(" their ") < 0) return null;
        var words = text[from..end].Trim().Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length < 2 || words[^2] is not ("his" or "her" or "their") || words[^1].Length == 0
            || !words[^1].All(char.IsLower)) return null;
        return words[^2] + " " + words[^1];
    }

    /// <summary>Nouns of documents that speak for their author: "the report said" is the body that wrote it.</summary>
    private static readonly HashSet<string> DocumentNouns = new(StringComparer.OrdinalIgnoreCase)
        { "report", "statement", "study", "survey", "letter", "ruling", "review", "paper", "analysis" };

    /// <summary>Nouns that stand for an organization named before: "the company said".</summary>
    private static readonly HashSet<string> OrganizationNouns = new(StringComparer.OrdinalIgnoreCase)
        { "company", "firm", "organisation", "organization", "agency", "group", "airline", "bank", "network", "club" };

    /// <summary>
    /// The organization a description stands for: "the report" → the organization last written right before
    /// "report" ("a World Bank report", "the OECD's report"); "the company" → the organization that spoke or opened
    /// a sentence among the three before. Null when the article offers none (the description is kept then).
    /// </summary>
    private EntityMention? DescribedOrganization(Article article, IReadOnlyList<EntityMention> mentions, string description, int offset)
    {
        var words = description.Split(' ');
        // "the council's ruling": the document of a body named by its head noun.
        if (words.Length == 3 && words[0] is "the" or "The" && DocumentNouns.Contains(words[2]) && words[1].EndsWith("'s", StringComparison.Ordinal))
            return OrganizationNamed(mentions, words[1][..^2], offset);
        if (words.Length != 2) return null;   // "the report", "its report"; longer descriptions say more than a back-reference
        var head = words[^1];
        if (OrganizationNouns.Contains(head)) return OrganizationBefore(article, mentions, offset);
        if (!DocumentNouns.Contains(head))
            // "the council", "the committee": the organization named before whose name ends with that noun.
            return words[0] is "the" or "The" ? OrganizationNamed(mentions, head, offset) : null;
        var text = article.Text;
        int k = FirstAtOrAfter(mentions, offset) - 1;
        for (int n = 0; k >= 0 && n < MaxLookBack; k--, n++)
        {
            var m = mentions[k];
            if (m.Kind != EntityKind.Organization) continue;
            int i = m.End;
            if (i + 1 < text.Length && text[i] is '\'' or '’' && text[i + 1] == 's') i += 2;
            while (i < text.Length && text[i] == ' ') i++;
            if (text.AsSpan(i).StartsWith(head, StringComparison.OrdinalIgnoreCase)
                && (i + head.Length == text.Length || !char.IsLetter(text[i + head.Length]))) return m;
        }
        // "The OECD said …. However, the report warned": no "X report" written, the organization that spoke before.
        return OrganizationBefore(article, mentions, offset);
    }

    /// <summary>The latest organization, at most MaxLookBack mentions back, whose name ends with <paramref name="noun"/> ("the council" → "Media Council").</summary>
    private static EntityMention? OrganizationNamed(IReadOnlyList<EntityMention> mentions, string noun, int offset)
    {
        if (noun.Length < 3 || !noun.All(char.IsLower)) return null;
        int k = FirstAtOrAfter(mentions, offset) - 1;
        for (int n = 0; k >= 0 && n < MaxLookBack; k--, n++)
        {
            var m = mentions[k];
            if (m.Kind == EntityKind.Organization && m.Text.Length > noun.Length && m.Text[^(noun.Length + 1)] == ' '
                && m.Text.EndsWith(noun, StringComparison.OrdinalIgnoreCase)) return m;
        }
        return null;
    }

    /// <summary>
    /// The person who spoke <paramref name="previous"/>, when it is at most two sentences back and no other person is
    /// named between it and <paramref name="quoteOpen"/> (outside quotation marks).
    /// </summary>
    private static string? PreviousSpeaker(Article article, IReadOnlyList<EntityMention> mentions, Quote? previous, int quoteOpen)
    {
        if (previous is not { Speaker: { } speaker } || previous.End >= quoteOpen) return null;
        var sentence = Provenance.SentenceNear(article, quoteOpen);
        if (sentence is null || EndSentence(article, previous) < sentence.Index - 2) return null;
        bool person = false;
        int k = FirstAtOrAfter(mentions, quoteOpen) - 1;
        for (int n = 0; k >= 0 && n < MaxLookBack; k--, n++)
        {
            var m = mentions[k];
            if (m.Kind != EntityKind.Person) continue;
            if (m.Canonical == speaker) { person = true; if (m.Start < previous.Start) break; continue; }
            if (m.Start > previous.End) return null;   // someone else named since
            if (m.Start < previous.Start) break;
        }
        // A spokesperson named by their body ("BPI spokesman") has no mention of their own: nobody named since suffices.
        return person || previous.Rule.EndsWith("+spokesperson", StringComparison.Ordinal) ? speaker : null;
    }

    private static readonly string[] SpokespersonWords = ["spokesman", "spokeswoman", "spokesperson"];

    /// <summary>Longest stretch of a body's name before the part recognized as an organization.</summary>
    private const int MaxBodyPrefix = 30;

    /// <summary>
    /// "a spokesman for the World Summit (WS)", "A spokeswoman for Harbour Trust": the body's name (the short form the
    /// article gives in parentheses right after it, as it calls the body from then on) and the role: "WS spokesman".
    /// </summary>
    private static string? SpokespersonFor(string text, IReadOnlyList<EntityMention> mentions, int start, int end)
    {
        int at = text.IndexOf("spokes", start, end - start, StringComparison.Ordinal);
        if (at < 0) return null;
        foreach (var role in SpokespersonWords)
        {
            if (string.CompareOrdinal(text, at, role, 0, role.Length) != 0) continue;
            int i = at + role.Length;
            if (string.CompareOrdinal(text, i, " for ", 0, 5) != 0) return null;
            i += 5;
            if (string.CompareOrdinal(text, i, "the ", 0, 4) == 0) i += 4;
            // The organization may be recognized from a later word on ("British | Phonographic Industry",
            // "World Summit for the | Information Society"): the body's name runs from here to its end.
            int k = FirstAtOrAfter(mentions, i);
            // (A body's name read as a person's, "Phonographic Industry", still names the body a spokesperson speaks for.)
            while (k < mentions.Count && mentions[k].Kind is not (EntityKind.Organization or EntityKind.Person) && mentions[k].Start - i <= MaxBodyPrefix) k++;
            if (k >= mentions.Count || mentions[k].Start - i > MaxBodyPrefix || mentions[k].End > end) return null;
            var body = text[i..mentions[k].End];
            int p = mentions[k].End;
            if (p + 3 < text.Length && text[p] == ' ' && text[p + 1] == '(')
            {
                int close = text.IndexOf(')', p + 2, Math.Min(10, text.Length - p - 2));
                if (close > p + 3 && Words.IsAllCaps(text.AsSpan(p + 2, close - p - 2))) body = text[(p + 2)..close];
            }
            return body + " " + role;
        }
        return null;
    }

    /// <summary>
    /// An organization that speaks in one of the three sentences before <paramref name="offset"/>: named right before a
    /// speech verb ("In a statement Google said …"), or opening the sentence.
    /// </summary>
    private EntityMention? OrganizationBefore(Article article, IReadOnlyList<EntityMention> mentions, int offset)
    {
        var text = article.Text;
        var sentence = Provenance.SentenceNear(article, offset);
        int k = FirstAtOrAfter(mentions, offset) - 1;
        for (int si = sentence?.Index ?? -1, seen = 0; si >= 0 && seen < 3 && k >= 0; si--, seen++)
        {
            var s = article.Sentences[si];
            EntityMention? found = null;
            for (; k >= 0 && mentions[k].Start >= s.Start; k--)
            {
                var m = mentions[k];
                if (m.Start >= offset) continue;
                if (m.Kind == EntityKind.Person) return null;   // "it" after a person speaks of a thing, not of them
                if (m.Kind == EntityKind.Organization && !InsideQuotes(text, s.Start, m.Start)
                    && (SubjectOfCue(text, m.End, Math.Min(s.End, offset)) || m.Start - s.Start <= 12)) found = m;
            }
            if (found is not null) return found;
        }
        return null;
    }

    /// <summary>
    /// The person of the article written with the description's words as title ("the president" → the person written
    /// "President Joe Biden"; "the prime minister"). When several carry it, the one the article names most often (the
    /// one it is about: "the president" of a report on President Biden meeting President Putin is Biden); null on a tie.
    /// </summary>
    private static string? TitledPerson(IReadOnlyList<EntityMention> mentions, string description, int offset)
    {
        var words = description.Split(' ');
        if (words[0] is not ("the" or "The")) return null;
        var title = string.Join(' ', words[1..]);
        // The people named before the description, at most MaxLookBack mentions back (bounded work per quotation).
        int last = FirstAtOrAfter(mentions, offset), first = Math.Max(0, last - MaxLookBack);
        Dictionary<string, int>? holders = null;
        for (int k = first; k < last; k++)
        {
            var m = mentions[k];
            if (m.Kind == EntityKind.Person && m.Title is { } t && t.Length - (t.EndsWith('.') ? 1 : 0) == title.Length
                && string.Compare(t, 0, title, 0, title.Length, StringComparison.OrdinalIgnoreCase) == 0)
                (holders ??= new(StringComparer.Ordinal))[m.Canonical] = 0;
        }
        if (holders is null) return null;
        if (holders.Count == 1) return holders.Keys.First();
        for (int k = first; k < last; k++)
            if (mentions[k].Kind == EntityKind.Person && holders.TryGetValue(mentions[k].Canonical, out var n)) holders[mentions[k].Canonical] = n + 1;
        var counts = holders.Select(h => (Name: h.Key, Count: h.Value)).OrderByDescending(x => x.Count).ToList();
        return counts[0].Count > counts[1].Count ? counts[0].Name : null;
    }

    /// <summary>An organization mention after <paramref name="person"/> that ends just before <paramref name="end"/>, not in an appositive of the person.</summary>
    private static EntityMention? OrganizationEndingAt(IReadOnlyList<EntityMention> mentions, EntityMention person, int end, string text)
    {
        // "Mark Serwotka, the leader of the … Union said": an appositive after the person names what they lead.
        if (text.AsSpan(person.End, end - person.End).TrimStart().StartsWith(",")) return null;
        for (int k = FirstAtOrAfter(mentions, person.End); k < mentions.Count && mentions[k].End <= end; k++)
            if (mentions[k].Kind == EntityKind.Organization && string.IsNullOrWhiteSpace(text[mentions[k].End..end])) return mentions[k];
        return null;
    }

    /// <summary>
    /// "the official", "a senior State Department official", "his lawyer": a determiner (or possessive) and the
    /// words after it up to a preposition or adverb ("The congressman over the weekend" → "the congressman"). Before
    /// a cue the subject opens the clause, so the first such phrase wins; a phrase naming a time ("the weekend") is
    /// never a speaker.
    /// </summary>
    private static string? Description(string[] words, bool beforeCue)
    {
        int d = beforeCue ? Array.FindIndex(words, IsDeterminer) : IsDeterminer(words[0]) ? 0 : -1;
        if (d < 0) return null;
        int e = d + 1;
        while (e < words.Length && !PhraseBreaks.Contains(words[e]) && words[e].IndexOfAny(QuoteMarks) < 0 && !words[e].EndsWith(','))
            e++;
        if (e < words.Length && words[e].EndsWith(',') && !PhraseBreaks.Contains(words[e].TrimEnd(','))) e++;
        var np = words[d..e].Select(w => w.TrimEnd(',')).ToArray();
        if (np.Length is < 2 or > 6 || np.Any(w => NotInNounPhrase.Contains(w)) || TimeWords.Contains(np[^1])) return null;
        return string.Join(' ', np);
    }

    private static readonly HashSet<string> NotInNounPhrase = new(StringComparer.OrdinalIgnoreCase)
        { "that", "which", "who", "whom", "whose", "when", "where", "because", "if", "and", "but", "is", "was", "are", "were" };

    /// <summary>Words that end a description: prepositions (but "of", as in "the head of the agency"), adverbs, conjunctions.</summary>
    private static readonly HashSet<string> PhraseBreaks = new(StringComparer.OrdinalIgnoreCase)
    {
        "over", "on", "in", "at", "for", "with", "from", "by", "about", "after", "before", "during", "to", "into", "since",
        "also", "then", "later", "again", "earlier", "today", "yesterday", "recently", "previously", "once", "still",
        "has", "had", "have", "would", "will", "could", "did", "does", "that", "and", "but", "who", "which",
    };

    /// <summary>Nouns of time: "the weekend", "the day" name when, not who.</summary>
    private static readonly HashSet<string> TimeWords = new(StringComparer.OrdinalIgnoreCase)
    {
        "weekend", "week", "day", "days", "night", "morning", "afternoon", "evening", "year", "years", "month", "months",
        "time", "moment", "past", "future", "hour", "hours", "season", "summer", "winter", "spring", "autumn", "fall",
    };

    /// <summary>
    /// After the closing mark (and a comma) comes a capitalized word, a pronoun, a determiner or a speech verb:
    /// anything else ("despite", "and", "to") continues the sentence and attributes nothing.
    /// </summary>
    private bool StartsAttribution(string text, int i, int end)
    {
        if (i >= end) return false;
        if (char.IsUpper(text[i]) || text[i] is '—' or '–' or '(') return true;
        int e = i;
        while (e < end && char.IsLetter(text[e])) e++;
        var w = text[i..e];
        // "“…,” producer Gil Cates told reporters": a role word may open the speaker's name.
        // "“…,” de Blasio said": a lowercase particle opening a surname.
        if (w is "de" or "van" or "von" or "al" or "bin" or "da" or "di" or "du" or "del" or "le" or "la" && e + 1 < end && text[e] == ' ' && char.IsUpper(text[e + 1]))
            return true;
        return Pronouns.Contains(w) || IsDeterminer(w) || IsCue(w) || gazetteer.RoleWords.Contains(w)
            || w is "his" or "her" or "their" or "its" or "it" or "according";
    }
    private static readonly char[] QuoteMarks = ['"', '“', '”', '‘', '’', '«', '»'];

    private static bool IsDeterminer(string w) => w is "the" or "a" or "an" or "The" or "A" or "An" or "his" or "her" or "their" or "its" or "His" or "Her" or "Their" or "Its";

    /// <summary>
    /// The person a pronoun refers to: the grammatical subject of the nearest sentence that has a person as its
    /// subject (named within its first words and outside quotation marks), walking back over sentences whose subject
    /// is itself a pronoun ("He said he “respects” Grassley … “…,” he said" → the person of the sentence before,
    /// not Grassley). Falls back to the first person named in the latest sentence naming one.
    /// </summary>
    private EntityMention? SubjectBefore(Article article, IReadOnlyList<EntityMention> mentions, int offset)
    {
        var text = article.Text;
        var sentence = Provenance.SentenceNear(article, offset);
        int k = FirstAtOrAfter(mentions, offset) - 1, stop = Math.Max(-1, k - MaxLookBack);
        EntityMention? fallback = null;
        for (int si = sentence?.Index ?? -1, seen = 0; si >= 0 && seen < 6 && k > stop; si--, seen++)
        {
            var s = article.Sentences[si];
            // The part of the sentence before the offset, quotations left out.
            int end = Math.Min(s.End, offset);
            EntityMention? subject = null, firstPerson = null, cueSubject = null;
            // Subjects open their sentence: only mentions near its start are looked at closely (bounded work).
            int from = SubjectStart(text, s.Start, end);
            while (k > stop && mentions[k].Start >= s.Start)
            {
                var m = mentions[k--];
                if (m.Start >= end || m.Kind != EntityKind.Person) continue;
                // The subject of a speech verb ("…, Safin said he …", "Robben, who …, claims") is the one speaking.
                if (cueSubject is null && SubjectOfCue(text, m.End, end) && (m.Start - s.Start > 2000 || !InsideQuotes(text, s.Start, m.Start))) cueSubject = m;
                // "He sees Owen as …": after a pronoun subject a name near the start is its object.
                if (m.Start >= from && m.Start - from <= 60 && !StartsWithPronoun(text, from, end) && !InsideQuotes(text, from, m.Start) && SubjectGap(text, from, m.Start)) subject = m;
                else if (m.Start - s.Start > 2000 || !InsideQuotes(text, s.Start, m.Start))
                {
                    fallback ??= m;
                    firstPerson = m;   // walking backwards: the last one kept is the sentence's first
                }
            }
            if ((cueSubject ?? subject) is { } found) return found;
            // "The State Department said Secretary Blinken emphasized …. He noted …": an earlier sentence whose subject
            // is no person and no pronoun hands the pronoun to the person it reports on, not to one further back.
            if (firstPerson is not null && seen > 0 && OrganizationSubject(mentions, k + 1, s)) return firstPerson;
        }
        return fallback;
    }

    /// <summary>
    /// A speech verb follows the name at <paramref name="nameEnd"/>: directly, after one adverb ("Safin also said"), or
    /// after an appositive between commas ("Robben, who has been …, claims").
    /// </summary>
    private bool SubjectOfCue(string text, int nameEnd, int end)
    {
        int i = nameEnd;
        while (i < end && text[i] == ' ') i++;
        if (i < end && text[i] == ',')
        {
            int close = text.IndexOf(',', i + 1, Math.Min(160, end - i - 1));
            if (close < 0) return false;
            i = close + 1;
            while (i < end && text[i] == ' ') i++;
        }
        for (int w = 0; w < 2 && i < end; w++)
        {
            int e = i;
            while (e < end && char.IsLetter(text[e])) e++;
            if (e == i) return false;
            var word = text[i..e];
            if (IsCue(word)) return true;
            // Only an adverb or auxiliary stands between a subject and its verb ("and claims" has another subject).
            if (!CueAdverbs.Contains(word) && !word.EndsWith("ly", StringComparison.Ordinal)) return false;
            i = e;
            while (i < end && text[i] == ' ') i++;
        }
        return false;
    }

    private static readonly HashSet<string> CueAdverbs = new(StringComparer.Ordinal)
        { "also", "later", "then", "again", "once", "still", "has", "had", "have", "earlier", "further", "previously", "recently", "has", "would", "will" };

    private static bool StartsWithPronoun(string text, int from, int end)
    {
        int e = from;
        while (e < end && char.IsLetter(text[e])) e++;
        return e > from && Pronouns.Contains(text[from..e]);
    }

    /// <summary>
    /// The sentence opens with an organization ("The U.S. State Department said …"): an institution reporting on a
    /// person. (A description opening it, "The 21-year-old", usually refers back to the article's person instead.)
    /// </summary>
    private static bool OrganizationSubject(IReadOnlyList<EntityMention> mentions, int first, Sentence s)
    {
        for (int k = first; k < mentions.Count && mentions[k].Start < s.End; k++)
        {
            if (mentions[k].Start < s.Start) continue;
            return mentions[k].Kind == EntityKind.Organization && mentions[k].Start - s.Start <= 12;
        }
        return false;
    }

    /// <summary>
    /// Where a sentence's subject starts: after leading spaces and after a fronted phrase that opens with a
    /// preposition and ends with a comma ("In a statement released through her lawyer, Jones repeated …").
    /// </summary>
    private static int SubjectStart(string text, int start, int end)
    {
        int i = start;
        while (i < end && char.IsWhiteSpace(text[i])) i++;
        int e = i;
        while (e < end && char.IsLetter(text[e])) e++;
        if (e > i && IsFrontingWord(text.AsSpan(i, e - i)))
        {
            int comma = text.IndexOf(',', e, Math.Min(MaxFronted, end - e));
            if (comma > 0 && !InsideQuotes(text, i, comma))
            {
                i = comma + 1;
                while (i < end && char.IsWhiteSpace(text[i])) i++;
            }
        }
        return i;
    }

    private const int MaxFronted = 120;

    /// <summary>Words that open a fronted phrase before the subject: prepositions and participles of circumstance.</summary>
    private static readonly string[] FrontingWords =
    [
        "In", "On", "At", "After", "Before", "During", "For", "With", "Without", "Despite", "Speaking", "Asked", "Writing",
        "Launching", "Meanwhile", "However", "Later", "Earlier", "Since", "Under", "Following", "Addressing", "Responding",
    ];

    private static bool IsFrontingWord(ReadOnlySpan<char> word)
    {
        foreach (var f in FrontingWords)
            if (word.SequenceEqual(f)) return true;
        return false;
    }

    /// <summary>
    /// Few enough words before a name for it to be the subject: at most three ("The 21-year-old Ann Lee"), or a
    /// title of capitalized words ("US Secretary of State Antony Blinken").
    /// </summary>
    private static bool SubjectGap(string text, int from, int name)
    {
        int n = WordsBetween(text, from, name);
        if (n <= 3) return true;
        if (n > 6) return false;
        foreach (var w in text[from..name].Split(' ', StringSplitOptions.RemoveEmptyEntries))
            if (!char.IsUpper(w[0]) && w is not ("of" or "the" or "for")) return false;
        return true;
    }

    private static int WordsBetween(string text, int a, int b)
    {
        int n = 0;
        bool inWord = false;
        for (int i = a; i < b; i++)
        {
            bool w = char.IsLetterOrDigit(text[i]);
            if (w && !inWord) n++;
            inWord = w;
        }
        return n;
    }

    /// <summary>An odd number of double quotation marks between the sentence start and the offset: inside a quotation.</summary>
    private static bool InsideQuotes(string text, int start, int offset)
    {
        int marks = 0;
        for (int i = start; i < offset; i++)
            if (text[i] is '"' or '“' or '”') marks++;
        return marks % 2 == 1;
    }

    private const int MaxLookBack = 200;

    /// <summary>A name starts at <paramref name="i"/>, whatever its case ("de Blasio said").</summary>
    private static bool MentionStartsAt(IReadOnlyList<EntityMention> mentions, int i)
    {
        int k = FirstAtOrAfter(mentions, i);
        return k < mentions.Count && mentions[k].Start == i;
    }

    /// <summary>Index of the first mention starting at or after <paramref name="offset"/> (mentions are in text order).</summary>
    private static int FirstAtOrAfter(IReadOnlyList<EntityMention> mentions, int offset)
    {
        int lo = 0, hi = mentions.Count;
        while (lo < hi)
        {
            int mid = (lo + hi) >>> 1;
            if (mentions[mid].Start < offset) lo = mid + 1; else hi = mid;
        }
        return lo;
    }

    /// <summary>End of the paragraph holding <paramref name="offset"/> (binary search: paragraphs are in text order).</summary>
    private static int ParagraphEnd(Article article, int offset)
    {
        var ps = article.Paragraphs;
        int lo = 0, hi = ps.Count - 1;
        while (lo <= hi)
        {
            int mid = (lo + hi) >>> 1;
            if (offset < ps[mid].Start) hi = mid - 1;
            else if (offset >= ps[mid].End) lo = mid + 1;
            else return ps[mid].End;
        }
        return article.Text.Length;
    }

    private sealed record Found(string? Speaker, string Text, string Suffix)
    {
        public Attribution With(string cue, string rule) => new(Speaker, Text, cue, rule + Suffix);
    }

    private bool IsCue(string word) => gazetteer.SpeechVerbs.Contains(word) || AttributionCues.Contains(word) || word.StartsWith("according", StringComparison.Ordinal);

    /// <summary>
    /// The lowercase word text[at..at+length) when it is a cue (see <see cref="IsCue(string, int, string)"/>), else null.
    /// Nearly every word before or after a quotation is no cue, so a word is copied out only when its first letter,
    /// last letter and length are those of some cue word: attribution read every word as a string before.
    /// </summary>
    private string? CueAt(string text, int at, int length)
    {
        var span = text.AsSpan(at, length);
        // "According to Ann Lee, …" opens its sentence: the cue is read in lower case like the rest.
        if (span.StartsWith("According", StringComparison.Ordinal)) return string.Concat("a", span[1..]);
        if (!span.StartsWith("according", StringComparison.Ordinal) && !CueShapes.Contains((span[0], span[^1], length))) return null;
        var word = span.ToString();
        return IsCue(text, at, word) ? word : null;
    }

    private HashSet<(char First, char Last, int Length)>? _cueShapes;

    /// <summary>First letter, last letter and length of every cue word ("on" of "went on" included).</summary>
    private HashSet<(char First, char Last, int Length)> CueShapes => _cueShapes ??=
        gazetteer.SpeechVerbs.Concat(AttributionCues).Append("on").Where(w => w.Length > 0).Select(w => w.ToLowerInvariant())
            .Select(w => (w[0], w[^1], w.Length)).ToHashSet();

    /// <summary>A cue word at <paramref name="at"/>, or "on" of "went on" ("She went on: “…”").</summary>
    private bool IsCue(string text, int at, string word) =>
        IsCue(word) || word == "on" && at >= 5 && text.AsSpan(at - 5, 5).SequenceEqual("went ");

    /// <summary>
    /// Cues of attribution besides the lexicon's speech verbs: participles that attach a quotation to the clause's
    /// subject ("…, adding “…”") and verbs of recollection and emphasis ("recalls Ann Lee", "underlined Mr Lee").
    /// </summary>
    private static readonly HashSet<string> AttributionCues = new(StringComparer.Ordinal)
    {
        "adding", "noting", "explaining", "insisting", "arguing", "stressing", "recalling", "telling",
        "recalls", "underlined", "underlines", "underlining",
    };

    /// <summary>End of the clause starting at <paramref name="i"/>: the next sentence or clause punctuation or quote mark.</summary>
    private static int ClauseEnd(string text, int i, int end, bool stopAtComma = true)
    {
        for (; i < end; i++)
        {
            // A party tag or short aside stays inside the clause: "Sen. Ann Lee (R-S.C.) told".
            if (text[i] == '(' && text.IndexOf(')', i, Math.Min(MaxAside, end - i)) is var close and > 0) { i = close; continue; }
            if (text[i] is '.' && !AbbreviationPeriod(text, i) || text[i] is ';' or ':' or '!' or '?' or '\n' or '“' or '"' or '(' or '—'
                || stopAtComma && text[i] == ',') return i;
        }
        return end;
    }

    /// <summary>Longest parenthesis read as an aside inside a clause.</summary>
    private const int MaxAside = 24;

    /// <summary>Titles and initials keep their period inside a clause: "Mr. Pence said", "Sen. Ann Lee", "Donald J. Trump", "U.S. officials".</summary>
    internal static bool AbbreviationPeriod(string text, int dot)
    {
        if (dot + 1 < text.Length && char.IsLetter(text[dot + 1])) return true;   // U.S., D.C.
        // A sentence never ends with ".,": "Sen. Ann Lee, R-Tenn., told" keeps its state tag inside the clause.
        if (dot + 1 < text.Length && text[dot + 1] == ',') return true;
        int k = dot - 1;
        while (k >= 0 && char.IsLetter(text[k])) k--;
        int len = dot - k - 1;
        if (len == 0 || !char.IsUpper(text[k + 1])) return false;
        return len == 1 || TitleAbbreviations.Contains(text.Substring(k + 1, len));
    }

    private static readonly HashSet<string> TitleAbbreviations = new(StringComparer.Ordinal)
    {
        "Mr", "Mrs", "Ms", "Dr", "Sen", "Rep", "Gov", "Gen", "Col", "Lt", "Capt", "Sgt", "Prof", "Rev", "St", "Jr", "Sr", "Lt", "Cmdr",
        "Adm", "Maj", "Pres", "Supt", "Insp", "Det", "Hon", "Amb", "Atty", "Mx", "Messrs",
    };

}
