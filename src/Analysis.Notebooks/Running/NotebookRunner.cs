using System.Diagnostics;
using System.Text.Json.Nodes;
using Analysis.Notebooks.Engine;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Report;
using Analysis.Notebooks.Results;
using static Analysis.Notebooks.Results.CellStatus;

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

    /// <summary>
    /// Longest time one cell may run (null: no limit). A cell over it is cancelled (the cancellation token cells see),
    /// given the session's grace period, and fails with <c>CellTimeout</c>; its notebook stops there.
    /// </summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>
    /// How many notebooks may run at the same time (default 1: one after another). They are started in order, each in
    /// its own session; notebooks in one folder share the process's current directory and run side by side, those in
    /// different folders take turns cell by cell. Use more than one only for notebooks that do not read what an
    /// earlier notebook of the run writes.
    /// </summary>
    public int ConcurrentNotebooks { get; init; } = 1;
}

/// <summary>What <see cref="NotebookRunner.RunNotebookAsync(Notebook, string, NotebookRunSettings, CancellationToken)"/> needs besides the notebook.</summary>
public sealed record NotebookRunSettings
{
    /// <summary>Values injected after the parameters cell.</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Progress, one line per cell.</summary>
    public TextWriter Log { get; init; } = TextWriter.Null;

    /// <summary>See <see cref="RunOptions.CellTimeout"/>.</summary>
    public TimeSpan? CellTimeout { get; init; }

    /// <summary>Told after each code cell is recorded (1-based index among code cells, the cell with its outputs, its outcome).</summary>
    public Action<int, NotebookCell, CellRun>? OnCell { get; init; }
}

/// <summary>
/// Runs notebooks headless, each in its own session with its folder as working directory, and writes the executed
/// notebooks and the HTML report. A failing cell stops its notebook (later cells are marked skipped), not the run.
/// </summary>
public static class NotebookRunner
{
    private static Task? warmUp;

    /// <summary>
    /// Runs the notebooks in this process, then writes them and the report. Cancelling <paramref name="cancellationToken"/>
    /// stops the running cell (marked <see cref="CellStatus.Interrupted"/>); what ran is still written, and the notebooks that
    /// did not start are written with every cell <see cref="CellStatus.Skipped"/>.
    /// </summary>
    public static async Task<RunSummary> RunAsync(RunOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        // Read every notebook first: a malformed file fails the run before anything executes.
        var notebooks = options.Notebooks.Select(p => (Path: Path.GetFullPath(p), Notebook: Notebook.Load(p))).ToList();
        var runs = new NotebookRun[notebooks.Count];
        var settings = new NotebookRunSettings { Parameters = options.Parameters, Log = options.Log, CellTimeout = options.CellTimeout };
        await InOrderAsync(notebooks.Count, options.ConcurrentNotebooks, () => true, async i =>
        {
            var (path, notebook) = notebooks[i];
            runs[i] = cancellationToken.IsCancellationRequested
                ? NotRun(notebook, path, options.Parameters, "the run was stopped before this notebook")
                : await RunNotebookAsync(notebook, path, settings, cancellationToken);
        });
        return WriteOutputs(runs, notebooks.Select(n => n.Path).ToList(), options.OutputDirectory, clock.Elapsed,
            cancellationToken.IsCancellationRequested ? "cancelled" : null) with { PeakNotebookMemory = PeakMemory(Process.GetCurrentProcess()) };
    }

    /// <summary>
    /// Runs <paramref name="body"/> for 0 … <paramref name="count"/>-1, starting them in that order with at most
    /// <paramref name="concurrent"/> running at once; no more are started once <paramref name="startMore"/> says no.
    /// </summary>
    internal static Task InOrderAsync(int count, int concurrent, Func<bool> startMore, Func<int, Task> body) =>
        Parallel.ForEachAsync(Enumerable.Range(0, count).TakeWhile(_ => startMore()),
            new ParallelOptions { MaxDegreeOfParallelism = Math.Max(1, concurrent) }, async (i, _) => await body(i));

