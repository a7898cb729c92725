using System.Globalization;

namespace Analysis;

/// <summary>Entry points: <c>corpus.Stories()</c>.</summary>
public static class StoryExtensions
{
    /// <summary>
    /// Groups the articles into stories: articles about the same event, told apart by their words, names, numbers
    /// and mentioned days (TF-IDF cosine) and by how far apart they were published. The number of stories is found,
    /// never asked for: average linkage joins groups while their mean pair similarity, relative to each article's
    /// closest matches (by default the mean of its two best), reaches <see cref="StoryOptions.Threshold"/>. Deterministic; memory grows with the number of articles, not its square.
    /// Articles with no usable words are listed in <see cref="StorySet.Excluded"/> with the reason.
    /// </summary>
    public static StorySet Stories(this Corpus corpus, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(corpus);
        var inputs = new StoryInputs(options ?? new StoryOptions());
        foreach (var annotated in corpus.Annotations) inputs.Add(annotated);
        return inputs.Group();
    }

    /// <inheritdoc cref="Stories(Corpus, StoryOptions?)"/>
    public static StorySet Stories(this IReadOnlyList<Article> articles, StoryOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(articles);
        // Each article is annotated, read and let go: grouping holds its terms, not its annotation.
        var inputs = new StoryInputs(options ?? new StoryOptions());
        foreach (var article in articles) inputs.Add(new AnnotatedArticle(article, Gazetteer.Default));
        return inputs.Group();
    }

    /// <summary>The stories of the articles <paramref name="inputs"/> read (it cannot take more after).</summary>
    internal static StorySet Group(this StoryInputs inputs)
    {
        var options = inputs.Options;
        var articles = inputs.Articles;
        var graph = StoryGraph.Build(inputs);
        var usable = Enumerable.Range(0, articles.Count).Where(i => graph.Vectors.RowColumns(i).Length > 0).ToArray();
        var excluded = Enumerable.Range(0, articles.Count).Where(i => graph.Vectors.RowColumns(i).Length == 0)
            .Select(i => new ExcludedArticle(articles[i].Id, "no words to compare: nothing but stop words, punctuation or small numbers"))
            .ToList();
        var group = StoryLinkage.Group(graph, options.Threshold);
        var members = usable.GroupBy(i => group[i]).Select(g => g.ToList()).ToList();
        var stories = members
            .OrderByDescending(m => m.Count)
            .ThenBy(m => m.Min(i => graph.Dates[i]?.DayNumber ?? int.MaxValue))
            .ThenBy(m => m[0])
            .Select((m, index) => Describe(index + 1, m, articles, inputs.Headlines, graph, options))
            .ToList();
        return new StorySet(stories, excluded, options, graph.Comparisons);
    }

    private static Story Describe(int id, List<int> members, IReadOnlyList<Article> articles, IReadOnlyList<string> headlines, StoryGraph graph, StoryOptions options)
    {
        var ordered = members.OrderBy(i => graph.Dates[i]?.DayNumber ?? int.MaxValue).ThenBy(i => i).ToList();
        var set = members.ToHashSet();
        var within = members.ToDictionary(i => i, i => graph.Neighbours[i].Where(e => set.Contains(e.Other)).Sum(e => (double)e.Similarity));
        int pairs = members.Count * (members.Count - 1) / 2;
        double cohesion = pairs == 0 ? 1 : within.Values.Sum() / 2 / pairs;
        int medoid = members.OrderByDescending(i => within[i]).ThenBy(i => i).First();
        var (names, terms) = SharedTerms(members, graph, options.LabelTerms);
        var dated = ordered.Where(i => graph.Dates[i] is not null).Select(i => graph.Dates[i]!.Value).ToList();
        var outlets = ordered.Select(i => articles[i].OutletOrId).Distinct().ToList();
        // Names first (up to three), then terms that are not already words of a name shown.
        var shown = names.Take(3).ToList();
        var nameWords = shown.SelectMany(n => n.Split(' ')).Select(w => w.ToLowerInvariant()).ToHashSet();
        var label = string.Join(", ", shown.Concat(terms.Where(t => !nameWords.Any(w => w.StartsWith(t, StringComparison.Ordinal)))).Take(options.LabelTerms));
        var stories = ordered.Select(i => articles[i]).ToList();
        return new Story(id, label, headlines[medoid], stories, outlets,
            dated.Count > 0 ? dated.Min() : null, dated.Count > 0 ? dated.Max() : null, names, terms, cohesion,
            Reason(members, ordered, articles, graph, options, names, terms, cohesion, outlets.Count, dated));
    }

