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

    public List<JsonObject> Outputs { get; } = [];

    public void Stream(string name, string text)
    {
        if (Outputs.Count > 0 && Outputs[^1] is { } last && (string?)last["output_type"] == "stream" && (string?)last["name"] == name)
        {
            last["text"] = Notebook.SplitLines(Notebook.JoinText(last["text"]) + text);
            return;
        }
        Outputs.Add(new JsonObject { ["name"] = name, ["output_type"] = "stream", ["text"] = Notebook.SplitLines(text) });
    }

    public void Display(DisplayData data, string? displayId = null, bool update = false)
    {
        if (update && displayId is not null && displays.TryGetValue(displayId, out var shown))
        {
            shown["data"] = Data(data);
            return;
        }
        var output = new JsonObject { ["data"] = Data(data), ["metadata"] = new JsonObject(), ["output_type"] = "display_data" };
        if (displayId is not null) displays[displayId] = output;
        Outputs.Add(output);
    }

    /// <summary>Adds the cell's value or error, as the engine reported it.</summary>
    public void Complete(CellResult result)
    {
        if (result.Value is { } value)
            Outputs.Add(new JsonObject
            {
                ["data"] = Data(value),
                ["execution_count"] = result.ExecutionCount,
                ["metadata"] = new JsonObject(),
                ["output_type"] = "execute_result",
            });
        if (result.Error is { } error)
            Outputs.Add(new JsonObject
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
