namespace Analysis;

/// <summary>How the wording bounds a figure ("about 250", "more than 250", "between 20 and 30", …).</summary>
public enum Qualifier
{
    /// <summary>Stated plainly ("42,718", "six").</summary>
    Exact,
    /// <summary>"about", "around", "some", "nearly", "roughly", "approximately", "an estimated".</summary>
    Approximately,
    /// <summary>"over", "more than", "upwards of", "in excess of".</summary>
    MoreThan,
    /// <summary>"at least", "no fewer than".</summary>
    AtLeast,
    /// <summary>"under", "fewer than", "less than", "below".</summary>
    LessThan,
    /// <summary>"up to", "almost", "as many as", "at most".</summary>
    AtMost,
    /// <summary>"between 20 and 30", "20-30", and vague plurals ("hundreds of").</summary>
    Range,
}

/// <summary>
/// One reported quantity in an article's clean body, normalized and placed in context.
/// <see cref="Start"/>/<see cref="End"/> are offsets into <c>Article.Text</c> and cover the qualifier and the
/// number with its currency, scale and unit (<see cref="Surface"/> is exactly that slice).
/// </summary>
/// <param name="ArticleId">Id of the article the figure was found in.</param>
/// <param name="Outlet">The article's outlet, or its id when no manifest names one.</param>
/// <param name="Value">The normalized number (the lower bound for ranges).</param>
/// <param name="Unit">"" for counts; "percent", "percentage_point", an ISO currency code, a time or distance unit, or "ordinal".</param>
/// <param name="Low">Lower end of the interval the wording implies (null = unbounded).</param>
/// <param name="High">Upper end of the interval the wording implies (null = unbounded).</param>
/// <param name="Qualifier">How the wording bounds the number.</param>
/// <param name="Counted">What is counted, as written ("Lebanese civilians", "hostages"), or "".</param>
/// <param name="Measure">Normalized key that makes the same measure comparable across articles.</param>
/// <param name="Attribution">Source the sentence gives for the figure, as written, or null.</param>
/// <param name="SentenceIndex">Index of the sentence in <c>Article.Sentences</c> (-1 when outside every sentence).</param>
/// <param name="Sentence">Text of that sentence.</param>
/// <param name="Start">Offset of the first character in <c>Article.Text</c>.</param>
/// <param name="End">Offset after the last character.</param>
/// <param name="Surface">The text of [Start, End).</param>
/// <param name="Rule">Name of the grammar rule that recognized the number.</param>
public sealed record Figure(
    string ArticleId, string Outlet, double Value, string Unit, double? Low, double? High, Qualifier Qualifier,
    string Counted, string Measure, string? Attribution, int SentenceIndex, string Sentence,
    int Start, int End, string Surface, string Rule) : ITextRecord
{
    /// <summary>Where the figure was read: <c>body</c> (the clean text), <c>caption</c> or <c>post</c> (set-apart pieces,
    /// see <see cref="FigureOptions.IncludeCaptions"/>). For caption and post figures <see cref="Start"/>/<see cref="End"/>
    /// are offsets into <c>Article.Raw</c> and <see cref="SentenceIndex"/> is -1.</summary>
    public string Source { get; init; } = FigureSources.Body;

    /// <summary>Offset of the first character in <c>Article.Raw</c> (via <c>Article.Map</c> for body figures).</summary>
    public int RawStart { get; init; }

    /// <summary>Offset after the last character in <c>Article.Raw</c>.</summary>
    public int RawEnd { get; init; }

    /// <summary>snake_case name of <see cref="Qualifier"/> as used in tables ("more_than", …).</summary>
    public string QualifierName => Qualifiers.Name(Qualifier);
}

/// <summary>Table names of qualifiers.</summary>
public static class Qualifiers
{
    /// <summary>snake_case name ("exact", "approximately", "more_than", "at_least", "less_than", "at_most", "range").</summary>
    public static string Name(Qualifier q) => q switch
    {
        Qualifier.Exact => "exact",
        Qualifier.Approximately => "approximately",
        Qualifier.MoreThan => "more_than",
        Qualifier.AtLeast => "at_least",
        Qualifier.LessThan => "less_than",
        Qualifier.AtMost => "at_most",
        _ => "range",
    };

    /// <summary>Parses a snake_case name back; throws <see cref="ArgumentException"/> for unknown names.</summary>
    public static Qualifier Parse(string name) => name switch
    {
        "exact" => Qualifier.Exact,
        "approximately" => Qualifier.Approximately,
        "more_than" => Qualifier.MoreThan,
        "at_least" => Qualifier.AtLeast,
        "less_than" => Qualifier.LessThan,
        "at_most" => Qualifier.AtMost,
        "range" => Qualifier.Range,
        _ => throw new ArgumentException($"Unknown qualifier '{name}'.", nameof(name)),
    };
}

/// <summary>Values of <see cref="Figure.Source"/>.</summary>
public static class FigureSources
{
    /// <summary>The clean body (<c>Article.Text</c>).</summary>
    public const string Body = "body";
    /// <summary>A photo caption removed from the body.</summary>
    public const string Caption = "caption";
    /// <summary>An embedded social-media post removed from the body.</summary>
    public const string Post = "post";
}
