using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Analysis;

/// <summary>Charts of named entities.</summary>
public static class EntityCharts
{
    /// <summary>
    /// Who or what each outlet names: the <paramref name="top"/> most mentioned entities (of <paramref name="kind"/>,
    /// or of every kind when null) as horizontal bars, one bar colour per outlet.
    /// </summary>
    public static GenericChart ByOutlet(EntitySet entities, EntityKind? kind = EntityKind.Person, int top = 15)
    {
        ArgumentNullException.ThrowIfNull(entities);
        var rows = entities.Counts.Where(c => kind is null || c.Kind == kind).Select(c => (c.Outlet, c.Canonical, c.Mentions));
        return OutletBars.Build($"Mentions of {(kind is null ? "entities" : kind.ToString()!.ToLowerInvariant())} by outlet", rows, top);
    }
}

/// <summary>Horizontal bars of counts per key, one trace (colour) per outlet, the keys with the largest totals.</summary>
internal static class OutletBars
{
    public static GenericChart Build(string title, IEnumerable<(string Outlet, string Key, int Count)> rows, int top)
    {
        if (top < 1) throw new ArgumentOutOfRangeException(nameof(top), top, "top must be at least 1.");
        var list = rows.ToList();
        var keys = list.GroupBy(r => r.Key).OrderByDescending(g => g.Sum(r => r.Count)).ThenBy(g => g.Key, StringComparer.Ordinal)
            .Take(top).Select(g => g.Key).Reverse().ToArray();
        var traces = list.Where(r => keys.Contains(r.Key)).GroupBy(r => r.Outlet).OrderBy(g => g.Key, StringComparer.Ordinal)
            .Select(g =>
            {
                var counts = g.GroupBy(r => r.Key).ToDictionary(k => k.Key, k => k.Sum(r => r.Count));
                return Bars(g.Key, keys.Select(k => counts.GetValueOrDefault(k)).ToArray(), keys);
            }).ToList();
        if (traces.Count == 0) traces.Add(Bars("nothing to show", [], []));
        return Chart.withTitle(title, null).Invoke(Chart.combine(traces));
    }

    private static GenericChart Bars(string outlet, int[] values, string[] keys) =>
        // Plotly.NET's optional F# arguments are plain parameters from C#: null is "not given".
        Chart2D_Bar.Chart.Bar<int, string, string, int, double>(values, FSharpOption<IEnumerable<string>>.Some(keys), null,
            FSharpOption<string>.Some(outlet), null, null, null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null);
}