    /// <summary>Saves each executed notebook under OUT/notebooks and the report as OUT/report/index.html.</summary>
    internal static RunSummary WriteOutputs(IReadOnlyList<NotebookRun> runs, IReadOnlyList<string> paths, string outputDirectory, TimeSpan duration, string? stoppedBy)
    {
        for (int i = 0; i < runs.Count; i++)
            runs[i].Executed.Save(Path.Combine(outputDirectory, "notebooks", Path.GetFileName(paths[i])));
        var report = Path.Combine(outputDirectory, "report", "index.html");
        HtmlReport.Write(runs, report);
        return new RunSummary(runs, duration, report) { StoppedBy = stoppedBy };
    }

    /// <summary>Executes <paramref name="notebook"/> in place (outputs, execution counts, per-cell status and duration).</summary>
    public static Task<NotebookRun> RunNotebookAsync(Notebook notebook, string path,
        IReadOnlyDictionary<string, string> parameters, TextWriter log, CancellationToken cancellationToken = default) =>
        RunNotebookAsync(notebook, path, new NotebookRunSettings { Parameters = parameters, Log = log }, cancellationToken);

    /// <summary>
    /// Executes <paramref name="notebook"/> in place. A failing cell stops the notebook (later cells are marked
    /// skipped); so does a cell over the cell timeout, and cancelling <paramref name="cancellationToken"/>, which
    /// marks the running cell <see cref="CellStatus.Interrupted"/>.
    /// </summary>
    public static async Task<NotebookRun> RunNotebookAsync(Notebook notebook, string path, NotebookRunSettings settings,
        CancellationToken cancellationToken = default)
    {
        var name = Path.GetFileNameWithoutExtension(path);
        var clock = Stopwatch.StartNew();
        Parameters.Inject(notebook, settings.Parameters);
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        var cells = new List<CellRun>();
        using var session = new NotebookSession(new SessionOptions { WorkingDirectory = Path.GetDirectoryName(path)! });
        // Roslyn's start-up (seconds on a cold process) should not count against the first cell's time limit; once per process.
        // Notebooks started alongside wait for the same warm-up.
        if (settings.CellTimeout is not null)
        {
            var started = new TaskCompletionSource();
            if (Interlocked.CompareExchange(ref warmUp, started.Task, null) is { } running) await running;
            else
            {
                try
                {
                    await session.WarmUpAsync();
                }
                finally
                {
                    started.SetResult();
                }
            }
        }
        CellError? failure = null;
        bool abandoned = false;
        foreach (var (cell, i) in code.Select((c, i) => (c, i + 1)))
        {
            CellRun run;
            if (failure is not null)
            {
                cell.Outputs.Clear();
                cell.ExecutionCount = null;
                run = MarkSkipped(cell, i);
            }
            else
            {
                // The next cell compiles on another thread while this one runs (most cells wait on their compilation otherwise).
                (run, abandoned) = await RunCellAsync(session, cell, i, i < code.Count ? code[i].Source : null, settings.CellTimeout, cancellationToken);
                failure = run.Error;
                settings.Log.WriteLine($"  {name} cell {i}/{code.Count} {(run.Error is null ? "ok" : run.Status.ToUpperInvariant())} {run.Duration.TotalMilliseconds,6:F0} ms");
                if (failure is not null)
                    settings.Log.WriteLine($"FAILED {name}, cell {i}{(failure.Line is { } line ? $", line {line}" : "")}: {failure.Name}: {failure.Message}");
            }
            cells.Add(run);
            settings.OnCell?.Invoke(i, cell, run);
        }
        Finish(notebook, settings.Parameters, clock.Elapsed, failure is not null);
        return new NotebookRun(name, notebook, cells, clock.Elapsed) { Abandoned = abandoned };
    }

