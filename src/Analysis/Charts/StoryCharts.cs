using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Analysis;

/// <summary>Charts of the stories: which outlets covered each story, and when.</summary>
public static class StoryCharts
{
    /// <summary>
    /// The <paramref name="top"/> largest stories, one row each (story number and label), one marker per article at
    /// its publication date, one colour per outlet (hover: outlet, date and headline). Undated articles are drawn at
    /// the story's first date, or left out when the story has no date.
    /// </summary>
    public static GenericChart Coverage(StorySet stories, int top = 12)
    {
        ArgumentNullException.ThrowIfNull(stories);
        var shown = stories.Take(top).ToList();
        var points = shown.SelectMany(s => s.Articles.Select(a => (Story: s, Article: a, Date: a.Published ?? s.First)))
            .Where(p => p.Date is not null).ToList();
        var traces = points.GroupBy(p => p.Article.OutletOrId).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g => Points(g.Key, g.Select(p => p.Date!.Value.ToDateTime(TimeOnly.MinValue)).ToArray(),
                g.Select(p => Row(p.Story)).ToArray(),
                g.Select(p => $"{p.Article.OutletOrId}, {p.Date:yyyy-MM-dd}<br>{System.Net.WebUtility.HtmlEncode(p.Article.Headline ?? p.Article.Id)}").ToArray()))
            .ToList();
        if (traces.Count == 0) traces.Add(Points("no dated articles", [], [], []));
        return Chart.withTitle($"Who covered the {shown.Count} largest stories, and when", null).Invoke(Chart.combine(traces));
    }

    /// <summary>The y category of a story: its number and the start of its label.</summary>
    private static string Row(Story s)
    {
        var label = s.Label.Length > 40 ? s.Label[..40] + "…" : s.Label;
        return $"{s.Id}. {label}";
    }

    private static GenericChart Points(string outlet, DateTime[] dates, string[] rows, string[] hover) =>
        // Plotly.NET's optional F# arguments are plain parameters from C#: null is "not given".
        Chart2D_Scatter.Chart.Point<DateTime, string, string>(dates, rows,
            FSharpOption<string>.Some(outlet), null, null, null, null, FSharpOption<IEnumerable<string>>.Some(hover),
            null, null, null, null, null, null, null, null, null, null, null, null, null, null, null);
}
