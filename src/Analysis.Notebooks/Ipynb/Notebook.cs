using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Analysis.Notebooks.Ipynb;

/// <summary>A notebook file that is not valid nbformat 4 JSON; the message names the file and what is wrong.</summary>
public sealed class NotebookFormatException(string message, Exception? inner = null) : Exception(message, inner);

/// <summary>
/// An nbformat 4 notebook (.ipynb). Cells are typed; notebook and cell metadata are kept as JSON so that whatever
/// other tools wrote there (VS Code, Jupyter) survives a read and write.
/// </summary>
public sealed class Notebook
{
    private static readonly JsonSerializerOptions WriteOptions = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public JsonObject Metadata { get; init; } = [];
    public int NbFormat { get; init; } = 4;
    public int NbFormatMinor { get; init; } = 5;
    public List<NotebookCell> Cells { get; init; } = [];

    /// <summary>Reads <paramref name="path"/>; a file that is not a valid notebook throws <see cref="NotebookFormatException"/> naming it.</summary>
    public static Notebook Load(string path)
    {
        string json;
        try
        {
            json = File.ReadAllText(path);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new NotebookFormatException($"{path}: cannot read the notebook: {e.Message}", e);
        }
        return Parse(json, path);
    }

    /// <summary>Parses notebook JSON; <paramref name="name"/> (usually the file path) is named in errors.</summary>
    public static Notebook Parse(string json, string name)
    {
        JsonNode? root;
        try
        {
            root = JsonNode.Parse(json, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            throw new NotebookFormatException($"{name}: not a valid notebook, the JSON is malformed (line {e.LineNumber + 1}): {e.Message}", e);
        }
        if (root is not JsonObject notebook) throw Invalid(name, "the top level is not a JSON object");
        var format = notebook["nbformat"] is JsonValue v && v.TryGetValue<int>(out var f) ? f
            : throw Invalid(name, "'nbformat' is missing");
        if (format != 4) throw Invalid(name, $"nbformat {format} is not supported (only nbformat 4)");
        if (notebook["cells"] is not JsonArray cells) throw Invalid(name, "'cells' is missing or not a list");
        try
        {
            return new Notebook
            {
                Metadata = notebook["metadata"]?.DeepClone() as JsonObject ?? [],
                NbFormat = format,
                NbFormatMinor = notebook["nbformat_minor"] is JsonValue m && m.TryGetValue<int>(out var minor) ? minor : 0,
                Cells = cells.Select((c, i) => NotebookCell.FromJson(c as JsonObject ?? throw Invalid(name, $"cell {i + 1} is not a JSON object"), i, name)).ToList(),
            };
        }
        catch (InvalidOperationException e)
        {
            // A field of the wrong JSON kind (a number where text belongs, …).
            throw Invalid(name, e.Message);
        }
    }

    /// <summary>Writes the notebook as Jupyter does (one-space indent, sources as lists of lines).</summary>
    public void Save(string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, ToJson());
    }

    public string ToJson() => new JsonObject
    {
        ["cells"] = new JsonArray(Cells.Select(c => (JsonNode)c.ToJson()).ToArray()),
        ["metadata"] = Metadata.DeepClone(),
        ["nbformat"] = NbFormat,
        ["nbformat_minor"] = NbFormatMinor,
    }.ToJsonString(WriteOptions) + "\n";

    private static NotebookFormatException Invalid(string name, string reason) => new($"{name}: not a valid notebook: {reason}.");

    /// <summary>Jupyter's multiline strings: a string or a list of strings to be joined.</summary>
    public static string JoinText(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => l?.GetValue<string>())),
        JsonValue value => value.GetValue<string>(),
        _ => "",
    };

    /// <summary>Splits text into Jupyter's list of lines, each keeping its newline.</summary>
    public static JsonArray SplitLines(string text)
    {
        var lines = new JsonArray();
        var start = 0;
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] != '\n') continue;
            lines.Add(text[start..(i + 1)]);
            start = i + 1;
        }
        if (start < text.Length) lines.Add(text[start..]);
        return lines;
    }
}

/// <summary>One notebook cell. <see cref="Outputs"/> hold Jupyter output objects (see <see cref="JupyterOutputs"/>).</summary>
public sealed class NotebookCell
{
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..12];
    /// <summary>"code", "markdown" or "raw".</summary>
    public string CellType { get; init; } = "code";
    public string Source { get; set; } = "";
    public JsonObject Metadata { get; init; } = [];
    public List<JsonObject> Outputs { get; init; } = [];
    public int? ExecutionCount { get; set; }

    public bool IsCode => CellType == "code";

    /// <summary>The cell's tags (metadata.tags), e.g. "parameters".</summary>
    public IReadOnlyList<string> Tags => Metadata["tags"] is JsonArray tags
        ? tags.Select(t => t?.GetValue<string>()).OfType<string>().ToList()
        : [];

    internal static NotebookCell FromJson(JsonObject cell, int index, string name)
    {
        var type = cell["cell_type"]?.GetValue<string>()
            ?? throw new NotebookFormatException($"{name}: not a valid notebook: cell {index + 1} has no 'cell_type'.");
        if (cell["source"] is null) throw new NotebookFormatException($"{name}: not a valid notebook: cell {index + 1} has no 'source'.");
        return new NotebookCell
        {
            Id = cell["id"]?.GetValue<string>() ?? $"cell-{index + 1}",
            CellType = type,
            Source = Notebook.JoinText(cell["source"]),
            Metadata = cell["metadata"]?.DeepClone() as JsonObject ?? [],
            Outputs = cell["outputs"] is JsonArray outputs ? outputs.OfType<JsonObject>().Select(o => (JsonObject)o.DeepClone()).ToList() : [],
            ExecutionCount = cell["execution_count"] is JsonValue count && count.TryGetValue<int>(out var n) ? n : null,
        };
    }

    internal JsonObject ToJson()
    {
        var json = new JsonObject { ["cell_type"] = CellType };
        if (IsCode) json["execution_count"] = ExecutionCount;
        json["id"] = Id;
        json["metadata"] = Metadata.DeepClone();
        if (IsCode) json["outputs"] = new JsonArray(Outputs.Select(o => (JsonNode)o.DeepClone()).ToArray());
        json["source"] = Notebook.SplitLines(Source);
        return json;
    }
}
