using System.Text;
using Plotly.NET;

namespace Analysis;

/// <summary>
/// Charts of reconciled figures: per measure one row per outlet with the interval its wording implies, and an
/// overview of which outlets report which measures.
/// <code>FigureCharts.ByMeasure(rec)</code> <code>FigureCharts.Coverage(rec)</code>
/// </summary>
public static class FigureCharts
{
    private const int Width = 950;

    private static readonly string[] Palette = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    /// <summary>
    /// One chart for <paramref name="measure"/>: a row per outlet, a marker at each value, a translucent band for
    /// exact, "about" and range figures (their implied interval), a dashed whisker for open intervals ("over 240" runs
    /// from 240 to the right edge); hovering shows the sentence.
    /// </summary>
    public static GenericChart ByMeasure(Reconciliation reconciliation, string measure)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        var chart = GenericChart.ofTraceObjects(true, MeasureTraces(reconciliation, measure, 1));
        int rows = reconciliation.Rows.Where(r => r.Measure == measure).Select(Label).Distinct().Count();
        return GenericChart.addLayout(Layout(
            ("title", new { text = Title(reconciliation, measure) }),
            ("height", 160 + 40 * rows), ("width", Width),
            ("showlegend", false),
            ("margin", new { l = 220 }),
            ("xaxis", new { title = new { text = UnitTitle(reconciliation, measure) }, rangemode = "tozero" }),
            ("yaxis", new { automargin = true })), chart);
    }

    /// <summary>Per-measure panels stacked in one figure, for measures reported by at least two articles (at most <paramref name="max"/>).</summary>
    public static GenericChart ByMeasure(Reconciliation reconciliation, int max = 8)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        var measures = reconciliation.Measures.Where(m => m.Articles >= 2).Take(max).Select(m => m.Measure).ToList();
        if (measures.Count == 0) measures = reconciliation.Measures.Take(max).Select(m => m.Measure).ToList();
        if (measures.Count == 0) throw new ArgumentException("The reconciliation has no measures to chart.", nameof(reconciliation));
        var traces = new List<Trace>();
        var layout = new List<(string, object)>
        {
            ("title", new { text = "Reported figures by measure" }), ("height", 80 + 220 * measures.Count), ("width", Width), ("showlegend", false),
            ("margin", new { l = 220 }),
        };
        var titles = new List<object>();
        double band = 1.0 / measures.Count, gap = Math.Min(0.12, band * 0.35);
        for (int i = 0; i < measures.Count; i++)
        {
            int axis = i + 1;
            traces.AddRange(MeasureTraces(reconciliation, measures[i], axis));
            double top = 1 - i * band, bottom = 1 - (i + 1) * band + gap;
            string suffix = axis == 1 ? "" : axis.ToString(System.Globalization.CultureInfo.InvariantCulture);
            layout.Add(($"xaxis{suffix}", new { anchor = $"y{suffix}", rangemode = "tozero", title = new { text = UnitTitle(reconciliation, measures[i]) } }));
            layout.Add(($"yaxis{suffix}", new { anchor = $"x{suffix}", domain = new[] { bottom, top - gap / 3 }, automargin = true }));
            titles.Add(new { text = $"<b>{Escape(Title(reconciliation, measures[i]))}</b>", x = 0, xref = "paper", xanchor = "left", y = top, yref = "paper", yanchor = "bottom", showarrow = false });
        }
        layout.Add(("annotations", titles));
        return GenericChart.addLayout(Layout([.. layout]), GenericChart.ofTraceObjects(true, traces));
    }

    /// <summary>
    /// Heatmap of figures per outlet (rows) and measure (columns): which outlets report which measures. Large corpora
    /// keep the <paramref name="maxMeasures"/> measures reported by most articles and the <paramref name="maxOutlets"/>
    /// outlets with most figures among them.
    /// </summary>
    public static GenericChart Coverage(Reconciliation reconciliation, int maxMeasures = 40, int maxOutlets = 60)
    {
        ArgumentNullException.ThrowIfNull(reconciliation);
        var measures = reconciliation.Measures.Take(maxMeasures).Select(m => m.Measure).ToList();
        var counts = reconciliation.Rows.Where(r => measures.Contains(r.Measure))
            .GroupBy(r => (r.Outlet, r.Measure)).ToDictionary(g => g.Key, g => g.Count());
        var outlets = counts.GroupBy(c => c.Key.Outlet).OrderByDescending(g => g.Sum(c => c.Value)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(maxOutlets).Select(g => g.Key).OrderBy(o => o, StringComparer.Ordinal).ToList();
        if (measures.Count == 0 || outlets.Count == 0) throw new ArgumentException("The reconciliation has no figures.", nameof(reconciliation));
        var z = outlets.Select(o => measures.Select(m => counts.GetValueOrDefault((o, m))).ToArray()).ToArray();
        var heat = Trace("heatmap", ("z", z), ("x", measures), ("y", outlets), ("colorscale", new object[] { new object[] { 0, "#f7fbff" }, new object[] { 1, "#08519c" } }), ("zmin", 0),
            ("hovertemplate", "%{y}<br>%{x}: %{z} figure(s)<extra></extra>"), ("xgap", 2), ("ygap", 2));
        return GenericChart.addLayout(Layout(
            ("title", new { text = "Which outlets report which measures (figures per outlet)" }),
            ("height", 220 + 30 * outlets.Count), ("width", Width),
            ("margin", new { l = 220, b = 160 }),
            ("xaxis", new { tickangle = -35 })), GenericChart.ofTraceObject(true, heat));
    }

    private static List<Trace> MeasureTraces(Reconciliation reconciliation, string measure, int axis)
    {
        var rows = reconciliation.Rows.Where(r => r.Measure == measure).ToList();
        if (rows.Count == 0)
            throw new ArgumentException($"No figures for measure '{measure}'. Measures: {string.Join(", ", reconciliation.Measures.Select(m => m.Measure))}", nameof(measure));
        // Colours follow the outlet across every panel of the reconciliation.
        var outlets = reconciliation.Rows.Select(r => r.Outlet).Distinct().ToList();
        var colourOf = outlets.Select((o, i) => (o, i)).ToDictionary(p => p.o, p => Palette[p.i % Palette.Length]);
        double right = rows.SelectMany(r => new[] { r.Value, r.Low ?? r.Value, r.High ?? r.Value }).Max() * 1.3;
        string suffix = axis == 1 ? "" : axis.ToString(System.Globalization.CultureInfo.InvariantCulture);
        var traces = new List<Trace>();
        foreach (var r in rows)
        {
            string label = Label(r), color = colourOf[r.Outlet];
            double lo = r.Low ?? 0, hi = r.High ?? right;
            bool open = r.Low is null || r.High is null;
            if (hi > lo)
                traces.Add(Trace("scatter", ("x", new[] { lo, hi }), ("y", new[] { label, label }), ("mode", "lines"),
                    ("line", new { color, width = open ? 3 : 14, dash = open ? "dash" : "solid" }), ("opacity", open ? 0.8 : 0.35),
                    ("hoverinfo", "skip"), ("xaxis", "x" + suffix), ("yaxis", "y" + suffix)));
            traces.Add(Trace("scatter", ("x", new[] { r.Value }), ("y", new[] { label }), ("mode", "markers"),
                ("marker", new { color, size = 11, symbol = open ? (r.High is null ? "triangle-right" : "triangle-left") : "circle" }),
                ("name", r.Outlet), ("text", Hover(r)), ("hovertemplate", "%{text}<extra></extra>"),
                ("xaxis", "x" + suffix), ("yaxis", "y" + suffix)));
        }
        return traces;
    }

    private static string Title(Reconciliation rec, string measure) =>
        $"{measure}: {FigureReconciliation.VerdictName(rec.Measures.First(m => m.Measure == measure).Verdict)}";

    private static string UnitTitle(Reconciliation rec, string measure)
    {
        var unit = rec.Rows.First(r => r.Measure == measure).Unit;
        return unit.Length == 0 ? "count" : unit;
    }

    private static Trace Trace(string type, params (string Name, object Value)[] props)
    {
        var t = new Trace2D(type);
        foreach (var (name, value) in props) t.SetProperty(name, value);
        return t;
    }

    private static Layout Layout(params (string Name, object Value)[] props)
    {
        var l = new Layout();
        foreach (var (name, value) in props) l.SetProperty(name, value);
        return l;
    }

    private static string Label(ReconciledFigure r) => r.Published is DateOnly d ? $"{r.Outlet} ({d:yyyy-MM-dd})" : r.Outlet;

    private static string Hover(ReconciledFigure r)
    {
        var sb = new StringBuilder();
        sb.Append("<b>").Append(Escape(r.Surface)).Append("</b> ").Append(Qualifiers.Name(r.Qualifier));
        if (r.Attribution is not null) sb.Append("<br>").Append(Escape(r.Attribution));
        if (r.OtherOccurrence) sb.Append("<br><i>other occurrence of the story</i>");
        int col = 0;
        sb.Append("<br>");
        foreach (var word in r.Sentence.Split(' '))
        {
            if (col > 70) { sb.Append("<br>"); col = 0; }
            sb.Append(Escape(word)).Append(' ');
            col += word.Length + 1;
        }
        return sb.ToString();
    }

    private static string Escape(string s) => s.Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;");

}
