using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Results;
using Analysis.Notebooks.Running;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>
/// Runs that do not end well (issue 16): a cell that never ends, a cell that ends its process, a signal, the run's
/// time limit. Each test starts the runner as a user does and checks what it wrote and how it exited.
/// </summary>
public sealed class RunnerStopTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("runner-stop").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private string Out => Path.Combine(folder, "out");

    private string WriteNotebook(string name, params string[] cells)
    {
        var path = Path.Combine(folder, name);
        new Notebook { Cells = cells.Select(c => new NotebookCell { Source = c }).ToList() }.Save(path);
        return path;
    }

    private static ProcessStartInfo Start(string folder, params string[] args) =>
        new("dotnet", [RunnerCommandTests.RunnerDll(), .. args])
        {
            WorkingDirectory = folder,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

    private async Task<(int ExitCode, string Stdout, string Stderr)> Run(params string[] args)
    {
        using var process = Process.Start(Start(folder, args))!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private Notebook Executed(string name) => Notebook.Load(Path.Combine(Out, "notebooks", name));

    private static List<NotebookCell> Code(Notebook notebook) => notebook.Cells.Where(c => c.IsCode).ToList();

    private static string? Status(NotebookCell cell) => (string?)cell.Metadata["papermill"]?["status"];

    private static string? ErrorName(NotebookCell cell) => (string?)cell.Outputs.SingleOrDefault(o => (string?)o["output_type"] == "error")?["ename"];

    private static string Text(NotebookCell cell) => string.Concat(cell.Outputs.Where(o => (string?)o["output_type"] == "stream").Select(o => Notebook.JoinText(o["text"])));

    [Fact]
    public async Task CellsThatEndTheirProcessOrNeverEndCostOnlyTheirOwnNotebook()
    {
        // Cell 1 of each notebook is the injected parameters cell (--out).
        WriteNotebook("a-overflow.ipynb", "Console.WriteLine(\"before the overflow\");", "int Down(int n) => Down(n + 1) + 1;\nDown(0)", "var never = 1;");
        WriteNotebook("b-failfast.ipynb", "Console.WriteLine(\"before failfast\");", "Environment.FailFast(\"on purpose\");");
        // Ignores the cancellation token: abandoned after the grace period, and its process replaced.
        WriteNotebook("c-stuck.ipynb", "Console.WriteLine(\"before the loop\");", "System.Threading.Thread.Sleep(System.Threading.Timeout.Infinite);", "var never = 1;");
        WriteNotebook("d-wait.ipynb", "await Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);");
        WriteNotebook("e-fine.ipynb", "Console.WriteLine(\"still runs\");");

        var (exit, stdout, stderr) = await Run("a-overflow.ipynb", "b-failfast.ipynb", "c-stuck.ipynb", "d-wait.ipynb", "e-fine.ipynb",
            "--out", Out, "--cell-timeout", "15");

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        // On failure, say what each cell ended as (a loaded machine shows here as a CellTimeout on a quick cell).
        string Statuses(string name) => $"{name}: " + string.Join(", ", Code(Executed(name)).Select(c => $"{Status(c)} {ErrorName(c)}")) + "\n" + stdout;
        var overflow = Code(Executed("a-overflow.ipynb"));
        Assert.True(Text(overflow[1]) == "before the overflow\n", Statuses("a-overflow.ipynb"));
        Assert.Equal([CellStatus.Completed, CellStatus.Completed, CellStatus.Failed, CellStatus.Skipped], overflow.Select(Status));
        Assert.Equal("ProcessCrashed", ErrorName(overflow[2]));

        var failFast = Code(Executed("b-failfast.ipynb"));
        Assert.True(Text(failFast[1]) == "before failfast\n", Statuses("b-failfast.ipynb"));
        Assert.Equal("ProcessCrashed", ErrorName(failFast[2]));

        var spin = Code(Executed("c-stuck.ipynb"));
        Assert.True(Text(spin[1]) == "before the loop\n", Statuses("c-stuck.ipynb"));
        Assert.Equal("CellTimeout", ErrorName(spin[2]));
        Assert.Equal(CellStatus.Skipped, Status(spin[3]));

        Assert.Equal("CellTimeout", ErrorName(Code(Executed("d-wait.ipynb"))[1]));
        Assert.Equal("still runs\n", Text(Code(Executed("e-fine.ipynb"))[1]));

        var report = File.ReadAllText(Path.Combine(Out, "report", "index.html"));
        foreach (var name in new[] { "a-overflow", "b-failfast", "c-stuck", "d-wait", "e-fine" }) Assert.Contains(name, report);
        Assert.Contains("ProcessCrashed", report);
    }

    [Theory]
    [InlineData("TERM", 143)]
    [InlineData("INT", 130)]
    public async Task SignalStopsTheRunningCellAndWritesWhatRan(string signal, int expectedExit)
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX signals");
        WriteNotebook("a-long.ipynb", "Console.WriteLine(\"first cell ran\");", "Console.WriteLine(\"waiting\");\nawait Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);", "var never = 1;");
        WriteNotebook("b-later.ipynb", "var never = 1;");
        // One after another: the notebook after the stopped one never starts.
        using var process = Process.Start(Start(folder, "a-long.ipynb", "b-later.ipynb", "--out", Out, "--jobs", "1"))!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = new System.Text.StringBuilder();
        // Cell 3 (the waiting one) has started once cell 2's progress line is out.
        while (await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            stdout.AppendLine(line);
            if (line.Contains("a-long cell 2/4")) break;
        }
        await Task.Delay(500, TestContext.Current.CancellationToken);
        using (var kill = Process.Start("kill", ["-" + signal, process.Id.ToString()])) await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        stdout.Append(await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == expectedExit, $"exit {process.ExitCode}\n{stdout}\n{await stderr}");
        var cells = Code(Executed("a-long.ipynb"));
        Assert.Equal("first cell ran\n", Text(cells[1]));
        Assert.Equal([CellStatus.Completed, CellStatus.Completed, CellStatus.Interrupted, CellStatus.Skipped], cells.Select(Status));
        Assert.Equal("Interrupted", ErrorName(cells[2]));
        Assert.All(Code(Executed("b-later.ipynb")), c => Assert.Equal(CellStatus.Skipped, Status(c)));
        Assert.True(File.Exists(Path.Combine(Out, "report", "index.html")));
        Assert.Contains("STOPPED: SIG" + signal, await stderr);
    }

    [Fact]
    public async Task ACrashWhileAnotherNotebookRunsIsChargedToTheNotebookThatCausesIt()
    {
        WriteNotebook("a-slow.ipynb", "await Task.Delay(4000);\nConsole.WriteLine(\"a done\");");
        WriteNotebook("b-failfast.ipynb", "await Task.Delay(500);\nEnvironment.FailFast(\"on purpose\");");
        var (exit, stdout, stderr) = await Run("a-slow.ipynb", "b-failfast.ipynb", "--out", Out, "--jobs", "2");

        Assert.True(exit == 1, $"exit {exit}\n{stdout}\n{stderr}");
        // Both ran when the process ended; run again one at a time, the slow notebook finishes and the other ends alone.
        Assert.Contains("The notebook process ended while a-slow, b-failfast ran; running them again one at a time.", stdout);
        var slow = Code(Executed("a-slow.ipynb"));
        Assert.Equal([CellStatus.Completed, CellStatus.Completed], slow.Select(Status));
        Assert.Equal("a done\n", Text(slow[1]));
        var failFast = Code(Executed("b-failfast.ipynb"));
        Assert.Equal([CellStatus.Completed, CellStatus.Failed], failFast.Select(Status));
        Assert.Equal("ProcessCrashed", ErrorName(failFast[1]));
    }

    [Fact]
    public async Task SignalStopsEveryNotebookRunningSideBySide()
    {
        Assert.SkipWhen(OperatingSystem.IsWindows(), "POSIX signals");
        const string Wait = "await Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);";
        WriteNotebook("a-wait.ipynb", Wait);
        WriteNotebook("b-wait.ipynb", Wait);
        WriteNotebook("c-later.ipynb", "var never = 1;");
        using var process = Process.Start(Start(folder, "a-wait.ipynb", "b-wait.ipynb", "c-later.ipynb", "--out", Out, "--jobs", "2"))!;
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stdout = new System.Text.StringBuilder();
        // Both waiting cells have started once both parameters cells' progress lines are out.
        int started = 0;
        while (started < 2 && await process.StandardOutput.ReadLineAsync(TestContext.Current.CancellationToken) is { } line)
        {
            stdout.AppendLine(line);
            if (line.Contains("-wait cell 1/2")) started++;
        }
        await Task.Delay(500, TestContext.Current.CancellationToken);
        using (var kill = Process.Start("kill", ["-INT", process.Id.ToString()])) await kill.WaitForExitAsync(TestContext.Current.CancellationToken);
        stdout.Append(await process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken));
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);

        Assert.True(process.ExitCode == 130, $"exit {process.ExitCode}\n{stdout}\n{await stderr}");
        foreach (var name in new[] { "a-wait.ipynb", "b-wait.ipynb" })
            Assert.Equal([CellStatus.Completed, CellStatus.Interrupted], Code(Executed(name)).Select(Status));
        Assert.Equal([CellStatus.Skipped, CellStatus.Skipped], Code(Executed("c-later.ipynb")).Select(Status));
    }

    [Fact]
    public async Task RunTimeoutStopsTheRunWithExitCode124()
    {
        WriteNotebook("slow.ipynb", "Console.WriteLine(\"ran\");", "await Task.Delay(System.Threading.Timeout.Infinite, CancellationToken);");
        // The run's time limit counts from the runner's start, Roslyn's first compilation included, which takes
        // over 20 s when the test projects share two cores: the limit leaves the first cell room to finish.
        var (exit, stdout, stderr) = await Run("slow.ipynb", "--out", Out, "--timeout", "45");
        Assert.True(exit == 124, $"exit {exit}\n{stdout}\n{stderr}");
        Assert.Contains("STOPPED: the run went over --timeout 45 s", stderr);
        var cells = Code(Executed("slow.ipynb"));
        Assert.Equal("ran\n", Text(cells[1]));
        Assert.Equal(CellStatus.Interrupted, Status(cells[2]));
    }

    [Theory]
    [InlineData("--cell-timeout", "soon")]
    [InlineData("--timeout", "-1")]
    [InlineData("--timeout", "NaN")]
    public async Task BadTimeoutGivesExitCodeTwo(string option, string value)
    {
        var (exit, _, stderr) = await Run(option, value);
        Assert.Equal(2, exit);
        Assert.Contains($"{option} expects a number of seconds", stderr);
    }
}
