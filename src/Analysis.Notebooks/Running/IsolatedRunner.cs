using System.Diagnostics;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Analysis.Notebooks.Engine;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Results;

namespace Analysis.Notebooks.Running;

/// <summary>
/// Runs notebooks in a child process, so that a cell that ends its process (a stack overflow,
/// <c>Environment.FailFast</c>, an abandoned runaway cell) costs only that notebook: the parent keeps every cell
/// the child finished, marks the cell that was running, and starts a new child for the notebooks after it.
/// </summary>
/// <remarks>
/// One child runs all the notebooks in turn (a process start costs the engine's warm-up again, about a second), and
/// a new child is started only after one ends early. The child reports each finished cell, with its outputs, as a
/// JSON line in an events file; the parent owns the notebooks and writes them and the report. The child stops its
/// running cell when it reads "stop" on its standard input (or the input closes: the parent is gone), or on SIGINT
/// / SIGTERM.
/// </remarks>
public static class IsolatedRunner
{
    /// <summary>The child's exit code after it was asked to stop.</summary>
    public const int ChildStopped = 3;

    /// <summary>The child's exit code after a cell was abandoned (it may still be running): start a fresh process.</summary>
    public const int ChildNeedsRestart = 4;

    /// <summary>Time a stopped child gets to write its last cell and exit before it is killed.</summary>
    private static readonly TimeSpan StopWait = TimeSpan.FromSeconds(10);

    /// <summary>How long past the cell timeout (plus the session's grace period) the parent waits before it kills a silent child.</summary>
    private static readonly TimeSpan WatchdogMargin = TimeSpan.FromSeconds(15);

    /// <summary>
    /// A child's work: <see cref="Snapshots"/> are copies of the notebooks as the parent read them (so an edit to a
    /// file during the run cannot make the two sides disagree about its cells); <see cref="Notebooks"/> are the
    /// original paths, which give each notebook its name and working folder.
    /// </summary>
    private sealed record ChildJob(List<string> Notebooks, List<string> Snapshots, int FirstIndex, Dictionary<string, string> Parameters,
        double? CellTimeoutSeconds, string Events, int ConcurrentNotebooks);

    private static readonly JsonSerializerOptions JobJson = new(JsonSerializerDefaults.Web);

