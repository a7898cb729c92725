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
