using System.Globalization;
using System.Text;
using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>RFC 4180 CSV output for DataFrames (header row, quoted fields where needed, invariant culture).</summary>
public static class Csv
{
    /// <summary>Writes <paramref name="frame"/> to <paramref name="path"/> as UTF-8 CSV, creating the folder.</summary>
    public static void Write(DataFrame frame, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        using var w = new StreamWriter(path, false, new UTF8Encoding(false));
        Write(frame, w);
    }

    /// <summary>Writes <paramref name="frame"/> as CSV to <paramref name="writer"/>.</summary>
    public static void Write(DataFrame frame, TextWriter writer)
    {
        writer.Write(string.Join(",", frame.Columns.Select(c => Quote(c.Name))));
        writer.Write("\r\n");
        for (long r = 0; r < frame.Rows.Count; r++)
        {
            for (int c = 0; c < frame.Columns.Count; c++)
            {
                if (c > 0) writer.Write(',');
                writer.Write(Quote(Format(frame.Columns[c][r])));
            }
            writer.Write("\r\n");
        }
    }

    private static string Format(object? v) => v switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => v.ToString() ?? "",
    };

    private static string Quote(string s) =>
        s.IndexOfAny([',', '"', '\r', '\n']) >= 0 ? "\"" + s.Replace("\"", "\"\"") + "\"" : s;
}
