using Plotly.NET;

namespace Analysis;

/// <summary>
/// Charts for article clusters and paragraph themes. Traces are built from plotly.js attributes directly: the
/// F# chart functions' optional parameters are not optional from C#.
/// </summary>
public static class ClusterCharts
{
    /// <summary>Article-by-article cosine similarity heatmap, articles grouped by cluster.</summary>
    public static GenericChart Heatmap(ArticleClusters clusters)
    {
        var s = clusters.Similarity;
        var clusterOf = clusters.Assignments.ToDictionary(a => a.ArticleId, a => a.Cluster);
        var order = Enumerable.Range(0, s.ArticleIds.Count).OrderBy(i => clusterOf[s.ArticleIds[i]]).ThenBy(i => i).ToArray();
        var names = order.Select(i => $"{s.ArticleIds[i]} [{clusterOf[s.ArticleIds[i]]}]").ToArray();
        var trace = Trace("heatmap", ("z", order.Select(i => order.Select(j => s.Values[i][j]).ToArray()).ToArray()),
            ("x", names), ("y", names), ("zmin", 0.0), ("zmax", 1.0), ("colorscale", "Viridis"));
        return Chart(trace, "Article similarity (TF-IDF cosine), grouped by cluster", null, null, ("yaxis", Axis(null, ("autorange", "reversed"))));
    }

    /// <summary>2-D map of the articles (first two principal components of their LSA vectors), one colour per cluster.</summary>
    public static GenericChart Map(ArticleClusters clusters)
    {
        var traces = clusters.Assignments.Where(a => a.Cluster is not null).GroupBy(a => a.Cluster!.Value).OrderBy(g => g.Key)
            .Select(g => Trace("scatter", ("mode", "markers"), ("name", $"{g.Key}: {g.First().ClusterTerms}"),
                ("x", g.Select(a => a.X!.Value).ToArray()), ("y", g.Select(a => a.Y!.Value).ToArray()),
                ("text", g.Select(a => a.ArticleId).ToArray())))
            .ToArray();
        return Chart(traces, $"Articles by cluster (k = {clusters.K})", "component 1", "component 2");
    }

    /// <summary>Mean silhouette per k tried, the chosen k marked (a single point when k was given).</summary>
    public static GenericChart Silhouette(ArticleClusters clusters) => Silhouette(clusters.KScores, "articles");

    /// <summary>Mean silhouette per number of themes tried.</summary>
    public static GenericChart Silhouette(ParagraphThemes themes) => Silhouette(themes.KScores, "paragraph themes");

    /// <summary>Share of each article's words per paragraph theme, stacked to 1.</summary>
    public static GenericChart ThemeShares(ParagraphThemes themes)
    {
        var articles = themes.Shares.Select(s => s.ArticleId).Distinct().ToArray();
        var traces = themes.Summary.Select(t =>
        {
            var share = themes.Shares.Where(s => s.Theme == t.Theme).ToDictionary(s => s.ArticleId, s => s.Share);
            return Trace("bar", ("name", $"{t.Theme}: {t.Label}"), ("x", articles), ("y", articles.Select(a => share.GetValueOrDefault(a)).ToArray()));
        }).ToArray();
        return Chart(traces, $"Paragraph themes per article (k = {themes.K})", "article", "share of words", ("barmode", "stack"));
    }

    private static GenericChart Silhouette(IReadOnlyList<KScore> scores, string what)
    {
        var chosen = scores.Where(s => s.Chosen).ToArray();
        var line = Trace("scatter", ("mode", "lines+markers"), ("name", "silhouette"),
            ("x", scores.Select(s => s.K).ToArray()), ("y", scores.Select(s => s.Silhouette).ToArray()));
        var mark = Trace("scatter", ("mode", "markers"), ("name", "chosen k"), ("marker", Obj(("size", 14), ("symbol", "star"))),
            ("x", chosen.Select(s => s.K).ToArray()), ("y", chosen.Select(s => s.Silhouette).ToArray()));
        return Chart([line, mark], $"Choosing k for {what}: mean silhouette (higher is better separated)", "k", "silhouette");
    }

    private static GenericChart Chart(Trace trace, string title, string? x, string? y, params (string, object)[] layout) =>
        Chart([trace], title, x, y, layout);

    private static GenericChart Chart(Trace[] traces, string title, string? x, string? y, params (string, object)[] layout)
    {
        var chart = GenericChart.combine(traces.Select(t => GenericChart.ofTraceObject(true, t)));
        var l = new Layout();
        l.SetProperty("title", Obj(("text", title)));
        if (x is not null) l.SetProperty("xaxis", Axis(x));
        if (y is not null) l.SetProperty("yaxis", Axis(y));
        foreach (var (name, value) in layout) l.SetProperty(name, value);
        return GenericChart.addLayout(l, chart);
    }

    private static DynamicObj.DynamicObj Axis(string? title, params (string, object)[] more) =>
        Obj([.. title is null ? [] : new[] { ("title", (object)Obj(("text", title))) }, .. more]);

    private static Trace Trace(string type, params (string Name, object Value)[] attributes)
    {
        var trace = new Trace2D(type);
        foreach (var (name, value) in attributes) trace.SetProperty(name, value);
        return trace;
    }

    private static DynamicObj.DynamicObj Obj(params (string Name, object Value)[] attributes)
    {
        var o = new DynamicObj.DynamicObj();
        foreach (var (name, value) in attributes) o.SetProperty(name, value);
        return o;
    }
}
