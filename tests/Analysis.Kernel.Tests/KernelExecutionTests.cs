using System.Text.Json.Nodes;

namespace Analysis.Kernel.Tests;

/// <summary>Cells executed through the kernel by Debian's jupyter_client, with the messages a front end sees.</summary>
public sealed class KernelExecutionTests(JupyterClients clients) : IClassFixture<JupyterClients>
{
    private static readonly double Grace = new Analysis.Notebooks.Engine.SessionOptions().InterruptGracePeriod.TotalSeconds;

    private static JsonObject Execute(string code, double? interruptAfter = null, string interruptOn = "control")
    {
        var step = new JsonObject { ["execute"] = code, ["timeout"] = 60 };
        if (interruptAfter is { } seconds) (step["interrupt_after"], step["interrupt_on"]) = (seconds, interruptOn);
        return step;
    }

    private static string Status(JsonObject step) => step["reply"]!["status"]!.GetValue<string>();

    private static string Ename(JsonObject step) => step["reply"]!["ename"]!.GetValue<string>();

    private static IEnumerable<JsonObject> Outputs(JsonObject step, string type) =>
        step["outputs"]!.AsArray().Select(o => o!.AsObject()).Where(o => o["msg_type"]!.GetValue<string>() == type).Select(o => o["content"]!.AsObject());

    private static string? Result(JsonObject step) => Outputs(step, "execute_result").SingleOrDefault()?["data"]!["text/plain"]!.GetValue<string>();

    private static string Traceback(JsonObject step) => string.Join("\n", step["reply"]!["traceback"]!.AsArray().Select(l => l!.GetValue<string>()));

