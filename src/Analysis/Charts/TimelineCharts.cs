using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Analysis;

/// <summary>Charts of the merged timeline.</summary>
public static class TimelineCharts
{
    /// <summary>
    /// The merged timeline: one row per outlet, one marker per day-precise dated event (hover: expression, date and
    /// sentence). Events before <paramref name="from"/> are left out (background dates such as "in 2006").
    /// </summary>
    public static GenericChart ByOutlet(EventTimeline timeline, DateOnly? from = null)
    {
        ArgumentNullException.ThrowIfNull(timeline);
        var points = timeline.Entries.Where(e => e.Date is { } d && e.Precision == "day" && (from is null || d >= from));
        var traces = points.GroupBy(e => e.Outlet).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Points(g.Key, g.Select(e => e.Date!.Value.ToDateTime(TimeOnly.MinValue)).ToArray(), g.Select(Hover).ToArray()))
            .ToList();
        if (traces.Count == 0) traces.Add(Points("no dated events", [], []));
        return Chart.withTitle("Timeline of events by outlet", null).Invoke(Chart.combine(traces));
    }

    /// <summary>One outlet's row: markers at the dates, the outlet name as the y category.</summary>
    private static GenericChart Points(string outlet, DateTime[] dates, string[] hover) =>
        // Plotly.NET's optional F# arguments are plain parameters from C#: null is "not given".
        Chart2D_Scatter.Chart.Point<DateTime, string, string>(dates, dates.Select(_ => outlet).ToArray(),
            FSharpOption<string>.Some(outlet), null, null, null, null, FSharpOption<IEnumerable<string>>.Some(hover),
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);

    private static string Hover(TimelineEntry e)
    {
        var s = e.Sentence.Length > 140 ? e.Sentence[..140] + "…" : e.Sentence;
        return $"{e.Expression} → {e.Date:yyyy-MM-dd ddd}<br>{System.Net.WebUtility.HtmlEncode(s)}";
    }
}
