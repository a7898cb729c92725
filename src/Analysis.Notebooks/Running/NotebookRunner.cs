using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis.Notebooks.Engine;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Report;

namespace Analysis.Notebooks.Running;

/// <summary>What to run and where to write it.</summary>
public sealed record RunOptions
{
    /// <summary>The .ipynb files, run in this order.</summary>
    public required IReadOnlyList<string> Notebooks { get; init; }

    /// <summary>Receives OUT/notebooks/*.ipynb (executed) and OUT/report/index.html.</summary>
    public required string OutputDirectory { get; init; }

    /// <summary>Values injected after each notebook's parameters cell (name → value as typed on the command line).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Progress, one line per cell.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;
}

/// <summary>One executed code cell.</summary>
public sealed record CellRun(int Index, string Status, TimeSpan Duration, CellError? Error);

/// <summary>One executed notebook: the notebook with its outputs, and each code cell's outcome.</summary>
public sealed record NotebookRun(string Name, Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    public CellRun? Failure => Cells.FirstOrDefault(c => c.Error is not null);
}

/// <summary>The whole run.</summary>
public sealed record RunSummary(IReadOnlyList<NotebookRun> Notebooks, TimeSpan Duration, string ReportPath)
{
    public bool Success => Notebooks.All(n => n.Failure is null);
}

/// <summary>
/// Runs notebooks headless, each in its own session with its folder as working directory, and writes the executed
/// notebooks and the HTML report. A failing cell stops its notebook (later cells are marked skipped), not the run.
/// </summary>
public static class NotebookRunner
{
    public const string Completed = "completed";
    public const string Failed = "failed";
    public const string Skipped = "skipped";

    public static async Task<RunSummary> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Read every notebook first: a malformed file fails the run before anything executes.
        var notebooks = options.Notebooks.Select(p => (Path: Path.GetFullPath(p), Notebook: Notebook.Load(p))).ToList();
        var runs = new List<NotebookRun>();
        foreach (var (path, notebook) in notebooks)
        {
            var run = await RunNotebookAsync(notebook, path, options.Parameters, options.Log, cancellationToken);
            notebook.Save(Path.Combine(options.OutputDirectory, "notebooks", Path.GetFileName(path)));
            runs.Add(run);
        }
        var report = Path.Combine(options.OutputDirectory, "report", "index.html");
        HtmlReport.Write(runs, report);
        return new RunSummary(runs, clock.Elapsed, report);
    }

    /// <summary>Executes <paramref name="notebook"/> in place (outputs, execution counts, per-cell status and duration).</summary>
    public static async Task<NotebookRun> RunNotebookAsync(Notebook notebook, string path,
        IReadOnlyDictionary<string, string> parameters, TextWriter log, CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var clock = Stopwatch.StartNew();
        Parameters.Inject(notebook, parameters);
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        var cells = new List<CellRun>();
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Path.GetDirectoryName(path)! });
        CellError? failure = null;
        foreach (var (cell, i) in code.Select((c, i) => (c, i + 1)))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (failure is not null)
            {
                Record(cell, Skipped, TimeSpan.Zero);
                cells.Add(new CellRun(i, Skipped, TimeSpan.Zero, null));
                continue;
            }
            var outputs = new JupyterOutputs();
            var result = await session.ExecuteAsync(cell.Source, outputs, cancellationToken);
            outputs.Complete(result);
            cell.Outputs.AddRange(outputs.Outputs);
            cell.ExecutionCount = result.ExecutionCount;
            var status = result.Success ? Completed : Failed;
            Record(cell, status, result.Duration);
            cells.Add(new CellRun(i, status, result.Duration, result.Error));
            log.WriteLine($"  {name} cell {i}/{code.Count} {(result.Success ? "ok" : "FAILED")} {result.Duration.TotalMilliseconds,6:F0} ms");
            failure = result.Error;
            if (failure is not null)
                log.WriteLine($"FAILED {name}, cell {i}{(failure.Line is { } line ? $", line {line}" : "")}: {failure.Name}: {failure.Message}");
        }
        notebook.Metadata["papermill"] = new JsonObject
        {
            ["parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["duration"] = clock.Elapsed.TotalSeconds,
            ["exception"] = failure is not null,
        };
        return new NotebookRun(name, notebook, cells, clock.Elapsed);
    }

    /// <summary>Per-cell status and duration, in the shape papermill writes them (metadata.papermill).</summary>
    private static void Record(NotebookCell cell, string status, TimeSpan duration) =>
        cell.Metadata["papermill"] = new JsonObject
        {
            ["status"] = status,
            ["duration"] = Math.Round(duration.TotalSeconds, 4),
            ["exception"] = status == Failed,
        };
}
