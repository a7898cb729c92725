using Analysis.Extraction.Quotes;
using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Analysis.Charts;

/// <summary>Charts of quotations.</summary>
public static class QuoteCharts
{
    /// <summary>
    /// Who each outlet quotes: the <paramref name="top"/> most quoted speakers as horizontal bars, one bar colour per
    /// outlet (full quotations with a known speaker).
    /// </summary>
    public static GenericChart SpeakersByOutlet(IEnumerable<Quote> quotes, int top = 12)
    {
        ArgumentNullException.ThrowIfNull(quotes);
        if (top < 1) throw new ArgumentOutOfRangeException(nameof(top), top, "top must be at least 1.");
        var counts = quotes.SpeakersByOutlet();
        var speakers = counts.GroupBy(c => c.Speaker).OrderByDescending(g => g.Sum(c => c.Quotes)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).Select(g => g.Key).Reverse().ToArray();
        var traces = counts.Where(c => speakers.Contains(c.Speaker)).GroupBy(c => c.Outlet).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var byOutlet = g.ToDictionary(c => c.Speaker, c => c.Quotes);
                return Bars(g.Key, speakers.Select(s => byOutlet.GetValueOrDefault(s)).ToArray(), speakers);
            }).ToList();
        if (traces.Count == 0) traces.Add(Bars("no attributed quotations", [], []));
        return Chart.withTitle("Quotations per speaker and outlet", null).Invoke(Chart.combine(traces));
    }

    private static GenericChart Bars(string outlet, int[] values, string[] speakers) =>
        // Plotly.NET's optional F# arguments are plain parameters from C#: null is "not given".
        Chart2D_Bar.Chart.Bar<int, string, string, int, double>(values, FSharpOption<IEnumerable<string>>.Some(speakers), null,
            FSharpOption<string>.Some(outlet), null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