    /// <summary>
    /// Runs <see cref="RunOptions.Notebooks"/> in child processes started by <paramref name="childCommand"/> (given the
    /// job file's path, it returns the command that runs <see cref="RunChildAsync"/> on it), then writes the notebooks
    /// and the report. Cancelling <paramref name="stop"/> or passing <paramref name="runTimeout"/> stops the running
    /// cell; what ran is written and <see cref="RunSummary.StoppedBy"/> says why ("cancelled" or "timeout").
    /// </summary>
    public static async Task<RunSummary> RunAsync(RunOptions options, Func<string, ProcessStartInfo> childCommand,
        TimeSpan? runTimeout = null, CancellationToken stop = default)
    {
        var clock = Stopwatch.StartNew();
        var paths = options.Notebooks.Select(Path.GetFullPath).ToList();
        var notebooks = paths.Select(p => Notebook.Load(p)).ToList();
        // Parameters are injected by the child, which sends the notebook's cells back when it starts one: injecting
        // needs Roslyn's parser, which the parent then never loads.
        var runs = new NotebookRun?[notebooks.Count];
        var cellRuns = notebooks.Select(_ => new List<CellRun>()).ToArray();
        var startedNotebooks = new HashSet<int>();
        var work = Directory.CreateTempSubdirectory("analysis-runner-").FullName;
        var snapshots = paths.Select((_, i) => Path.Combine(work, $"notebook-{i}.ipynb")).ToList();
        for (int i = 0; i < notebooks.Count; i++) notebooks[i].Save(snapshots[i]);
        using var timeout = new CancellationTokenSource();
        if (runTimeout is { } limit) timeout.CancelAfter(limit);
        using var stopOrTimeout = CancellationTokenSource.CreateLinkedTokenSource(stop, timeout.Token);
        string? stoppedBy = null;
        long peakMemory = 0;
        try
        {
            int next = 0, child = 0, concurrent = Math.Max(1, options.ConcurrentNotebooks);
            while (next < notebooks.Count && stoppedBy is null)
            {
                var eventsPath = Path.Combine(work, $"events-{child}.jsonl");
                var jobPath = Path.Combine(work, $"job-{child++}.json");
                File.WriteAllText(jobPath, JsonSerializer.Serialize(new ChildJob(paths[next..], snapshots[next..], next, new(options.Parameters),
                    options.CellTimeout?.TotalSeconds, eventsPath, concurrent), JobJson));
                var outcome = await SuperviseAsync(childCommand(jobPath), eventsPath, options.CellTimeout, stopOrTimeout.Token,
                    e => Apply(e, notebooks, cellRuns, runs, startedNotebooks, paths, options.Parameters, options.Log));
                peakMemory = Math.Max(peakMemory, outcome.PeakMemory);
                if (outcome.Stopped) stoppedBy = timeout.IsCancellationRequested && !stop.IsCancellationRequested ? "timeout" : "cancelled";
                var unfinished = Enumerable.Range(next, notebooks.Count - next).Where(i => runs[i] is null).ToList();
                if (unfinished.Count == 0) break;
                // The notebooks the child was in when it ended keep their finished cells; their running cells are marked.
                var running = unfinished.Where(startedNotebooks.Contains).ToList();
                if (!outcome.Stopped && running.Count > 1)
                {
                    // Several notebooks were running when the process ended: which one ended it is unknown, so they run
                    // again, one at a time, and the end is charged to the notebook that causes it alone.
                    options.Log.WriteLine($"The notebook process ended while {string.Join(", ", running.Select(i => Path.GetFileNameWithoutExtension(paths[i])))} ran; running them again one at a time.");
                    foreach (var i in running)
                    {
                        startedNotebooks.Remove(i);
                        cellRuns[i].Clear();
                    }
                    concurrent = 1;
                    next = unfinished[0];
                    continue;
                }
                // Charged with the end: on a stop, the notebooks that ran; after a restart the child asked for between
                // notebooks, none; otherwise the one that ran, or the first not started (every child start settles one).
                List<int> charged = outcome.Stopped ? running
                    : running.Count == 0 && outcome is { KilledByWatchdog: false, ExitCode: ChildNeedsRestart } ? []
                    : running.Count > 0 ? running : [unfinished[0]];
                foreach (var current in charged)
                {
                    CellError error = outcome switch
                    {
                        { Stopped: true } => new CellError("Interrupted", "The run was stopped while this cell ran.", [], null),
                        { KilledByWatchdog: true } => new CellError("CellTimeout", $"The cell ran longer than the cell timeout ({NotebookRunner.Seconds(options.CellTimeout!.Value)}), did not stop, and its process was ended.", [], null),
                        // Also when the child ended without starting a notebook: every child start settles at least one notebook.
                        _ => new CellError("ProcessCrashed", $"The notebook's process ended while this cell ran (exit code {outcome.ExitCode}; for example a stack overflow or Environment.FailFast). The cells before it are kept; the cells after it did not run.", [], null),
                    };
                    int cell = cellRuns[current].Count + 1;
                    runs[current] = EndEarly(notebooks[current], paths[current], cellRuns[current],
                        outcome.Stopped ? CellStatus.Interrupted : CellStatus.Failed, error, options.Parameters);
                    options.Log.WriteLine($"FAILED {runs[current]!.Name}, cell {cell}: {error.Name}: {error.Message}");
                }
                next = Array.FindIndex(runs, r => r is null) is var n && n >= 0 ? n : notebooks.Count;
            }
            for (int i = 0; i < runs.Length; i++)
                runs[i] ??= NotebookRunner.NotRun(notebooks[i], paths[i], options.Parameters, "the run was stopped before this notebook");
            return NotebookRunner.WriteOutputs(runs!, paths, options.OutputDirectory, clock.Elapsed, stoppedBy) with { PeakNotebookMemory = peakMemory };
        }
        finally
        {
            try { Directory.Delete(work, recursive: true); } catch (IOException) { }
        }
    }

    /// <summary>How a child ended, and its peak resident set size as last seen (bytes).</summary>
    private sealed record ChildOutcome(int ExitCode, bool Stopped, bool KilledByWatchdog, long PeakMemory);

