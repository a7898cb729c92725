using System.Net;

namespace Analysis.Display;

/// <summary>Writes rows as a plain HTML table, shared by the DataFrame and record-list formatters.</summary>
internal static class HtmlTable
{
    /// <summary>Rows shown before the table is cut (the rest are counted in a footer).</summary>
    public const int MaxRows = 100;

    /// <summary>Cell text longer than this is shortened, so a table of articles stays readable.</summary>
    public const int MaxCellLength = 160;

    public static void Write(TextWriter writer, IReadOnlyList<string> columns, IEnumerable<IReadOnlyList<object?>> rows, long rowCount)
    {
        writer.Write("<table class=\"analysis-table\"><thead><tr>");
        foreach (var column in columns) writer.Write($"<th>{Encode(column)}</th>");
        writer.Write("</tr></thead><tbody>");
        foreach (var row in rows.Take(MaxRows))
        {
            writer.Write("<tr>");
            foreach (var value in row) writer.Write(value is null ? "<td class=\"null\"></td>" : $"<td>{Encode(Cell(value))}</td>");
            writer.Write("</tr>");
        }
        writer.Write("</tbody>");
        if (rowCount > MaxRows)
            writer.Write($"<tfoot><tr><td colspan=\"{columns.Count}\">… {rowCount - MaxRows} more rows ({rowCount} in all)</td></tr></tfoot>");
        writer.Write("</table>");
    }

    private static string Cell(object value)
    {
        var text = value switch
        {
            bool b => b ? "true" : "false",
            IFormattable f => f.ToString(null, System.Globalization.CultureInfo.InvariantCulture),
            _ => value.ToString() ?? "",
        };
        return text.Length > MaxCellLength ? text[..MaxCellLength] + "…" : text;
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
