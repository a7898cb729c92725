using System.Diagnostics;
using Analysis.Notebooks.Ipynb;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>
/// The runner built in Release, as `dotnet run -c Release --project src/Analysis.Runner` starts it: every notebook
/// green. Skips when no Release build is there (.ci/run makes one).
/// </summary>
public sealed class ReleaseRunnerTests : IDisposable
{
    private static readonly string Root = RepositoryPaths.Root(AppContext.BaseDirectory);

    private static readonly string RunnerDll = Path.Combine(Root, "src", "Analysis.Runner", "bin", "Release", "net10.0", "Analysis.Runner.dll");

    private readonly string folder = Directory.CreateTempSubdirectory("release-runner").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    [Fact]
    public async Task ReleaseRunnerWritesGreenNotebooksWithCharts()
    {
        Assert.SkipUnless(File.Exists(RunnerDll), $"no Release build of the runner ({RunnerDll}); build it with: dotnet build -c Release src/Analysis.Runner");
        // In the repository, as a user runs it (the test process's current directory may be another test's cell folder).
        var start = new ProcessStartInfo("dotnet", [RunnerDll, "--out", folder])
        {
            WorkingDirectory = SeedsRunFixture.Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"the Release runner failed ({process.ExitCode}):\n{await stderr}\n{await stdout}");

        var executed = Directory.GetFiles(Path.Combine(folder, "notebooks"), "*.ipynb");
        Assert.Equal(Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Length, executed.Length);
        var charts = 0;
        foreach (var path in executed)
        {
            var notebook = Notebook.Load(path);
            var errors = notebook.Cells.Where(c => c.IsCode).Select((cell, i) => (cell, i))
                .SelectMany(x => x.cell.Outputs.Where(o => (string?)o["output_type"] == "error")
                    .Select(o => $"{Path.GetFileName(path)} code cell {x.i + 1}: {o["ename"]}: {o["evalue"]}"))
                .ToList();
            Assert.True(errors.Count == 0, string.Join("\n", errors));
            charts += NotebookOutputs.AllOutputs(notebook).Select(NotebookOutputs.Html).OfType<string>().SelectMany(NotebookOutputs.ChartData).Count(data => data.Count > 0);
        }
        Assert.True(charts > 0, "the Release runner drew no chart with data");
    }
}