    /// <summary>Starts one child and follows its events until it exits; stops or kills it when told or when it goes silent.</summary>
    private static async Task<ChildOutcome> SuperviseAsync(ProcessStartInfo start, string eventsPath, TimeSpan? cellTimeout,
        CancellationToken stop, Action<JsonObject> onEvent)
    {
        start.UseShellExecute = false;
        start.RedirectStandardInput = true;
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"could not start '{start.FileName}'");
        using var events = new EventReader(eventsPath);
        var lastEvent = Stopwatch.StartNew();
        var silence = cellTimeout is { } t ? t + TimeSpan.FromSeconds(3) + WatchdogMargin : (TimeSpan?)null;
        bool stopped = false, killed = false;
        var stopClock = new Stopwatch();
        long peakMemory = 0;
        while (true)
        {
            // The peak is a high-water mark: reading it while the child lives loses at most the last 100 ms of growth.
            peakMemory = Math.Max(peakMemory, NotebookRunner.PeakMemory(process));
            bool exited = await WaitForExitAsync(process, TimeSpan.FromMilliseconds(100));
            foreach (var e in events.ReadNew()) { onEvent(e); lastEvent.Restart(); }
            if (exited) break;
            if (stop.IsCancellationRequested && !stopped)
            {
                stopped = true;
                stopClock.Start();
                try { await process.StandardInput.WriteLineAsync("stop"); await process.StandardInput.FlushAsync(); }
                catch (IOException) { }
            }
            if (stopped && stopClock.Elapsed > StopWait || !stopped && silence is { } s && lastEvent.Elapsed > s)
            {
                killed = !stopped;
                process.Kill(entireProcessTree: true);
            }
        }
        foreach (var e in events.ReadNew()) onEvent(e);
        return new ChildOutcome(process.ExitCode, stopped, killed, peakMemory);
    }

    private static async Task<bool> WaitForExitAsync(Process process, TimeSpan wait)
    {
        using var delay = new CancellationTokenSource(wait);
        try
        {
            await process.WaitForExitAsync(delay.Token);
            return true;
        }
        catch (OperationCanceledException)
        {
            return false;
        }
    }

    /// <summary>Applies one child event to the parent's copy of the notebooks.</summary>
    private static void Apply(JsonObject e, List<Notebook> notebooks, List<CellRun>[] cellRuns, NotebookRun?[] runs,
        HashSet<int> started, List<string> paths, IReadOnlyDictionary<string, string> parameters, TextWriter log)
    {
        try
        {
            ApplyEvent(e, notebooks, cellRuns, runs, started, paths, parameters);
        }
        catch (Exception error) when (error is ArgumentException or InvalidOperationException or NullReferenceException or FormatException or NotebookFormatException)
        {
            // The child is the runner's own code, but a bad line must not cost the notebooks that did run.
            log.WriteLine($"warning: ignored an unreadable event from the notebook process ({error.GetType().Name}: {error.Message})");
        }
    }

    private static void ApplyEvent(JsonObject e, List<Notebook> notebooks, List<CellRun>[] cellRuns, NotebookRun?[] runs,
        HashSet<int> started, List<string> paths, IReadOnlyDictionary<string, string> parameters)
    {
        int nb = (int)e["notebook"]!;
        var notebook = notebooks[nb];
        switch ((string?)e["type"])
        {
            case "start":
                var cells = ((JsonArray)e["cells"]!).Select((c, i) => NotebookCell.FromJson((JsonObject)c!, i, paths[nb])).ToList();
                notebook.Cells.Clear();
                notebook.Cells.AddRange(cells);
                cellRuns[nb].Clear();
                started.Add(nb);
                break;
            case "cell":
                int index = (int)e["index"]!;
                var code = notebook.Cells.Where(c => c.IsCode).ToList();
                var cell = NotebookCell.FromJson((JsonObject)e["cell"]!, index - 1, paths[nb]);
                notebook.Cells[notebook.Cells.IndexOf(code[index - 1])] = cell;
                var error = e["error"] is JsonObject err
                    ? new CellError((string)err["name"]!, (string)err["message"]!, [], (int?)err["line"])
                    : null;
                cellRuns[nb].Add(new CellRun(index, (string)e["status"]!, TimeSpan.FromSeconds((double)e["duration"]!), error));
                break;
            case "notebook":
                runs[nb] = Completed(notebook, paths[nb], cellRuns[nb], parameters, TimeSpan.FromSeconds((double)e["duration"]!));
                break;
        }
    }

    private static NotebookRun Completed(Notebook notebook, string path, List<CellRun> cells, IReadOnlyDictionary<string, string> parameters, TimeSpan duration)
    {
        NotebookRunner.Finish(notebook, parameters, duration, cells.Any(c => c.Error is not null));
        return new NotebookRun(Path.GetFileNameWithoutExtension(path), notebook, cells, duration);
    }

    /// <summary>The notebook as far as it ran: its first cell without a result gets <paramref name="error"/>, the rest are skipped.</summary>
    private static NotebookRun EndEarly(Notebook notebook, string path, List<CellRun> cells, string status, CellError error,
        IReadOnlyDictionary<string, string> parameters)
    {
        var code = notebook.Cells.Where(c => c.IsCode).ToList();
        if (cells.Count >= code.Count) return Completed(notebook, path, cells, parameters, TimeSpan.FromSeconds(cells.Sum(c => c.Duration.TotalSeconds)));
        var running = code[cells.Count];
        running.Outputs.Clear();
        var outputs = new JupyterOutputs();
        outputs.Complete(new CellResult(false, 0, null, error, TimeSpan.Zero));
        running.Outputs.AddRange(outputs.Outputs);
        running.ExecutionCount = null;
        NotebookRunner.Record(running, status, TimeSpan.Zero);
        cells.Add(new CellRun(cells.Count + 1, status, TimeSpan.Zero, error));
        for (int i = cells.Count; i < code.Count; i++)
        {
            code[i].Outputs.Clear();
            code[i].ExecutionCount = null;
            cells.Add(NotebookRunner.MarkSkipped(code[i], i + 1));
        }
        var duration = TimeSpan.FromSeconds(cells.Sum(c => c.Duration.TotalSeconds));
        return Completed(notebook, path, cells, parameters, duration);
    }

    /// <summary>Reads the complete JSON lines appended to the events file since the last call.</summary>
    private sealed class EventReader(string path) : IDisposable
    {
        private FileStream? stream;
        private readonly List<byte> partial = [];
        private readonly byte[] buffer = new byte[1 << 16];

        public IEnumerable<JsonObject> ReadNew()
        {
            if (stream is null)
            {
                if (!File.Exists(path)) yield break;
                stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
            }
            int read;
            while ((read = stream.Read(buffer, 0, buffer.Length)) > 0) partial.AddRange(buffer.AsSpan(0, read));
            int start = 0;
            for (int i = 0; i < partial.Count; i++)
            {
                if (partial[i] != (byte)'\n') continue;
                var line = Encoding.UTF8.GetString(System.Runtime.InteropServices.CollectionsMarshal.AsSpan(partial)[start..i]);
                start = i + 1;
                if (Parse(line) is { } e) yield return e;
            }
            partial.RemoveRange(0, start);
        }

        /// <summary>The event, or null for a line that is not a JSON object (it is skipped, not fatal).</summary>
        private static JsonObject? Parse(string line)
        {
            try { return JsonNode.Parse(line) as JsonObject; }
            catch (JsonException) { return null; }
        }

        public void Dispose() => stream?.Dispose();
    }

    /// <summary>
    /// The child's side: runs the job's notebooks in this process, appending each finished cell (and each finished
    /// notebook) to the events file. Returns the process exit code: 0, <see cref="ChildStopped"/> or
    /// <see cref="ChildNeedsRestart"/>.
    /// </summary>
    public static async Task<int> RunChildAsync(string jobPath, TextWriter log, CancellationToken stop)
    {
        var job = JsonSerializer.Deserialize<ChildJob>(File.ReadAllText(jobPath), JobJson)!;
        using var events = new FileStream(job.Events, FileMode.Append, FileAccess.Write, FileShare.ReadWrite);
        void Write(JsonObject e)
        {
            var bytes = Encoding.UTF8.GetBytes(e.ToJsonString() + "\n");
            lock (events)
            {
                events.Write(bytes);
                events.Flush();
            }
        }
        var settings = new NotebookRunSettings
        {
            Parameters = job.Parameters,
            Log = log,
            CellTimeout = job.CellTimeoutSeconds is { } s ? TimeSpan.FromSeconds(s) : null,
        };
        int restart = 0;
        await NotebookRunner.InOrderAsync(job.Notebooks.Count, job.ConcurrentNotebooks,
            () => !stop.IsCancellationRequested && Volatile.Read(ref restart) == 0, async i =>
        {
            int nb = job.FirstIndex + i;
            var notebook = Notebook.Load(job.Snapshots[i]);
            Parameters.Inject(notebook, job.Parameters);
            Write(new JsonObject { ["type"] = "start", ["notebook"] = nb, ["cells"] = new JsonArray(notebook.Cells.Select(c => (JsonNode)c.ToJson()).ToArray()) });
            var run = await NotebookRunner.RunNotebookAsync(notebook, job.Notebooks[i], settings with
            {
                OnCell = (index, cell, result) => Write(new JsonObject
                {
                    ["type"] = "cell",
                    ["notebook"] = nb,
                    ["index"] = index,
                    ["status"] = result.Status,
                    ["duration"] = result.Duration.TotalSeconds,
                    ["error"] = result.Error is { } e ? new JsonObject { ["name"] = e.Name, ["message"] = e.Message, ["line"] = e.Line } : null,
                    ["cell"] = cell.ToJson(),
                }),
            }, stop);
            Write(new JsonObject { ["type"] = "notebook", ["notebook"] = nb, ["duration"] = run.Duration.TotalSeconds });
            // An abandoned cell may still run: no notebook starts after it in this process (those running finish).
            if (run.Abandoned) Interlocked.Exchange(ref restart, 1);
        });
        if (stop.IsCancellationRequested) return ChildStopped;
        return restart == 1 ? ChildNeedsRestart : 0;
    }
}
