
namespace Analysis;

/// <summary>
/// Extracts every reported figure from articles: the number grammar finds number expressions, then context
/// rules add the qualifier, interval, counted noun, measure key and attribution.
/// <code>var figures = FigureExtractor.Extract(article);</code>
/// </summary>
public static class FigureExtractor
{
    /// <summary>Characters either side of a figure that context rules may look at, whatever the sentence length.</summary>
    private const int ContextChars = 400;

    /// <summary>Figures of one article, in text order (the article is read on its own, outside any corpus).</summary>
    public static IReadOnlyList<Figure> Extract(Article article, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(article);
        options ??= new FigureOptions();
        options.Validate();
        return Extract(new AnnotatedArticle(article, options.Gazetteer ?? Gazetteer.Default), options, new MeasureRules(options));
    }

    /// <summary>Figures of all articles of <paramref name="corpus"/>, in corpus order, read from its annotations.</summary>
    public static IReadOnlyList<Figure> Extract(Corpus corpus, FigureOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        options ??= new FigureOptions();
        options.Validate();
        var rules = new MeasureRules(options);
        var all = new List<Figure>();
        foreach (var a in corpus.For(options.Gazetteer).Annotations) all.AddRange(Extract(a, options, rules));
        return all;
    }

    // The match is kept by its index into the article's number layer: a copy of the match would make every pending figure three times larger.
    private readonly record struct Pending(int Index, int Start, Qualifier Qualifier, double? High, (int Start, int End) Counted, int Lo, int Hi);

    /// <summary>Body figures, then (when asked) caption and post figures, all in raw text order.</summary>
    internal static List<Figure> Extract(AnnotatedArticle annotated, FigureOptions options, MeasureRules rules)
    {
        var article = annotated.Article;
        var result = ExtractText(annotated, options, rules);
        if (!options.IncludeCaptions && !options.IncludePosts) return result;
        bool added = false;
        foreach (var piece in article.Removed)
        {
            string? source = piece.Kind switch
            {
                PieceKinds.Caption when options.IncludeCaptions => FigureSources.Caption,
                PieceKinds.Post when options.IncludePosts => FigureSources.Post,
                _ => null,
            };
            if (source is null || piece.Text.Length == 0) continue;
            foreach (var f in ExtractText(new AnnotatedArticle(SetApart(article, piece), annotated.Gazetteer), options, rules))
            {
                int start = piece.RawStart + f.Start, end = piece.RawStart + f.End;
                result.Add(f with { Source = source, Start = start, End = end, RawStart = start, RawEnd = end, SentenceIndex = -1 });
                added = true;
            }
        }
        if (added) result.Sort((a, b) => a.RawStart.CompareTo(b.RawStart));
        return result;
    }

    /// <summary>A set-apart piece as an article of its own (its text is <c>Raw[RawStart..RawEnd]</c>), segmented into sentences.</summary>
    private static Article SetApart(Article article, RemovedPiece piece)
    {
        if (piece.RawEnd - piece.RawStart != piece.Text.Length || string.CompareOrdinal(article.Raw, piece.RawStart, piece.Text, 0, piece.Text.Length) != 0)
            throw new InvalidOperationException($"Article '{article.Id}': removed {piece.Kind} at {piece.RawStart} does not match the raw text.");
        var text = piece.Text;
        return new Article
        {
            Id = article.Id, Outlet = article.Outlet, Published = article.Published, Raw = text, Text = text,
            Map = OffsetMap.Identity(text.Length),
            Sentences = Segmenter.Sentences(text, [new Paragraph(0, 0, text.Length)]),
        };
    }