    /// <summary>Names and other terms found in at least half of the members (at least two), most distinctive (rarest in the corpus) first.</summary>
    private static (List<string> Names, List<string> Terms) SharedTerms(List<int> members, StoryGraph graph, int top)
    {
        var count = new Dictionary<int, int>();
        foreach (int i in members)
            foreach (int t in graph.Vectors.RowColumns(i))
                count[t] = count.GetValueOrDefault(t) + 1;
        int needed = members.Count == 1 ? 1 : Math.Max(2, (members.Count + 1) / 2);
        var shared = count.Where(c => c.Value >= needed && graph.DocumentFrequency[c.Key] > (members.Count == 1 ? 0 : 1))
            .OrderByDescending(c => c.Value)
            .ThenBy(c => graph.DocumentFrequency[c.Key])
            .ThenBy(c => graph.Terms[c.Key], StringComparer.Ordinal)
            .Select(c => c.Key).ToList();
        List<string> Of(Func<StoryTermKind, bool> kind) => shared.Where(t => kind(graph.Kinds[t])).Select(t => Display(graph, t)).Take(top).ToList();
        return (Of(k => k == StoryTermKind.Name), Of(k => k != StoryTermKind.Name));
    }

    private static string Display(StoryGraph graph, int t) => graph.Kinds[t] switch
    {
        StoryTermKind.Number => graph.Terms[t][1..],
        StoryTermKind.Day => DayName(graph.Terms[t]),
        _ => graph.Terms[t],
    };

    private static string DayName(string monthDay)
    {
        var parts = monthDay.Split('-');
        return CultureInfo.InvariantCulture.DateTimeFormat.GetAbbreviatedMonthName(int.Parse(parts[0], CultureInfo.InvariantCulture))
            + " " + int.Parse(parts[1], CultureInfo.InvariantCulture);
    }

    private static string Reason(List<int> members, List<int> ordered, IReadOnlyList<Article> articles, StoryGraph graph, StoryOptions options,
        List<string> names, List<string> terms, double cohesion, int outlets, List<DateOnly> dated)
    {
        string threshold = options.Threshold.ToString("0.00", CultureInfo.InvariantCulture);
        if (members.Count == 1)
        {
            int i = members[0];
            if (graph.Neighbours[i].Length == 0)
                return "stands alone: no other article shares its rarer names or terms" + (graph.Dates[i] is null ? "" : " within its time window");
            var (other, s) = graph.Neighbours[i][0];
            float relative = graph.Linked[i][0].Similarity;
            string score = $"{s.ToString("0.00", CultureInfo.InvariantCulture)}, relative {relative.ToString("0.00", CultureInfo.InvariantCulture)}";
            return relative < options.Threshold
                ? $"stands alone: the most similar article, {articles[other].Id}, scores {score}, under the threshold {threshold}"
                : $"stands alone: the most similar article, {articles[other].Id} ({score}), is in a story whose articles it matches under {threshold} on average";
        }
        var span = dated.Count == 0 ? "none dated"
            : dated.Min() == dated.Max() ? $"published {dated.Min():yyyy-MM-dd}"
            : $"published {dated.Min():yyyy-MM-dd} to {dated.Max():yyyy-MM-dd} ({dated.Max().DayNumber - dated.Min().DayNumber} days)";
        int undated = ordered.Count - dated.Count;
        var shared = names.Concat(terms).ToList();
        return $"{members.Count} articles from {outlets} outlet{(outlets == 1 ? "" : "s")}, {span}" +
            (undated > 0 && dated.Count > 0 ? $", {undated} undated (compared on text alone)" : "") +
            (shared.Count > 0 ? $"; they share {string.Join(", ", shared.Take(8))}" : "") +
            $"; mean pair similarity {cohesion.ToString("0.00", CultureInfo.InvariantCulture)} (cosine of words, names, numbers and days" +
            (options.UseDates ? ", times the publication-time factor" : "") +
            $"; joined while the mean similarity relative to each article's reference (the mean of its two best matches by default) was at least {threshold})";
    }
}
