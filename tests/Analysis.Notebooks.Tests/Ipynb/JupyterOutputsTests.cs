using Analysis.Notebooks.Engine;
using Analysis.Notebooks.Ipynb;

namespace Analysis.Notebooks.Tests.Ipynb;

public sealed class JupyterOutputsTests
{
    private static DisplayData Text(string text) => DisplayData.PlainText(text);

    [Fact]
    public void ConsecutiveTextOfOneStreamIsOneOutput()
    {
        var outputs = new JupyterOutputs();
        for (var i = 0; i < 3; i++) outputs.Stream("stdout", $"line {i}\n");
        outputs.Stream("stderr", "warning\n");
        outputs.Stream("stdout", "after");
        Assert.Equal(["stdout", "stderr", "stdout"], outputs.Outputs.Select(o => (string?)o["name"]));
        Assert.Equal("line 0\nline 1\nline 2\n", Notebook.JoinText(outputs.Outputs[0]["text"]));
        Assert.Equal(3, outputs.Outputs[0]["text"]!.AsArray().Count);
    }

    [Fact]
    public void DisplaysKeepTheirPlaceBetweenStreamsAndUpdatesReplaceThem()
    {
        var outputs = new JupyterOutputs();
        outputs.Stream("stdout", "before\n");
        outputs.Display(Text("first"), "d1");
        outputs.Stream("stdout", "after\n");
        outputs.Display(Text("second"), "d1", update: true);
        Assert.Equal(["stream", "display_data", "stream"], outputs.Outputs.Select(o => (string?)o["output_type"]));
        Assert.Equal("second", Notebook.JoinText(outputs.Outputs[1]["data"]!["text/plain"]));
    }

    [Fact]
    public void CompleteAddsTheValueAndTheError()
    {
        var outputs = new JupyterOutputs();
        outputs.Complete(new CellResult(true, 4, Text("42"), null, TimeSpan.Zero));
        outputs.Complete(new CellResult(false, 5, null, new CellError("CompilationError", "bad", ["cell5.csx(1,1): bad"], 1), TimeSpan.Zero));
        Assert.Equal(4, (int?)outputs.Outputs[0]["execution_count"]);
        Assert.Equal("execute_result", (string?)outputs.Outputs[0]["output_type"]);
        Assert.Equal("error", (string?)outputs.Outputs[1]["output_type"]);
        Assert.Equal("CompilationError", (string?)outputs.Outputs[1]["ename"]);
        Assert.Equal("bad", (string?)outputs.Outputs[1]["evalue"]);
    }
}
