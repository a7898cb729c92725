using System.Collections.Concurrent;
using System.Diagnostics;
using System.Runtime.CompilerServices;
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

    /// <summary>
    /// The package's notebook engine runs several notebooks in one process, their cells each under an activity of
    /// this name (the current activity or a parent of it; Analysis.Notebooks' <c>NotebookSession.NotebookActivityName</c>).
    /// There "the first chart of a notebook" is kept on that activity: each notebook loads its own copy of this
    /// assembly, and the formatters (process-wide) call the copy that registered last. Elsewhere (.NET Interactive
    /// runs one notebook per process) it is kept per process.
    /// </summary>
    private const string NotebookActivity = "Analysis.Notebooks.Notebook";
    private const string ShownProperty = "Analysis.Display.PlotlyShown";
    private static readonly StrongBox<int> ShownInProcess = new();

    /// <summary>
    /// Json.NET looks for reference loops by comparing each object with those it is inside of, with their Equals:
    /// DynamicObj's Equals hashes both objects deeply, which made one template take about a second of CPU (BBC run,
    /// 2026-12-01). The template has no loops; comparing references gives the same JSON.
    /// </summary>
    private static readonly JsonSerializerSettings TemplateSettings = new() { EqualityComparer = ReferenceEqualityComparer.Instance };

    /// <summary>The next chart carries plotly.js again (called when a notebook registers the formatters).</summary>
    public static void ResetLibrary() => Interlocked.Exchange(ref LibraryShown().Value, 0);

    /// <summary>The chart's HTML, preceded by plotly.js when no earlier chart of this notebook carried it.</summary>
    public static string ToHtml(GenericChart chart)
    {
        var withLibrary = Interlocked.Exchange(ref LibraryShown().Value, 1) == 0;
        var chartHtml = GenericChart.toChartHTML(WithSerializedTemplate(chart));
        return withLibrary ? LibraryScript() + chartHtml : chartHtml;
    }

    private static StrongBox<int> LibraryShown()
    {
        var notebook = Activity.Current;
        while (notebook is not null && notebook.OperationName != NotebookActivity) notebook = notebook.Parent;
        if (notebook is null) return ShownInProcess;
        // A notebook's cells run one at a time, so its flag is never made twice at once.
        if (notebook.GetCustomProperty(ShownProperty) is not StrongBox<int> shown)
            notebook.SetCustomProperty(ShownProperty, shown = new StrongBox<int>());
        return shown;
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
            Templates[key] = cached = (template, JsonConvert.SerializeObject(template, TemplateSettings));
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