    private static List<Figure> ExtractText(AnnotatedArticle annotated, FigureOptions options, MeasureRules rules)
    {
        var article = annotated.Article;
        var text = article.Text ?? throw new ArgumentException($"Article '{article.Id}' has no text.", nameof(article));
        // The article's number layer (qualifiers read, ranges joined, days of dates left out); dates scope the measure keys.
        var dates = annotated.Dates;
        var matches = annotated.NumberMatches;

        // Pass 1: keep numbers that can count something, find the counted noun.
        var pending = new List<Pending>(matches.Count);
        for (int k = 0; k < matches.Count; k++)
        {
            var m = matches[k];
            // Years, scores and tallies, ages given alone ("Smith, 45,"), a lone "one", numbers inside compound
            // nouns ("a 500-seat hall") and places in a race ("finished second") are numbers but not figures.
            if (m.Kind is NumberKind.Year or NumberKind.Score || m.Kind == NumberKind.Age && !m.Compound || m.Rule is "word-one" or "compound-noun" or "ordinal-rank")
                continue;
            var (lo, hi) = Bounds(article, m.Start, m.End);
            int start = m.Lead;
            var q = m.Qualifier;
            double? high = m.High;
            // Counts, ordinals and compound adjectives name what they count next ("six hostages", "30-day window");
            // after a percentage, an amount or a unit word only "of …" does ("8% of Google", not "2% price drop").
            bool nounFollows = m.Unit.Length == 0 || m.Unit == "ordinal" || m.Compound;
            var counted = ContextRules.Counted(text, m.End, hi, requireOf: !nounFollows);
            // A conversion in brackets says the same as the amount before it: "more than $163m (£90m)".
            if (q == Qualifier.Exact && high is null && pending.Count > 0 && IsConversion(text, matches[pending[^1].Index], m))
                q = pending[^1].Qualifier;
            // "another 1,000 who were killed": the noun is the one counted just before.
            if (counted.Start == counted.End && pending.Count > 0 && pending[^1].Lo == lo
                && (ContextRules.EndsWithWords(text, lo, start - 1, "another") || ContextRules.EndsWithWords(text, lo, start - 1, "a further")))
                counted = pending[^1].Counted;
            // Number words with nothing counted, no unit and no qualifier are pronoun-like ("the two met"): left out;
            // so are fractions and multipliers of nothing named.
            if (m.InWords && m.Unit.Length == 0 && counted.Start == counted.End && q == Qualifier.Exact && high is null) continue;
            if (m.Kind is NumberKind.Fraction or NumberKind.Multiplier && counted.Start == counted.End) continue;
            pending.Add(new Pending(k, start, q, high, counted, lo, hi));
        }

        // Pass 2: measure (trigger windows stop at neighbouring figures) and attribution.
        var result = new List<Figure>(pending.Count);
        var attributions = new Dictionary<int, string?>();
        var place = new PlaceLookup(annotated);
        Func<string?> placeOfFigure = place.Find;
        for (int k = 0; k < pending.Count; k++)
        {
            var p = pending[k];
            var m = matches[p.Index];
            int lo = k > 0 && pending[k - 1].Lo == p.Lo ? Math.Max(p.Lo, Math.Max(matches[pending[k - 1].Index].End, pending[k - 1].Counted.End)) : p.Lo;
            int hi = k + 1 < pending.Count && pending[k + 1].Lo == p.Lo ? Math.Min(p.Hi, pending[k + 1].Start) : p.Hi;
            int countedEnd = Math.Max(m.End, p.Counted.End);
            // An ordinal without its noun refers back across the comma: "The visit, Blinken's 11th to Israel".
            // An ordinal names what it numbers: only its own noun picks the category ("11th trip", not "first woman … Tour").
            bool elided = m.Unit == "ordinal" && p.Counted.Start == p.Counted.End;
            int category = m.Unit == "ordinal" && !elided
                ? rules.Category(text, p.Start, m.End, m.Unit, p.Start, countedEnd, crossClauses: false)
                : rules.Category(text, p.Start, m.End, m.Unit, lo, Math.Max(hi, countedEnd), crossClauses: elided);
            // "the first big push": a word "first" is a superlative unless it numbers something a lexicon knows ("first visit").
            if (m.Kind == NumberKind.Ordinal && m.InWords && m.Value == 1 && category < 0) continue;
            var sentence = article.SentenceAt(m.Start);
            string? date = category >= 0 && options.Categories[category].ScopeByDate ? ContextRules.EventDate(text, dates, p.Lo, p.Hi, m.Start) : null;
            string? attribution = null;
            if (sentence is not null && !attributions.TryGetValue(sentence.Index, out attribution))
                attributions[sentence.Index] = attribution = ContextRules.Attribution(sentence.Text);
            int pHi = Math.Max(hi, countedEnd);
            place.Aim(lo, pHi, p.Start, m.End, sentence, attribution);
            string measure = rules.Key(category, m.Unit, m.Rule, text, p.Counted, date, placeOfFigure);
            var (low, high) = Interval(m.Value, m.Half, p.Qualifier, p.High, options.ApproximateTolerance);
            var raw = article.Map.ToRaw(new TextSpan(p.Start, m.End));
            result.Add(new Figure(
                article.Id, article.OutletOrId, m.Value, m.Unit, low, high, p.Qualifier,
                text[p.Counted.Start..p.Counted.End], measure, attribution,
                sentence?.Index ?? -1, sentence?.Text ?? "", p.Start, m.End, text[p.Start..m.End], m.Rule) { RawStart = raw.Start, RawEnd = raw.End });
        }
        return result;
    }

