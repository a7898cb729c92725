using System.Diagnostics;
using Analysis.Notebooks.Ipynb;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>The runner as a user starts it: exit codes and what it prints.</summary>
public sealed class RunnerCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("runner-command").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    /// <summary>The runner built beside this test assembly's configuration (Debug or Release).</summary>
    internal static string RunnerDll()
    {
        var configuration = new DirectoryInfo(Path.TrimEndingDirectorySeparator(AppContext.BaseDirectory)).Parent!.Name;
        return Path.Combine(SeedsRunFixture.Root, "src", "Analysis.Runner", "bin", configuration, "net10.0", "Analysis.Runner.dll");
    }

    private Task<(int ExitCode, string Stdout, string Stderr)> Runner(params string[] args) => RunRunner(folder, args);

    /// <summary>Runs the built runner in <paramref name="workingDirectory"/> and returns its exit code and output.</summary>
    internal static async Task<(int ExitCode, string Stdout, string Stderr)> RunRunner(string workingDirectory, params string[] args)
    {
        var start = new ProcessStartInfo("dotnet", [RunnerDll(), .. args])
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        return (process.ExitCode, await stdout, await stderr);
    }

    private string WriteNotebook(string name, params string[] cells)
    {
        var path = Path.Combine(folder, name);
        new Notebook { Cells = cells.Select(c => new NotebookCell { Source = c }).ToList() }.Save(path);
        return path;
    }

    [Fact]
    public async Task FailingCellGivesExitCodeOneNamingNotebookCellAndError()
    {
        var notebook = WriteNotebook("failing.ipynb", "var ok = 1;", "var x = 2;\nthrow new InvalidOperationException(\"broken on purpose\");");
        var (exit, stdout, stderr) = await Runner(notebook, "--out", Path.Combine(folder, "out"));
        Assert.Equal(1, exit);
        // Cell 1 is the injected parameters cell (--out), placed first as the notebook has no parameters cell.
        Assert.Contains("FAILED failing, cell 3, line 2: InvalidOperationException: broken on purpose", stderr);
        Assert.Contains("failing cell 2/3 ok", stdout);
        Assert.Matches(@"Ran 1 notebook\(s\), 3 code cells, in \d+\.\d s", stdout);
        // The notebooks ran in a child process: its peak memory is what a benchmark wants (Linux reports it).
        if (OperatingSystem.IsLinux()) Assert.Matches(@"Peak RSS: [1-9]\d* MB in the notebook process, [1-9]\d* MB in the runner; wall time \d+\.\d s", stdout);
        Assert.True(File.Exists(Path.Combine(folder, "out", "report", "index.html")));
    }

    /// <summary>A cell that announces itself with a file and waits (up to <paramref name="seconds"/>) for the other notebook's file.</summary>
    private static string Meet(string mine, string theirs, int seconds) => $$"""
        System.IO.File.WriteAllText("{{mine}}", "");
        var clock = System.Diagnostics.Stopwatch.StartNew();
        while (!System.IO.File.Exists("{{theirs}}") && clock.Elapsed < TimeSpan.FromSeconds({{seconds}})) await Task.Delay(20);
        Console.WriteLine(System.IO.File.Exists("{{theirs}}") ? "met" : "alone");
        """;

    [Theory]
    [InlineData("2", "met", "met")]
    [InlineData("1", "alone", "met")]
    public async Task JobsSetHowManyNotebooksRunAtTheSameTime(string jobs, string first, string second)
    {
        WriteNotebook("a.ipynb", Meet("a.flag", "b.flag", 8));
        WriteNotebook("b.ipynb", Meet("b.flag", "a.flag", 8));
        var (exit, stdout, stderr) = await Runner("a.ipynb", "b.ipynb", "--out", Path.Combine(folder, "out"), "--jobs", jobs);
        Assert.True(exit == 0, $"exit {exit}\n{stdout}\n{stderr}");
        string Said(string name) => string.Concat(Notebook.Load(Path.Combine(folder, "out", "notebooks", name)).Cells.Where(c => c.IsCode).Last()
            .Outputs.Where(o => (string?)o["output_type"] == "stream").Select(o => Notebook.JoinText(o["text"]))).Trim();
        Assert.Equal(first, Said("a.ipynb"));
        Assert.Equal(second, Said("b.ipynb"));
    }

    [Theory]
    [InlineData("0")]
    [InlineData("two")]
    public async Task BadJobsGivesExitCodeTwo(string value)
    {
        var (exit, _, stderr) = await Runner("--jobs", value);
        Assert.Equal(2, exit);
        Assert.Contains("--jobs expects a whole number of notebooks, 1 or more", stderr);
    }

    [Fact]
    public async Task MalformedNotebookGivesExitCodeTwoNamingTheFile()
    {
        var bad = Path.Combine(folder, "bad.ipynb");
        File.WriteAllText(bad, "{ not json");
        var (exit, _, stderr) = await Runner(bad, "--out", Path.Combine(folder, "out"));
        Assert.Equal(2, exit);
        Assert.Contains($"error: {bad}: not a valid notebook", stderr);
    }

    [Fact]
    public async Task UnknownOptionGivesUsage()
    {
        var (exit, stdout, stderr) = await Runner("--frobnicate");
        Assert.True(exit == 2, stdout + stderr);
        Assert.Contains("unknown option '--frobnicate'", stderr);
        Assert.Contains("usage:", stderr);
    }
}
