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

    [GeneratedRegex(@"\b(?:according\s+to)\b|\b\p{Ll}+\b", RegexOptions.CultureInvariant)]
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
            var quoted = string.Join(" ", span.Segments.Select(g => text[g.Start..g.End].Trim()));
            int words = CountWords(quoted);
            bool standalone = IsStandalone(text, span, sentence);
            var kind = words >= 5 || words >= 3 && standalone ? QuoteKind.Full : QuoteKind.Scare;
            var who = Attribute(article, span, mentions, previous, kind, standalone, lastClose);
            lastClose = span.Close;
            var quote = new Quote(article.Id, outlet, span.Segments[0].Start, span.Close, sIndex, sText, quoted, kind,
                who.Speaker, who.SpeakerText, who.Cue, who.Rule, span.Segments.Count, null);
            result.Add(quote);
            if (kind == QuoteKind.Full) previous = quote;
        }
        return result;
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

        if (After(article, afterStart, afterEnd, mentions, span.Open) is { } after) return after;
        if (Dash(article, afterStart, mentions) is { } dash) return dash;
        if (Before(article, beforeStart, span.Open, mentions) is { } before) return before;
        if (AccordingTo(article, afterStart, Math.Min(closeSentence?.End ?? afterEnd, afterEnd), mentions) is { } acc) return acc;
        // A quotation standing alone (opening its sentence) continues the last speaker, or the one named just before.
        if (kind == QuoteKind.Full && standalone && openSentence is not null)
        {
            if (previous is { Speaker: not null } && previous.End < span.Open && previous.SentenceIndex >= openSentence.Index - 2)
                return new Attribution(previous.Speaker, previous.SpeakerText, previous.Cue, "previous_quote");
            if (openSentence.Index > 0)
            {
                var prev = article.Sentences[openSentence.Index - 1];
                if (Before(article, Math.Max(prev.Start, prev.End - MaxContext), prev.End, mentions) is { } p) return p with { Rule = "previous_sentence" + Suffix(p.Rule) };
            }
        }
        return new Attribution(null, null, null, "none");
    }

    private static string Suffix(string rule) => rule.EndsWith("+pronoun", StringComparison.Ordinal) ? "+pronoun" : "";

    /// <summary>", Netanyahu told Blinken", ", said the official", "he added".</summary>
    private Attribution? After(Article article, int start, int end, IReadOnlyList<EntityMention> mentions, int quoteOpen)
    {
        var text = article.Text;
        int i = start;
        while (i < end && (char.IsWhiteSpace(text[i]) || text[i] is ',' )) i++;
        // A full stop after the closing mark ends the attribution context (“… .” Then a new sentence.).
        if (i < end && text[i] is '.' or '!' or '?' && i == start) return null;
        // Commas may separate the name from the verb ("Armando Falcon, OFHEO director, said").
        int clauseEnd = ClauseEnd(text, i, end, stopAtComma: false);
        var words = LowerWord().Matches(text[i..clauseEnd]);
        foreach (Match w in words)
        {
            int at = i + w.Index;
            // An attribution follows the quote closely; a speech verb further on belongs to another statement.
            if (at - i > 80) return null;
            if (!IsCue(w.Value)) continue;
            if (w.Value.StartsWith("according", StringComparison.Ordinal))
                return Speaker(article, at + w.Length, ClauseEnd(text, at + w.Length, clauseEnd), mentions, quoteOpen, nearestLast: false)?.With("according to", "according_to");
            // Speaker before the cue ("Netanyahu told", "State Department spokesman Matthew Miller said", "he added").
            if (Speaker(article, i, at, mentions, quoteOpen, nearestLast: true) is { } sb) return sb.With(w.Value, "cue_after");
            // Speaker after the cue ("said Blinken in Qatar", "said the official").
            int npEnd = ClauseEnd(text, at + w.Length, clauseEnd);
            if (Speaker(article, at + w.Length, npEnd, mentions, quoteOpen, nearestLast: false) is { } sa) return sa.With(w.Value, "cue_after");
            return null;
        }
        return null;
    }

    /// <summary>"X said: “…”", "Blinken said he “will press …”": the last speech verb before the quote.</summary>
    private Attribution? Before(Article article, int start, int end, IReadOnlyList<EntityMention> mentions)
    {
        var text = article.Text;
        Match? cue = null;
        foreach (Match w in LowerWord().Matches(text[start..end]))
            if (IsCue(w.Value)) cue = w;
        if (cue is null) return null;
        int at = start + cue.Index;
        if (cue.Value.StartsWith("according", StringComparison.Ordinal))
            return Speaker(article, at + cue.Length, ClauseEnd(text, at + cue.Length, end), mentions, at, nearestLast: false)?.With("according to", "according_to");
        // "Blinken said: “…”", else the inverted "said Ivan Kulakov: “…”".
        return (Speaker(article, start, at, mentions, start, nearestLast: true)
            ?? Speaker(article, at + cue.Length, end, mentions, start, nearestLast: false))?.With(cue.Value, "cue_before");
    }

    private Attribution? AccordingTo(Article article, int start, int end, IReadOnlyList<EntityMention> mentions)
    {
        if (end <= start) return null;
        var text = article.Text;
        int k = text.IndexOf("according to", start, end - start, StringComparison.OrdinalIgnoreCase);
        if (k < 0) return null;
        int from = k + "according to".Length;
        return Speaker(article, from, ClauseEnd(text, from, end), mentions, start, nearestLast: false)?.With("according to", "according_to");
    }

    /// <summary>"— Eli Dror (@handle)" on the line after a quotation.</summary>
    private static Attribution? Dash(Article article, int start, IReadOnlyList<EntityMention> mentions)
    {
        var text = article.Text;
        int i = start;
        while (i < text.Length && i < start + 4 && char.IsWhiteSpace(text[i])) i++;
        if (i >= text.Length || text[i] is not ('—' or '–')) return null;
        for (int k = FirstAtOrAfter(mentions, i + 1); k < mentions.Count && mentions[k].Start <= i + 4; k++)
            if (mentions[k].Kind == EntityKind.Person)
                return new Attribution(mentions[k].Canonical, mentions[k].Text, "—", "dash");
        return null;
    }

    /// <summary>The speaker named in [start, end): a person (else organization) mention, a pronoun, or a short noun phrase.</summary>
    private Found? Speaker(Article article, int start, int end, IReadOnlyList<EntityMention> mentions, int quoteOpen, bool nearestLast)
    {
        if (end <= start) return null;
        EntityMention? best = null;
        for (int k = FirstAtOrAfter(mentions, start); k < mentions.Count; k++)
        {
            var m = mentions[k];
            if (m.End > end) break;
            if (m.Kind is EntityKind.Person || best is null && m.Kind is EntityKind.Organization)
            {
                if (best is null || nearestLast || best.Kind != EntityKind.Person) best = m;
                if (!nearestLast && m.Kind == EntityKind.Person) break;
            }
        }
        if (best is not null) return new Found(best.Canonical, best.Text, "");
        var phrase = article.Text[start..end].Trim(' ', ',', '\n');
        var words = phrase.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length == 0) return null;
        // "he added", "He did, however, admit": the pronoun nearest the verb (or first after it).
        var near = nearestLast ? words.AsEnumerable().Reverse().Take(4) : words.Take(1);
        var pronoun = near.Select(w => w.Trim(',', ';')).FirstOrDefault(Pronouns.Contains);
        if (pronoun is not null)
        {
            if (pronoun is "he" or "she" or "He" or "She" && SubjectBefore(mentions, quoteOpen) is { } p)
                return new Found(p.Canonical, pronoun, "+pronoun");
            return new Found(null, pronoun, "");
        }
        // "the official", "a senior State Department official": a short phrase starting with a determiner.
        int d = nearestLast ? Array.FindLastIndex(words, IsDeterminer) : IsDeterminer(words[0]) ? 0 : -1;
        if (d < 0 || words.Length - d is < 2 or > 6 || words[d..].Any(w => NotInNounPhrase.Contains(w) || w.IndexOfAny(QuoteMarks) >= 0)) return null;
        var np = string.Join(' ', words[d..]);
        return new Found(char.ToLowerInvariant(np[0]) + np[1..], np, "");
    }

    private static readonly HashSet<string> NotInNounPhrase = new(StringComparer.OrdinalIgnoreCase)
        { "that", "which", "who", "whom", "whose", "when", "where", "because", "if", "and", "but", "is", "was", "are", "were" };
    private static readonly char[] QuoteMarks = ['"', '“', '”', '‘', '’', '«', '»'];

    private static bool IsDeterminer(string w) => w is "the" or "a" or "an" or "The" or "A" or "An";

    /// <summary>
    /// The person a pronoun refers to: the first person named in the last sentence before <paramref name="offset"/>
    /// that names one (the subject, more often than a name in a later phrase: "Blinken stressed the death of Sinwar … He noted").
    /// </summary>
    private static EntityMention? SubjectBefore(IReadOnlyList<EntityMention> mentions, int offset)
    {
        // Walk back from the offset (a bounded number of mentions: a person named that far back is no antecedent).
        int k = FirstAtOrAfter(mentions, offset) - 1, stop = Math.Max(-1, k - MaxLookBack);
        while (k > stop && mentions[k].Kind != EntityKind.Person) k--;
        if (k <= stop) return null;
        var subject = mentions[k];
        for (k--; k > stop && mentions[k].SentenceIndex == subject.SentenceIndex; k--)
            if (mentions[k].Kind == EntityKind.Person) subject = mentions[k];
        return subject;
    }

    private const int MaxLookBack = 200;

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

    private bool IsCue(string word) => gazetteer.SpeechVerbs.Contains(word) || word.StartsWith("according", StringComparison.Ordinal);

    /// <summary>End of the clause starting at <paramref name="i"/>: the next sentence or clause punctuation or quote mark.</summary>
    private static int ClauseEnd(string text, int i, int end, bool stopAtComma = true)
    {
        for (; i < end; i++)
            if (text[i] is '.' or ';' or ':' or '!' or '?' or '\n' or '“' or '"' or '(' or '—' || stopAtComma && text[i] == ',') return i;
        return end;
    }
}
