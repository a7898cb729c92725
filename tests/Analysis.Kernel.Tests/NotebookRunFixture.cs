using System.Text.Json.Nodes;
using Analysis.Notebooks.Running;

namespace Analysis.Kernel.Tests;

/// <summary>
/// Every notebook in notebooks/ executed on seeds/ by three front ends: nbclient through this package's kernel and
/// through the official .NET Interactive kernel when its tool is installed (parameters injected the papermill way by
/// the client script), and the headless runner, each writing its tables to its own temporary folder.
/// </summary>
public sealed class NotebookRunFixture : IAsyncLifetime
{
    private readonly JupyterClients clients = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("kernel-notebooks-").FullName;

    public string KernelOutput => Path.Combine(Folder, "kernel");

    public string RunnerOutput => Path.Combine(Folder, "runner");

    public string InteractiveOutput => Path.Combine(Folder, "dotnet-interactive");

    public static IReadOnlyList<string> Notebooks { get; } =
        Directory.GetFiles(Path.Combine(JupyterClients.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>Per notebook: the executed copy and nbclient's summary of it.</summary>
    public Dictionary<string, (string Executed, JsonObject Summary)> Runs { get; } = [];

    /// <summary>Per notebook: the copy executed by .NET Interactive and nbclient's summary of it (empty without the tool).</summary>
    public Dictionary<string, (string Executed, JsonObject Summary)> InteractiveRuns { get; } = [];

    public string ExecutedPath(string notebook) => Path.Combine(Folder, "executed", Path.GetFileName(notebook));

    /// <summary>The runner's executed copy of <paramref name="notebook"/>.</summary>
    public string RunnerExecutedPath(string notebook) => Path.Combine(RunnerOutput, "notebooks", Path.GetFileName(notebook));

    public async ValueTask InitializeAsync()
    {
        if (!JupyterClients.Installed) return;
        Directory.CreateDirectory(Path.Combine(Folder, "executed"));
        Execute(JupyterClients.KernelName, KernelOutput, ExecutedPath, Runs);
        if (DotNetInteractive.Installed)
        {
            DotNetInteractive.InstallKernelSpec(clients.Prefix);
            Directory.CreateDirectory(Path.Combine(InteractiveOutput, "executed"));
            Execute(DotNetInteractive.KernelName, InteractiveOutput, n => Path.Combine(InteractiveOutput, "executed", Path.GetFileName(n)), InteractiveRuns);
        }
        await NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = Notebooks,
            OutputDirectory = RunnerOutput,
            Parameters = new Dictionary<string, string> { ["corpus"] = "seeds", ["output"] = RunnerOutput },
        });
    }

    /// <summary>Runs every notebook with nbclient through <paramref name="kernel"/>, tables written under <paramref name="output"/>.</summary>
    private void Execute(string kernel, string output, Func<string, string> executedPath, Dictionary<string, (string, JsonObject)> runs)
    {
        var parameters = new JsonObject { ["corpus"] = "seeds", ["output"] = output }.ToJsonString();
        foreach (var notebook in Notebooks)
        {
            var run = clients.Run("run_notebook.py", [notebook, executedPath(notebook), kernel, Path.GetDirectoryName(notebook)!, parameters],
                timeout: TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, $"nbclient failed on {notebook} through {kernel} ({run.ExitCode}):\n{run.Stderr}");
            // The summary is the last line: a kernel may log to the standard output it shares with the client (.NET Interactive does).
            var summary = run.Stdout.Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries).LastOrDefault();
            Assert.True(summary?.StartsWith('{') == true, $"nbclient printed no summary for {notebook} through {kernel}:\n{run.Stdout}\n{run.Stderr}");
            runs[notebook] = (executedPath(notebook), JsonNode.Parse(summary)!.AsObject());
        }
    }

    public ValueTask DisposeAsync()
    {
        clients.Dispose();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
