using CsvHelper;

namespace Analysis;

/// <summary>One data row of a CSV or JSON Lines source, with its line number and any problem found reading it.</summary>
internal sealed record TableRow(int Line, IReadOnlyDictionary<string, string?> Fields, string? Problem)
{
    /// <summary>The first non-empty value among the column names given (column names are matched case-insensitively).</summary>
    public string? Get(params string[] names)
    {
        foreach (var n in names)
            if (Fields.TryGetValue(n, out var v) && !string.IsNullOrWhiteSpace(v)) return v.Trim();
        return null;
    }

    /// <summary>
    /// The metadata columns of the row (outlet, headline, published, byline, url and their usual aliases); a published
    /// value that is not a date is left out and described in <paramref name="dateProblem"/>.
    /// </summary>
    public ArticleMetadata Metadata(string publishedBasis, out string? dateProblem)
    {
        DateOnly? published = null;
        dateProblem = null;
        try { published = ArticleMetadata.ParseDate(Get("published", "date")); }
        catch (FormatException e) { dateProblem = e.Message; }
        return new ArticleMetadata
        {
            Outlet = Get("outlet", "source", "publisher"),
            Headline = Get("headline", "title"),
            Published = published,
            PublishedBasis = published is null ? null : publishedBasis,
            Byline = Get("byline", "author", "authors"),
            Url = Get("url"),
        };
    }
}

/// <summary>Reads CSV (through CsvHelper) and JSON Lines into <see cref="TableRow"/>s; malformed rows are kept with their problem.</summary>
internal static class TableReader
{
    /// <summary>
    /// Rows of a CSV text with a header row (RFC 4180: quoted fields may hold commas, quotes and line breaks).
    /// Records with broken quoting or a field count other than the header's are returned with their problem.
    /// </summary>
    public static List<TableRow> ReadCsv(string text)
    {
        var rows = new List<TableRow>();
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Add,
        };
        using var csv = CsvReader.FromText(text, options);
        var header = csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length && i < csv.FieldCount; i++) fields.TryAdd(header[i], csv.GetString(i));
            if (fields.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TableRow((int)csv.LineNumber, fields, null));
        }
        foreach (var bad in malformed)
            rows.Add(new TableRow((int)bad.LineNumber, new Dictionary<string, string?>(), bad.Reason switch
            {
                CsvMalformedReason.FieldCountMismatch => $"malformed CSV row: field count differs from the header's {header.Length}",
                CsvMalformedReason.UnterminatedQuote => "malformed CSV row: a quoted field is never closed",
                var reason => $"malformed CSV row: {reason}",
            }));
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return rows;
    }

    public static List<TableRow> ReadJsonLines(string text)
    {
        var rows = new List<TableRow>();
        int line = 0;
        foreach (var raw in text.Split('\n'))
        {
            line++;
            var json = raw.Trim();
            if (json.Length == 0) continue;
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            string? problem = null;
            try
            {
                using var doc = System.Text.Json.JsonDocument.Parse(json);
                if (doc.RootElement.ValueKind != System.Text.Json.JsonValueKind.Object) problem = "JSON line is not an object";
                else
                    foreach (var p in doc.RootElement.EnumerateObject())
                        fields.TryAdd(p.Name, p.Value.ValueKind switch
                        {
                            System.Text.Json.JsonValueKind.String => p.Value.GetString(),
                            System.Text.Json.JsonValueKind.Null => null,
                            _ => p.Value.GetRawText(),
                        });
            }
            catch (System.Text.Json.JsonException e)
            {
                problem = "invalid JSON: " + e.Message.Split(" Path:")[0];
            }
            rows.Add(new TableRow(line, fields, problem));
        }
        return rows;
    }
}
