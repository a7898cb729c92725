
namespace Analysis;

/// <summary>What a quotation row is.</summary>
public enum QuoteKind
{
    /// <summary>A quotation of someone's words (five words or more, or a whole quoted sentence).</summary>
    Full,
    /// <summary>A few words in quotation marks: a term, a phrase lifted from a statement, irony.</summary>
    Scare,
    /// <summary>Unbalanced quotation marks: what could not be extracted with certainty.</summary>
    Problem,
    /// <summary>A title in quotation marks (a show, book, law, event: "This Week", "Fox and Friends"): nobody's words.</summary>
    Title,
}

/// <summary>One quotation (or one problem with quotation marks) in an article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">The article's outlet, or its id when no manifest names one.</param>
/// <param name="Start">Offset in <c>Article.Text</c> of the first quoted character (after the opening mark).</param>
/// <param name="End">Offset of the closing mark (so Text[Start..End] is the quoted span, paragraph breaks included).</param>
/// <param name="SentenceIndex">Sentence holding the opening mark.</param>
/// <param name="Sentence">That sentence's text.</param>
/// <param name="Text">The quoted words; for a quotation over several paragraphs, the paragraphs joined by a space
/// without their repeated opening marks.</param>
/// <param name="Kind">Full, scare-quoted, or a problem row.</param>
/// <param name="Speaker">Canonical name of the speaker (a person or organization from the entities), or the
/// phrase naming them ("the official"), or null when no attribution was found.</param>
/// <param name="SpeakerText">The speaker as written next to the quote ("he", "Blinken", "the official").</param>
/// <param name="Cue">The speech verb ("said", "told", "according to") or "—" for a dash attribution.</param>
/// <param name="Rule">How the speaker was found: cue_after (", X said" / ", said X"), cue_before ("X said: …"),
/// according_to, dash, previous_quote, previous_sentence, none; "+pronoun" when a pronoun was resolved; "unbalanced"
/// for problems.</param>
/// <param name="Paragraphs">Number of paragraphs the quotation spans.</param>
/// <param name="Problem">For problem rows, what is wrong; for a quotation without its closing mark (it ends with its
/// paragraph), that note.</param>
public sealed record Quote(string ArticleId, string Outlet, int Start, int End, int SentenceIndex, string Sentence,
    string Text, QuoteKind Kind, string? Speaker, string? SpeakerText, string? Cue, string Rule, int Paragraphs, string? Problem) : ITextRecord
{
    /// <summary>
    /// How far the speaker can be trusted, 0 to 1, from the rule that found it (0.9 for an explicit cue naming an
    /// entity, lower for a pronoun, a description or a speaker carried over; 0 when there is none).
    /// </summary>
    public double Confidence { get; init; }
}

/// <summary>How many quotations an outlet attributes to one speaker.</summary>
public sealed record SpeakerCount(string Outlet, string Speaker, int Quotes, int Articles);

/// <summary>One quotation of a group of the same (or nearly the same) words quoted in several articles.</summary>
/// <param name="Group">Number of the group (1-based, largest groups first).</param>
/// <param name="Match">Compared with the group's longest quotation: "exact" (same words), "part" (every three-word
/// sequence of it is in the longest: a partial quote) or "near" (a linked variant).</param>
/// <param name="Similarity">Share of the shorter quotation's three-word sequences found in the other (1 for exact and part).</param>
public sealed record SharedQuotation(int Group, string ArticleId, string Outlet, string? Speaker, string Text,
    int Start, int End, int SentenceIndex, string Match, double Similarity) : IArticleRecord;
