using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using Analysis.Notebooks.Engine;

namespace Analysis.Kernel;

/// <summary>
/// The requests answered by the notebook engine: execute, is_complete, complete, inspect, and interrupt of the
/// running cell. An interrupt cancels the cell's token; the engine gives the cell its grace period to stop and then
/// abandons it (the cell fails with <c>CellAbandoned</c>), so the client always gets its reply. A cell abandoned
/// that way may still run in the background: a kernel restart ends it.
/// </summary>
public sealed class CellRequests(KernelServer server, NotebookSession session)
{
    private readonly Lock gate = new();
    private CancellationTokenSource? running;

    /// <summary>Registers the handlers; interrupt_request arrives on the control socket while execute blocks the shell.</summary>
    public void Register()
    {
        server.On("execute_request", Execute);
        server.On("is_complete_request", r => IsComplete(Text(r, "code")));
        server.On("complete_request", r => Complete(Text(r, "code"), r.Content["cursor_pos"]?.GetValue<int>()));
        server.On("inspect_request", r => Inspect(Text(r, "code"), r.Content["cursor_pos"]?.GetValue<int>()));
        server.On("interrupt_request", _ => Interrupt());
    }

    private static string Text(Message request, string field) => request.Content[field]?.GetValue<string>() ?? "";

    private JsonObject Execute(Message request)
    {
        var code = Text(request, "code");
        var silent = request.Content["silent"]?.GetValue<bool>() ?? false;
        if (!silent) server.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = session.ExecutionCount + 1 });
        using var cancellation = new CancellationTokenSource();
        lock (gate) running = cancellation;
        CellResult result;
        try
        {
            // A shutdown interrupts the running cell too, so the kernel can exit.
            using var stopping = server.Stopping.Register(cancellation.Cancel);
            result = session.ExecuteAsync(code, new IopubOutput(server, request), cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            return Fail(request, session.ExecutionCount, "Cancelled", e.Message, []);
        }
        finally
        {
            lock (gate) running = null;
        }

        if (result.Error is { } error)
            return Fail(request, result.ExecutionCount, error.Name, error.Message, error.Traceback);
        if (result.Value is { } value && !silent)
            server.Publish(request, "execute_result", new JsonObject
            {
                ["execution_count"] = result.ExecutionCount,
                ["data"] = MimeBundle(value),
                ["metadata"] = new JsonObject(),
            });
        return new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = result.ExecutionCount,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        };
    }

    /// <summary>Publishes the error output and returns the matching error reply.</summary>
    private JsonObject Fail(Message request, int executionCount, string name, string message, IReadOnlyList<string> traceback)
    {
        var lines = traceback.Count > 0 ? traceback : [$"{name}: {message}"];
        server.Publish(request, "error", new JsonObject
        {
            ["ename"] = name,
            ["evalue"] = message,
            ["traceback"] = new JsonArray(lines.Select(l => (JsonNode?)l).ToArray()),
        });
        return new JsonObject
        {
            ["status"] = "error",
            ["execution_count"] = executionCount,
            ["ename"] = name,
            ["evalue"] = message,
            ["traceback"] = new JsonArray(lines.Select(l => (JsonNode?)l).ToArray()),
        };
    }

    private JsonObject Interrupt()
    {
        lock (gate) running?.Cancel();
        return new JsonObject { ["status"] = "ok" };
    }

    private JsonObject IsComplete(string code)
    {
        var result = session.IsComplete(code);
        var reply = new JsonObject { ["status"] = result.Status };
        if (result.Status == "incomplete") reply["indent"] = result.Indent;
        return reply;
    }

    private JsonObject Complete(string code, int? cursorPos)
    {
        var cursor = CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code));
        var result = session.Complete(code, cursor);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16(code, result.CursorStart),
            ["cursor_end"] = CodePoints.FromUtf16(code, result.CursorEnd),
            ["metadata"] = new JsonObject(),
        };
    }

    private JsonObject Inspect(string code, int? cursorPos)
    {
        var text = session.Inspect(code, CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code)));
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    private static JsonObject MimeBundle(DisplayData data) => new(data.Data.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    /// <summary>A cell's console text and displayed values, published on iopub as they come, with the execute request as parent.</summary>
    private sealed class IopubOutput(KernelServer server, Message request) : ICellOutput
    {
        public void Stream(string name, string text) =>
            server.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text });

        public void Display(DisplayData data, string? displayId = null, bool update = false) =>
            server.Publish(request, update ? "update_display_data" : "display_data", new JsonObject
            {
                ["data"] = MimeBundle(data),
                ["metadata"] = new JsonObject(),
                ["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
            });
    }

    /// <summary>Cursor positions on the wire count Unicode code points (protocol 5.2+); .NET strings count UTF-16 units.</summary>
    private static class CodePoints
    {
        public static int Count(string text) => text.EnumerateRunes().Count();

        public static int ToUtf16(string text, int codePoints)
        {
            var index = 0;
            foreach (var rune in text.EnumerateRunes())
            {
                if (codePoints-- <= 0) break;
                index += rune.Utf16SequenceLength;
            }
            return index;
        }

        public static int FromUtf16(string text, int index) => text[..Math.Clamp(index, 0, text.Length)].EnumerateRunes().Count();
    }
}