    /// <summary>
    /// The place a figure's measure is scoped to, looked up only when the measure asks for one (most never do).
    /// One per article, aimed at each figure in turn, so no figure allocates a closure; the article's entity layer
    /// is read on the first lookup.
    /// </summary>
    private sealed class PlaceLookup(AnnotatedArticle annotated)
    {
        private List<EntityMention>? places;
        private int lo, hi, start, end;
        private Sentence? sentence;
        private string? attribution;

        public void Aim(int lo, int hi, int start, int end, Sentence? sentence, string? attribution) =>
            (this.lo, this.hi, this.start, this.end, this.sentence, this.attribution) = (lo, hi, start, end, sentence, attribution);

        public string? Find()
        {
            places ??= annotated.Mentions.Where(e => e.Kind == EntityKind.Place).ToList();
            int source = attribution is null || sentence is null ? -1 : sentence.Text.IndexOf(attribution, StringComparison.Ordinal);
            int sourceStart = source < 0 ? 0 : sentence!.Start + source;
            int sourceEnd = source < 0 ? 0 : sourceStart + attribution!.Length;
            return ContextRules.Place(annotated.Text, places, lo, hi, start, end, sourceStart, sourceEnd);
        }
    }

    private static bool IsConversion(string text, NumberMatch previous, NumberMatch m) =>
        m.Start == previous.End + 2 && text[previous.End] == ' ' && text[previous.End + 1] == '('
        && IsCurrency(previous.Unit) && IsCurrency(m.Unit) && previous.Unit != m.Unit;

    private static bool IsCurrency(string unit) => Numbers.IsCurrency(unit);

    /// <summary>The sentence around a figure, clipped to <see cref="ContextChars"/> either side.</summary>
    private static (int Lo, int Hi) Bounds(Article article, int start, int end)
    {
        var s = article.SentenceAt(start);
        int lo = s?.Start ?? 0, hi = s?.End ?? article.Text.Length;
        return (Math.Max(lo, start - ContextChars), Math.Min(hi, Math.Max(end, Math.Min(hi, end + ContextChars))));
    }

    /// <summary>
    /// The interval a wording implies: exact figures keep the rounding their written precision implies,
    /// "about" widens by the tolerance, "over"/"at least" are open above, "under"/"up to" open below.
    /// </summary>
    internal static (double? Low, double? High) Interval(double value, double half, Qualifier q, double? rangeHigh, double tolerance)
    {
        var (low, high) = RawInterval(value, half, q, rangeHigh, tolerance);
        return (Tidy(low), Tidy(high));
    }

    /// <summary>Drops binary floating-point noise (110.00000000000001) from computed bounds.</summary>
    private static double? Tidy(double? v) => v is double d ? Math.Round(d, 6) : null;

    private static (double? Low, double? High) RawInterval(double value, double half, Qualifier q, double? rangeHigh, double tolerance) => q switch
    {
        Qualifier.Exact => (value - half, value + half),
        Qualifier.Approximately => (value * (1 - tolerance) - half, value * (1 + tolerance) + half),
        Qualifier.MoreThan or Qualifier.AtLeast => (value, null),
        Qualifier.LessThan or Qualifier.AtMost => (null, value),
        _ => (value, rangeHigh ?? value),
    };
}
