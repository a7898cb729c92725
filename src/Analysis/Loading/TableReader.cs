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
    /// Records with broken quoting or a field count other than the header's are returned with their problem. A
    /// malformed record that runs over several lines (an unclosed quote takes in every line up to the next quote, or
    /// to the end) is reported at its first line, and the lines it took in are read again one line at a time, so
    /// the rows after a bad quote load and each line that still fails is reported on its own.
    /// </summary>
    public static List<TableRow> ReadCsv(string text)
    {
        var rows = new List<TableRow>();
        int headerEnd = text.IndexOf('\n');
        var headerLine = headerEnd < 0 ? text : text[..headerEnd].TrimEnd('\r');
        var header = ReadRecords(text, firstLine: 1, allowLineBreaksInQuotes: true, rows, out var spans);
        if (spans.Count == 0) return Sorted(rows);
        var lineStarts = LineStarts(text);
        foreach (var (first, last) in spans)
        {
            // Lines first+1..last, behind the header, with line numbers kept: line k of the part is line first+k-1 of the file.
            int from = lineStarts[first], to = last < lineStarts.Count ? lineStarts[last] : text.Length;
            ReadRecords(headerLine + "\n" + text[from..to], firstLine: first, allowLineBreaksInQuotes: false, rows, out _, header);
        }
        return Sorted(rows);
    }

    private static List<TableRow> Sorted(List<TableRow> rows)
    {
        rows.Sort((a, b) => a.Line.CompareTo(b.Line));
        return rows;
    }

    /// <summary>Index of the start of each line (line n starts at [n - 1]).</summary>
    private static List<int> LineStarts(string text)
    {
        var starts = new List<int> { 0 };
        for (int i = text.IndexOf('\n'); i >= 0; i = text.IndexOf('\n', i + 1)) starts.Add(i + 1);
        return starts;
    }

    /// <summary>
    /// Reads records into <paramref name="rows"/>, numbering lines from <paramref name="firstLine"/> for the header;
    /// <paramref name="multiLineProblems"/> gets the first and last line of each malformed record that runs over
    /// more than one line. Returns the header's lower-cased names (<paramref name="knownHeader"/> when given).
    /// </summary>
    private static string[] ReadRecords(string text, int firstLine, bool allowLineBreaksInQuotes, List<TableRow> rows,
        out List<(int First, int Last)> multiLineProblems, string[]? knownHeader = null)
    {
        var malformed = new List<CsvMalformedRecord>();
        var options = new CsvReaderOptions
        {
            Separator = ',',
            TrackLineNumbers = true,
            AllowLineBreaksInQuotes = allowLineBreaksInQuotes,
            MalformedData = CsvMalformedDataHandling.Skip,
            FieldCountMismatch = CsvFieldCountHandling.Skip,
            OnMalformedRecord = malformed.Add,
        };
        using var csv = CsvReader.FromText(text, options);
        var header = knownHeader ?? csv.Headers.Select(h => h.Trim().ToLowerInvariant()).ToArray();
        while (csv.Read())
        {
            var fields = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase);
            for (int i = 0; i < header.Length && i < csv.FieldCount; i++) fields.TryAdd(header[i], csv.GetString(i));
            if (fields.Values.All(string.IsNullOrWhiteSpace)) continue;
            rows.Add(new TableRow((int)csv.LineNumber + firstLine - 1, fields, null));
        }
        multiLineProblems = [];
        foreach (var bad in malformed)
        {
            int line = (int)bad.LineNumber + firstLine - 1;
            int breaks = bad.RawRecord.TrimEnd().Count(c => c == '\n');
            var problem = bad.Reason switch
            {
                CsvMalformedReason.FieldCountMismatch => $"malformed CSV row: field count differs from the header's {header.Length}",
                CsvMalformedReason.UnterminatedQuote => "malformed CSV row: a quoted field is never closed",
                CsvMalformedReason.LineBreakInQuotes => "malformed CSV row: a quoted field is not closed on its line",
                CsvMalformedReason.TextAfterClosingQuote => "malformed CSV row: text follows a closing quote (a quote is unbalanced)",
                CsvMalformedReason.StrayQuote => "malformed CSV row: a quote inside an unquoted field",
                var reason => $"malformed CSV row: {reason}",
            };
            if (breaks > 0)
            {
                multiLineProblems.Add((line, line + breaks));
                problem += $" (the record ran on to line {line + breaks}; those lines were read again one at a time)";
            }
            rows.Add(new TableRow(line, new Dictionary<string, string?>(), problem));
        }
        return header;
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