    [Fact]
    public void OutputsArriveAsJupyterMessages()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var x = 41;\nx + 1"),
            Execute("Console.WriteLine(\"hello\");\nvar shown = display(\"first\");\nshown.Update(\"second\");"),
            Execute("await Task.Delay(10);\n\"awaited\""));
        Assert.Equal("ok", Status(run[0]));
        Assert.Equal(1, run[0]["reply"]!["execution_count"]!.GetValue<int>());
        Assert.Equal("42", Result(run[0]));
        Assert.Equal("var x = 41;\nx + 1", Outputs(run[0], "execute_input").Single()["code"]!.GetValue<string>());

        Assert.Equal(2, run[1]["reply"]!["execution_count"]!.GetValue<int>());
        Assert.Equal("hello\n", Outputs(run[1], "stream").Single()["text"]!.GetValue<string>());
        var shown = Outputs(run[1], "display_data").Single();
        var updated = Outputs(run[1], "update_display_data").Single();
        Assert.Equal("first", shown["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("second", updated["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal(shown["transient"]!["display_id"]!.GetValue<string>(), updated["transient"]!["display_id"]!.GetValue<string>());
        Assert.Null(Result(run[1]));

        Assert.Equal("awaited", Result(run[2]));
    }

    [Fact]
    public void CompileErrorAndRuntimeExceptionNameTheCellLine()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var fine = 1;\nundefinedName + 1"),
            Execute("var a = 1;\nvar b = 2;\nthrow new InvalidOperationException(\"boom\");"));
        Assert.Equal("error", Status(run[0]));
        Assert.Equal("CompilationError", Ename(run[0]));
        Assert.Matches(@"\(2,1\): error CS0103", Traceback(run[0]));
        Assert.Equal("error", Status(run[1]));
        Assert.Equal("InvalidOperationException", Ename(run[1]));
        Assert.Equal("boom", run[1]["reply"]!["evalue"]!.GetValue<string>());
        Assert.Matches(@"cell2\.csx:line 3", Traceback(run[1]));
        // The error is also published for the notebook's output.
        Assert.Equal("InvalidOperationException", Outputs(run[1], "error").Single()["ename"]!.GetValue<string>());
    }

    [Fact]
    public void CellsQueuedBehindAFailedCellAreAborted()
    {
        JupyterClients.SkipUnlessInstalled();
        var marker = Path.Combine(clients.Prefix, "queued-ran");
        var run = clients.Drive(
            Execute("var ready = true;"),
            new JsonObject { ["execute_queued"] = new JsonArray("throw new Exception(\"first\");", $"System.IO.File.WriteAllText(@\"{marker}\", \"x\");", "2") },
            Execute("ready"));
        var statuses = run[1]["replies"]!.AsArray().Select(r => r!["status"]!.GetValue<string>()).ToList();
        Assert.Equal(["error", "aborted", "aborted"], statuses);
        Assert.False(File.Exists(marker), "a cell queued behind the failed one ran");
        Assert.Equal("True", Result(run[2])); // the kernel goes on with the next request
    }

    [Fact]
    public void RerunCellSeesTheStateItChanged()
    {
        JupyterClients.SkipUnlessInstalled();
        const string increment = "counter += 1;\ncounter";
        var run = clients.Drive(Execute("var counter = 0;"), Execute(increment), Execute(increment), Execute(increment));
        Assert.Equal(["1", "2", "3"], new[] { Result(run[1]), Result(run[2]), Result(run[3]) });
        Assert.Equal(4, run[3]["reply"]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void InterruptStopsALongCellAndTheNextCellRuns()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var before = 7;"),
            Execute("while (true) await Task.Delay(100, CancellationToken);", interruptAfter: 2),
            Execute("before * 6"));
        Assert.Equal("error", Status(run[1]));
        Assert.Contains("Cancel", Ename(run[1]));
        Assert.True(run[1]["seconds"]!.GetValue<double>() < 2 + Grace, "the interrupted cell did not stop in time");
        Assert.Equal("42", Result(run[2]));
    }

    [Fact]
    public void InterruptOnTheShellChannelStopsTheCellAsVsCodeSendsIt()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var before = 7;"),
            Execute("while (true) await Task.Delay(100, CancellationToken);", interruptAfter: 2, interruptOn: "shell"),
            Execute("before * 6"));
        Assert.Equal("ok", run[1]["interrupt_reply"]!["status"]!.GetValue<string>());
        Assert.Equal("error", Status(run[1]));
        Assert.Contains("Cancel", Ename(run[1]));
        Assert.True(run[1]["seconds"]!.GetValue<double>() < 2 + Grace, "the interrupted cell did not stop in time");
        Assert.Equal("42", Result(run[2]));
    }

    [Fact]
    public void HungCellIsAbandonedAndRestartEndsIt()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var kept = 6;"), // compiled and running, not still compiling, when the interrupt comes
            Execute("System.Threading.Thread.Sleep(120_000);", interruptAfter: 1),
            Execute("kept * 7"),
            new JsonObject { ["restart"] = true },
            Execute("1 + 1"));
        Assert.Equal("CellAbandoned", Ename(run[1]));
        Assert.Contains("abandoned", run[1]["reply"]!["evalue"]!.GetValue<string>());
        Assert.True(run[1]["seconds"]!.GetValue<double>() < 1 + Grace + 3, "the client waited too long");
        Assert.Equal("42", Result(run[2])); // the session goes on from the state before the abandoned cell
        Assert.False(run[3]["old_alive"]!.GetValue<bool>(), "the kernel with the hung cell survived the restart");
        Assert.Equal("2", Result(run[4]));
    }

    [Fact]
    public void RestartClearsState()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(Execute("var kept = 5;\nkept"), new JsonObject { ["restart"] = true }, Execute("kept"));
        Assert.Equal("5", Result(run[0]));
        Assert.NotEqual(run[1]["old_pid"]!.GetValue<int>(), run[1]["new_pid"]!.GetValue<int>());
        Assert.Equal("CompilationError", Ename(run[2]));
        Assert.Contains("'kept' does not exist", Traceback(run[2]));
        Assert.Equal(1, run[2]["reply"]!["execution_count"]!.GetValue<int>());
    }

    [Fact]
    public void MessageWithWrongSignatureIsNotExecuted()
    {
        JupyterClients.SkipUnlessInstalled();
        var marker = Path.Combine(clients.Prefix, "forged-ran");
        var write = $"System.IO.File.WriteAllText(@\"{marker}\", \"x\");";
        var run = clients.Drive(new JsonObject { ["forged_execute"] = write }, Execute("\"still serving\""), new JsonObject { ["stderr"] = true });
        Assert.Null(run[0]["reply"]);
        Assert.False(File.Exists(marker), "the forged cell ran");
        Assert.Equal("still serving", Result(run[1]));
        Assert.Contains("dropped a message on shell: invalid signature", run[2]["text"]!.GetValue<string>());
    }

    [Fact]
    public void CompletionOffersNamesInScopeAndMembers()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var articleCount = 3;\nrecord Outlet(string Name, int Rank);"),
            new JsonObject { ["complete"] = "article", ["cursor_pos"] = 7 },
            new JsonObject { ["complete"] = "new Outlet(\"a\", 1).Ra", ["cursor_pos"] = 21 },
            new JsonObject { ["complete"] = "\"é\".Len", ["cursor_pos"] = 7 },
            new JsonObject { ["complete"] = "new[] { 1 }.Whe", ["cursor_pos"] = 15 },
            new JsonObject { ["inspect"] = "articleCount", ["cursor_pos"] = 5 },
            new JsonObject { ["is_complete"] = "if (articleCount > 1) {" },
            new JsonObject { ["is_complete"] = "articleCount" });
        Assert.Contains("articleCount", Matches(run[1]));
        Assert.Equal(0, run[1]["reply"]!["cursor_start"]!.GetValue<int>());
        Assert.Equal(["Rank"], Matches(run[2]));
        Assert.Equal(19, run[2]["reply"]!["cursor_start"]!.GetValue<int>());
        Assert.Equal(["Length"], Matches(run[3]));
        Assert.Equal(4, run[3]["reply"]!["cursor_start"]!.GetValue<int>()); // code points, not UTF-16 units
        Assert.Contains("Where", Matches(run[4]));
        Assert.Contains("int", run[5]["reply"]!["data"]!["text/plain"]!.GetValue<string>());
        Assert.Equal("incomplete", run[6]["reply"]!["status"]!.GetValue<string>());
        Assert.Equal("complete", run[7]["reply"]!["status"]!.GetValue<string>());
    }

    [Fact]
    public void CompletionItemsCarryTheirTypesAndInspectGivesTheSummary()
    {
        JupyterClients.SkipUnlessInstalled();
        var run = clients.Drive(
            Execute("var articleCount = 3;\nint Twice(int n) => 2 * n;\nrecord Outlet(string Name, int Rank);\nenum Tone { Calm }"),
            new JsonObject { ["complete"] = "x(art", ["cursor_pos"] = 5 },
            new JsonObject { ["complete"] = "Twi", ["cursor_pos"] = 3 },
            new JsonObject { ["complete"] = "Outl", ["cursor_pos"] = 4 },
            new JsonObject { ["complete"] = "\"é\".Len", ["cursor_pos"] = 7 },
            new JsonObject { ["complete"] = "Console.WriteL", ["cursor_pos"] = 14 },
            new JsonObject { ["complete"] = "System.Collections.Gen", ["cursor_pos"] = 22 },
            new JsonObject { ["complete"] = "Tone.Ca", ["cursor_pos"] = 7 },
            new JsonObject { ["inspect"] = "\"x\".Trim()", ["cursor_pos"] = 6 },
            new JsonObject { ["inspect"] = "articleCount", ["cursor_pos"] = 3 });
        Assert.Equal(new JsonObject { ["text"] = "articleCount", ["type"] = "variable", ["start"] = 2, ["end"] = 5 }.ToJsonString(), Typed(run[1], "articleCount").ToJsonString());
        Assert.Equal("function", Typed(run[2], "Twice")["type"]!.GetValue<string>());
        Assert.Equal("class", Typed(run[3], "Outlet")["type"]!.GetValue<string>());
        Assert.Equal("property", Typed(run[4], "Length")["type"]!.GetValue<string>());
        Assert.Equal(4, Typed(run[4], "Length")["start"]!.GetValue<int>()); // code points, like cursor_start
        Assert.Equal("method", Typed(run[5], "WriteLine")["type"]!.GetValue<string>());
        Assert.Equal("module", Typed(run[6], "Generic")["type"]!.GetValue<string>());
        Assert.Equal("enumMember", Typed(run[7], "Calm")["type"]!.GetValue<string>());
        // The framework's XML docs, from the SDK's reference pack: what VS Code shows beside a completion item.
        Assert.Contains("leading and trailing white-space", Plain(run[8]));
        Assert.Contains("32-bit signed integer", Plain(run[9])); // a variable shows its type's summary
    }

    private static JsonObject Typed(JsonObject step, string text) =>
        step["reply"]!["metadata"]!["_jupyter_types_experimental"]!.AsArray().Select(i => i!.AsObject())
            .Single(i => i["text"]!.GetValue<string>() == text);

    private static string Plain(JsonObject step) => step["reply"]!["data"]!["text/plain"]!.GetValue<string>();

    [Fact]
    public void HundredThousandPrintedLinesAllArriveWithTheResultAndIdle()
    {
        JupyterClients.SkipUnlessInstalled();
        const int lines = 100_000;
        var run = clients.Drive(Execute($"for (var i = 0; i < {lines}; i++) Console.WriteLine(i);\n\"printed\""));
        var text = string.Concat(Outputs(run[0], "stream").Select(o => o["text"]!.GetValue<string>()));
        var printed = text.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(lines, printed.Length);
        Assert.Equal("99999", printed[^1]);
        Assert.Equal("ok", Status(run[0]));
        Assert.Equal("printed", Result(run[0]));
        Assert.True(run[0]["idle"]!.GetValue<bool>(), "no idle status after the cell");
        // Coalesced as ipykernel does: a few messages, not one per line.
        Assert.InRange(Outputs(run[0], "stream").Count(), 1, lines / 100);
    }

    private static List<string> Matches(JsonObject step) => step["reply"]!["matches"]!.AsArray().Select(m => m!.GetValue<string>()).ToList();
}