    /// <summary>Runs one cell under the cell timeout and the run's stop token, and records its outputs and status.</summary>
    private static async Task<(CellRun Run, bool Abandoned)> RunCellAsync(NotebookSession session, NotebookCell cell, int index,
        string? nextCode, TimeSpan? cellTimeout, CancellationToken stop)
    {
        cell.Outputs.Clear();
        cell.ExecutionCount = null;
        var outputs = new JupyterOutputs();
        var result = await session.ExecuteAsync(cell.Source, outputs, stop, cellTimeout, nextCode);
        bool abandoned = result.Error?.Name == "CellAbandoned";
        // A cell that passes the token on fails with its own OperationCanceledException: any failure after the cancel counts.
        bool cancelled = abandoned || !result.Success && (result.TimedOut || stop.IsCancellationRequested);
        var status = result.Success ? Completed : Failed;
        if (cancelled && stop.IsCancellationRequested)
        {
            status = Interrupted;
            result = result with { Error = new CellError("Interrupted", "The run was stopped while this cell ran" + (abandoned ? "; it did not stop in time and was abandoned." : "."), [], null) };
        }
        else if (cancelled && cellTimeout is { } t)
        {
            result = result with { Error = new CellError("CellTimeout", $"The cell ran longer than the cell timeout ({Seconds(t)}) and was stopped" + (abandoned ? "; it did not stop in time and was abandoned." : "."), [], null) };
        }
        outputs.Complete(result);
        cell.Outputs.AddRange(outputs.Outputs);
        cell.ExecutionCount = result.ExecutionCount;
        Record(cell, status, result.Duration);
        return (new CellRun(index, status, result.Duration, result.Error), abandoned);
    }

    internal static string Seconds(TimeSpan t) => $"{t.TotalSeconds:0.###} s";

    /// <summary>The peak resident set size of <paramref name="process"/> (Linux: VmHWM), or 0 when it has exited or the platform does not say.</summary>
    public static long PeakMemory(Process process)
    {
        try
        {
            process.Refresh();
            return process.PeakWorkingSet64;
        }
        catch (Exception e) when (e is InvalidOperationException or PlatformNotSupportedException or NotSupportedException)
        {
            return 0;
        }
    }

    /// <summary>A notebook that never ran: parameters injected, every code cell skipped, <paramref name="why"/> in its metadata.</summary>
    internal static NotebookRun NotRun(Notebook notebook, string path, IReadOnlyDictionary<string, string> parameters, string why)
    {
        Parameters.Inject(notebook, parameters);
        var cells = notebook.Cells.Where(c => c.IsCode).Select((c, i) =>
        {
            c.Outputs.Clear();
            c.ExecutionCount = null;
            return MarkSkipped(c, i + 1);
        }).ToList();
        Finish(notebook, parameters, TimeSpan.Zero, exception: true);
        notebook.Metadata["papermill"]!["not_run"] = why;
        return new NotebookRun(Path.GetFileNameWithoutExtension(path), notebook, cells, TimeSpan.Zero);
    }

    internal static CellRun MarkSkipped(NotebookCell cell, int index)
    {
        Record(cell, Skipped, TimeSpan.Zero);
        return new CellRun(index, Skipped, TimeSpan.Zero, null);
    }

    /// <summary>Notebook-level metadata.papermill, as papermill writes it.</summary>
    internal static void Finish(Notebook notebook, IReadOnlyDictionary<string, string> parameters, TimeSpan duration, bool exception) =>
        notebook.Metadata["papermill"] = new JsonObject
        {
            ["parameters"] = new JsonObject(parameters.Select(p => KeyValuePair.Create(p.Key, (JsonNode?)p.Value))),
            ["duration"] = duration.TotalSeconds,
            ["exception"] = exception,
        };

    /// <summary>Per-cell status and duration, in the shape papermill writes them (metadata.papermill).</summary>
    internal static void Record(NotebookCell cell, string status, TimeSpan duration) =>
        cell.Metadata["papermill"] = new JsonObject
        {
            ["status"] = status,
            ["duration"] = Math.Round(duration.TotalSeconds, 4),
            ["exception"] = status is Failed or Interrupted,
        };
}
