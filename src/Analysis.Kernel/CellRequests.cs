using System.Text.Json.Nodes;
using Analysis.Kernel.Protocol;
using Analysis.Notebooks.Engine;

namespace Analysis.Kernel;

/// <summary>
/// The requests answered by the notebook engine: execute, is_complete, complete, inspect, and interrupt of the
/// running cell. An interrupt cancels the cell's token; the engine gives the cell its grace period to stop and then
/// abandons it (the cell fails with <c>CellAbandoned</c>), so the client always gets its reply. A cell abandoned
/// that way may still run in the background: a kernel restart ends it. A request field of the wrong JSON type
/// (say a numeric <c>code</c>) is answered with an error reply.
/// </summary>
public sealed class CellRequests(KernelServer server, Task<NotebookSession> starting)
{
    /// <summary>Answers with a session that is ready.</summary>
    public CellRequests(KernelServer server, NotebookSession session) : this(server, Task.FromResult(session)) { }

    /// <summary>The session, once created (the kernel creates it while the client connects).</summary>
    private NotebookSession Session => starting.GetAwaiter().GetResult();

    private readonly Lock gate = new();
    private CancellationTokenSource? running;

    /// <summary>
    /// Registers the handlers. interrupt_request may come on control (the spec, JupyterLab) or on shell (VS Code):
    /// the server reads shell while a cell runs, for that.
    /// </summary>
    public void Register()
    {
        server.On("execute_request", Execute);
        server.On("is_complete_request", r => IsComplete(Text(r, "code")));
        server.On("complete_request", r => Complete(Text(r, "code"), CursorPos(r)));
        server.On("inspect_request", r => Inspect(Text(r, "code"), CursorPos(r)));
        server.On("interrupt_request", _ => Interrupt());
    }

    /// <summary>A string field of the request's content: "" when absent, an error reply when of another type.</summary>
    private static string Text(Message request, string field) => request.Content[field] is null ? ""
        : Message.String(request.Content, field) ?? throw new InvalidDataException($"'{field}' must be a string");

    private static bool Flag(Message request, string field) => request.Content[field] is null ? false
        : Message.Bool(request.Content, field) ?? throw new InvalidDataException($"'{field}' must be true or false");

    private static int? CursorPos(Message request) => request.Content["cursor_pos"] is null ? null
        : Message.Int(request.Content, "cursor_pos") is >= 0 and var n ? n : throw new InvalidDataException("'cursor_pos' must be a non-negative integer");

    private JsonObject Execute(Message request)
    {
        var code = Text(request, "code");
        var silent = Flag(request, "silent");
        if (!silent) server.Publish(request, "execute_input", new JsonObject { ["code"] = code, ["execution_count"] = Session.ExecutionCount + 1 });
        using var cancellation = new CancellationTokenSource();
        lock (gate) running = cancellation;
        CellResult result;
        using var output = new IopubOutput(server, request);
        try
        {
            // A shutdown interrupts the running cell too, so the kernel can exit.
            using var stopping = server.Stopping.Register(cancellation.Cancel);
            var run = Session.ExecuteAsync(code, output, cancellation.Token);
            server.Wait(run); // serves interrupt requests that come on shell meanwhile
            result = run.GetAwaiter().GetResult();
        }
        catch (OperationCanceledException e)
        {
            return Fail(request, Session.ExecutionCount, "Cancelled", e.Message, []);
        }
        finally
        {
            lock (gate) running = null;
            output.Flush(); // console text comes before the result or error
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
        var result = Session.IsComplete(code);
        var reply = new JsonObject { ["status"] = result.Status };
        if (result.Status == "incomplete") reply["indent"] = result.Indent;
        return reply;
    }

    private JsonObject Complete(string code, int? cursorPos)
    {
        var cursor = CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code));
        var result = Session.Complete(code, cursor);
        var start = CodePoints.FromUtf16(code, result.CursorStart);
        var end = CodePoints.FromUtf16(code, result.CursorEnd);
        return new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = start,
            ["cursor_end"] = end,
            // What ipykernel sends and VS Code's Jupyter extension reads for item icons.
            ["metadata"] = new JsonObject
            {
                ["_jupyter_types_experimental"] = new JsonArray(result.Matches.Zip(result.Kinds, (text, kind) => (JsonNode?)new JsonObject
                {
                    ["text"] = text, ["type"] = kind, ["start"] = start, ["end"] = end,
                }).ToArray()),
            },
        };
    }

    private JsonObject Inspect(string code, int? cursorPos)
    {
        var text = Session.Inspect(code, CodePoints.ToUtf16(code, cursorPos ?? CodePoints.Count(code)));
        return new JsonObject
        {
            ["status"] = "ok",
            ["found"] = text is not null,
            ["data"] = text is null ? new JsonObject() : new JsonObject { ["text/plain"] = text },
            ["metadata"] = new JsonObject(),
        };
    }

    private static JsonObject MimeBundle(DisplayData data) => new(data.Data.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value)));

    /// <summary>
    /// A cell's console text (coalesced into chunks) and displayed values, published on iopub with the execute request
    /// as parent. Displays flush the text before them, so the notebook keeps the order the cell wrote in.
    /// </summary>
    private sealed class IopubOutput(KernelServer server, Message request) : ICellOutput, IDisposable
    {
        private readonly StreamCoalescer streams = new((name, text) =>
            server.Publish(request, "stream", new JsonObject { ["name"] = name, ["text"] = text }));

        public void Stream(string name, string text) => streams.Write(name, text);

        public void Display(DisplayData data, string? displayId = null, bool update = false)
        {
            streams.Flush();
            server.Publish(request, update ? "update_display_data" : "display_data", new JsonObject
            {
                ["data"] = MimeBundle(data),
                ["metadata"] = new JsonObject(),
                ["transient"] = displayId is null ? new JsonObject() : new JsonObject { ["display_id"] = displayId },
            });
        }

        public void Flush() => streams.Flush();

        public void Dispose() => streams.Dispose();
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
