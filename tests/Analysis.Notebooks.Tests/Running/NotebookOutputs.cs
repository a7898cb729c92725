using System.Text.Json.Nodes;
using Analysis.Notebooks.Ipynb;
using Microsoft.Data.Analysis;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>Reads facts out of executed notebooks (outputs by cell id, HTML tables, charts' data).</summary>
internal static class NotebookOutputs
{
    public static NotebookCell Cell(Notebook notebook, string id) => notebook.Cells.Single(c => c.Id == id);

    public static IEnumerable<JsonObject> AllOutputs(Notebook notebook) => notebook.Cells.SelectMany(c => c.Outputs);

    public static string? Html(JsonObject output) =>
        output["data"]?["text/html"] is { } html ? Notebook.JoinText(html) : null;

    public static string Html(NotebookCell cell) => cell.Outputs.Select(Html).OfType<string>().Single();

    /// <summary>Body rows of the first HTML table in <paramref name="html"/>.</summary>
    public static int TableRows(string html)
    {
        var start = html.IndexOf("<tbody>", StringComparison.Ordinal);
        var end = html.IndexOf("</tbody>", start, StringComparison.Ordinal);
        return html[start..end].Split("<tr>").Length - 1;
    }

    /// <summary>The Plotly data array of each chart in <paramref name="html"/> (what Plotly.newPlot draws).</summary>
    public static IEnumerable<JsonArray> ChartData(string html)
    {
        const string marker = "var data = ";
        for (var at = html.IndexOf(marker, StringComparison.Ordinal); at >= 0; at = html.IndexOf(marker, at + 1, StringComparison.Ordinal))
        {
            var start = at + marker.Length;
            var end = html.IndexOf(";\n", start, StringComparison.Ordinal);
            yield return JsonNode.Parse(html[start..end])!.AsArray();
        }
    }

    /// <summary>One column of a CSV table the notebooks wrote, read with a real CSV reader (headlines hold commas).</summary>
    public static List<string> CsvColumn(string path, string column)
    {
        var frame = DataFrame.LoadCsv(path);
        return frame.Columns[column].Cast<object?>().Select(v => Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture) ?? "").ToList();
    }
}
