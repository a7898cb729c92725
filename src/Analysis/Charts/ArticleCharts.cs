using Microsoft.FSharp.Core;
using Plotly.NET;

namespace Analysis;

/// <summary>Charts about the articles themselves.</summary>
public static class ArticleCharts
{
    /// <summary>A column per article: its length in words, labelled by article id (in corpus order).</summary>
    public static GenericChart Lengths(IEnumerable<Article> articles)
    {
        var list = articles.ToList();
        // Plotly.NET's F# optional arguments are plain FSharpOption parameters in C#: null means "not given".
        var chart = Chart2D_Bar.Chart.Column<int, string, string, int, int>(
            list.Select(a => a.Words).ToArray(),
            FSharpOption<IEnumerable<string>>.Some(list.Select(a => a.Id).ToArray()),
            null, FSharpOption<string>.Some("words"), null, null, null, null, null, null, null, null, null, null, null,
            null, null, null, null, null, null, null);
        chart = Chart.withTitle("Article length (words)", null).Invoke(chart);
        chart = Chart.withXAxis(AxisTitled("article"), null).Invoke(chart);
        return Chart.withYAxis(AxisTitled("words"), null).Invoke(chart);
    }

    /// <summary>An axis with only a title set (the style functions take some thirty optional arguments from C#).</summary>
    private static Plotly.NET.LayoutObjects.LinearAxis AxisTitled(string title)
    {
        var text = new Title();
        text.SetProperty("text", title);
        var axis = new Plotly.NET.LayoutObjects.LinearAxis();
        axis.SetProperty("title", text);
        return axis;
    }
}
