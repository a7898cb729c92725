using System.Text.Json.Nodes;
using Analysis.Notebooks.Running;

namespace Analysis.Kernel.Tests;

/// <summary>
/// Every notebook in notebooks/ executed on seeds/ twice: by nbclient through the kernel (parameters injected the
/// papermill way by the client script) and by the headless runner, each writing its tables to its own temporary folder.
/// </summary>
public sealed class NotebookRunFixture : IAsyncLifetime
{
    private readonly JupyterClients clients = new();

    public string Folder { get; } = Directory.CreateTempSubdirectory("kernel-notebooks-").FullName;

    public string KernelOutput => Path.Combine(Folder, "kernel");

    public string RunnerOutput => Path.Combine(Folder, "runner");

    public static IReadOnlyList<string> Notebooks { get; } =
        Directory.GetFiles(Path.Combine(JupyterClients.Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList();

    /// <summary>Per notebook: the executed copy and nbclient's summary of it.</summary>
    public Dictionary<string, (string Executed, JsonObject Summary)> Runs { get; } = [];

    public string ExecutedPath(string notebook) => Path.Combine(Folder, "executed", Path.GetFileName(notebook));

    public async ValueTask InitializeAsync()
    {
        if (!JupyterClients.Installed) return;
        Directory.CreateDirectory(Path.Combine(Folder, "executed"));
        var parameters = new JsonObject { ["corpus"] = "seeds", ["output"] = KernelOutput }.ToJsonString();
        foreach (var notebook in Notebooks)
        {
            var run = clients.Run("run_notebook.py", [notebook, ExecutedPath(notebook), JupyterClients.KernelName, Path.GetDirectoryName(notebook)!, parameters],
                timeout: TimeSpan.FromMinutes(5));
            Assert.True(run.ExitCode == 0, $"nbclient failed on {notebook} ({run.ExitCode}):\n{run.Stderr}");
            Runs[notebook] = (ExecutedPath(notebook), JsonNode.Parse(run.Stdout)!.AsObject());
        }
        await NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = Notebooks,
            OutputDirectory = RunnerOutput,
            Parameters = new Dictionary<string, string> { ["corpus"] = "seeds", ["output"] = RunnerOutput },
        });
    }

    public ValueTask DisposeAsync()
    {
        clients.Dispose();
        Directory.Delete(Folder, recursive: true);
        return ValueTask.CompletedTask;
    }
}
