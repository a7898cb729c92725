using System.Text.Json.Nodes;
using Analysis.Notebooks.Engine;

namespace Analysis.Notebooks.Ipynb;

/// <summary>
/// Collects what a running cell produces as nbformat output objects: stream text (consecutive text of one stream
/// merged), display_data (updates replace the output they name), execute_result and error.
/// </summary>
public sealed class JupyterOutputs : ICellOutput
{
    private readonly Dictionary<string, JsonObject> displays = [];

    private readonly List<JsonObject> outputs = [];
    private (JsonObject Output, System.Text.StringBuilder Text)? openStream;

    /// <summary>The outputs so far, as nbformat output objects.</summary>
    public IReadOnlyList<JsonObject> Outputs
    {
        get
        {
            CloseStream();
            return outputs;
        }
    }

    /// <summary>Appends to the last output when it is the same stream: a cell printing in a loop gives one output, built in linear time.</summary>
    public void Stream(string name, string text)
    {
        if (openStream is not { } open || (string?)open.Output["name"] != name)
        {
            CloseStream();
            var output = new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = "" };
            outputs.Add(output);
            open = (output, new System.Text.StringBuilder());
            openStream = open;
        }
        open.Text.Append(text);
    }

    private void CloseStream()
    {
        if (openStream is not { } open) return;
        open.Output["text"] = Notebook.SplitLines(open.Text.ToString());
        openStream = null;
    }

    public void Display(DisplayData data, string? displayId = null, bool update = false)
    {
        if (update && displayId is not null && displays.TryGetValue(displayId, out var shown))
        {
            shown["data"] = Data(data);
            return;
        }
        CloseStream();
        var output = new JsonObject { ["data"] = Data(data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
        if (displayId is not null) displays[displayId] = output;
        outputs.Add(output);
    }

    /// <summary>Adds the cell's value or error, as the engine reported it.</summary>
    public void Complete(CellResult result)
    {
        CloseStream();
        if (result.Value is { } value)
            outputs.Add(new JsonObject
            {
                ["data"] = Data(value),
                ["execution_count"] = result.ExecutionCount,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            });
        if (result.Error is { } error)
            outputs.Add(new JsonObject
            {
                ["ename"] = error.Name,
                ["evalue"] = error.Message,
                ["output_type"] = "error",
                ["traceback"] = new JsonArray(error.Traceback.Select(l => (JsonNode)l).ToArray()),
            });
    }

    private static JsonObject Data(DisplayData data) =>
        new(data.Data.Select(d => KeyValuePair.Create(d.Key, (JsonNode?)Notebook.SplitLines(d.Value))));
}
