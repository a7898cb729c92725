using System.Collections.Concurrent;
using DynamicObj;
using Microsoft.FSharp.Core;
using Newtonsoft.Json;
using Newtonsoft.Json.Linq;
using Plotly.NET;

namespace Analysis.Display;

/// <summary>
/// Plotly.NET charts as HTML that renders offline: the chart itself (<see cref="GenericChart.toChartHTML"/>, no
/// CDN) and, with the first chart of a notebook, the plotly.js that Plotly.NET embeds. Front ends that show a
/// notebook's outputs in one page (VS Code, JupyterLab, nbconvert, the runner's report) share that one copy.
/// </summary>
public static class ChartHtml
{
    /// <summary>The name under which the library script is tagged, so a report can keep one copy per page.</summary>
    public const string LibraryName = "plotly";

    private const string Resource = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string> Library = new(ReadLibrary);
    private static readonly ConcurrentDictionary<int, (DynamicObj.DynamicObj Template, string Json)> Templates = new();
    private static int libraryShown;

    /// <summary>The next chart carries plotly.js again (called when a notebook registers the formatters).</summary>
    public static void ResetLibrary() => Interlocked.Exchange(ref libraryShown, 0);

    /// <summary>The chart's HTML, preceded by plotly.js when no earlier chart of this notebook carried it.</summary>
    public static string ToHtml(GenericChart chart)
    {
        var withLibrary = Interlocked.Exchange(ref libraryShown, 1) == 0;
        var chartHtml = GenericChart.toChartHTML(WithSerializedTemplate(chart));
        return withLibrary ? LibraryScript() + chartHtml : chartHtml;
    }

    /// <summary>
    /// plotly.js in a script tag marked <c>data-library="plotly"</c>. The bundle is wrapped so that it always sets
    /// <c>window.Plotly</c>, even in pages that load require.js (Jupyter), where it would otherwise register as an AMD module.
    /// </summary>
    public static string LibraryScript() =>
        $"<script type=\"text/javascript\" data-library=\"{LibraryName}\">(function(define, module, exports) {{\n{Library.Value}\n}}).call(window);</script>\n";

    /// <summary>
    /// toChartHTML serializes the layout's template (kilobytes of styling, through reflection) on every call, some
    /// hundreds of milliseconds per chart; the template is serialized once per distinct template and reused as raw JSON.
    /// </summary>
    private static GenericChart WithSerializedTemplate(GenericChart chart)
    {
        var layout = GenericChart.getLayout(chart);
        if (layout.TryGetPropertyValue("template") is not { Value: DynamicObj.DynamicObj template }) return chart;
        var key = template.GetHashCode();
        if (!Templates.TryGetValue(key, out var cached) || !cached.Template.StructurallyEquals(template))
            Templates[key] = cached = (template, JsonConvert.SerializeObject(template));
        var copy = new Layout();
        layout.ShallowCopyDynamicPropertiesTo(copy, null);
        copy.SetProperty("template", new JRaw(cached.Json));
        return GenericChart.mapLayout(FuncConvert.FromFunc<Layout, Layout>(_ => copy), chart);
    }

    private static string ReadLibrary()
    {
        using var stream = typeof(GenericChart).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"Plotly.NET no longer embeds {Resource}.");
        using var reader = new StreamReader(stream);
        return reader.ReadToEnd();
    }
}
