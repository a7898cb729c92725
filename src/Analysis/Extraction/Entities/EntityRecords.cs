namespace Analysis;

/// <summary>One mention of a named entity in an article.</summary>
/// <param name="ArticleId">The article.</param>
/// <param name="Outlet">The article's outlet, or its id when no manifest names one.</param>
/// <param name="Start">Offset of the mention in <c>Article.Text</c> (title words excluded).</param>
/// <param name="End">Offset after the mention (a possessive "'s" excluded).</param>
/// <param name="SentenceIndex">Index of the sentence in <c>Article.Sentences</c>.</param>
/// <param name="Sentence">The sentence text.</param>
/// <param name="Text">The mention as written.</param>
/// <param name="Kind">Person, organization, place or group.</param>
/// <param name="Canonical">The name shared by every variant of the entity across the corpus.</param>
/// <param name="Rule">The recognizer rule that found it (gazetteer, title, org_suffix, short_name, …).</param>
public sealed record EntityMention(string ArticleId, string Outlet, int Start, int End, int SentenceIndex, string Sentence,
    string Text, EntityKind Kind, string Canonical, string Rule) : ITextRecord
{
    /// <summary>The title written with a person's name and peeled off it ("Gov.", "Secretary of State"), or null.</summary>
    public string? Title { get; init; }
    /// <summary>The place written with a person's name and peeled off it ("Arkansas" Gov. …, … "of California"), or null.</summary>
    public string? Place { get; init; }
}

/// <summary>
/// How often one entity is mentioned in one article, with its first mention as provenance. A byline reporter or post
/// author the text never names has 0 mentions, offsets -1, and the byline or post as its sentence.
/// </summary>
public sealed record EntityCount(string ArticleId, string Outlet, string Canonical, EntityKind Kind, int Mentions,
    string Variants, int Start, int End, int SentenceIndex, string Sentence, string Rule) : ITextRecord
{
    /// <summary>
    /// What part the entity plays in the article (<see cref="EntityRoles"/>), several joined by "; ": named (in the
    /// text), quoted (speaks a quotation), byline (a reporter of the article), post_author (wrote an embedded post).
    /// </summary>
    public string Role { get; init; } = EntityRoles.Named;
}

/// <summary>A canonical entity across the corpus: every variant merged.</summary>
public sealed record Entity(string Canonical, EntityKind Kind, int Mentions, int Articles, int Outlets, string Variants);
