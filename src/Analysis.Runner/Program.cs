using System.Diagnostics;
using System.Globalization;
using System.Runtime.InteropServices;
using Analysis;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Results;
using Analysis.Notebooks.Running;

// Runs notebooks headless: dotnet run --project src/Analysis.Runner -- [notebook ...] [--corpus PATH] [--out DIR] [--parameter name=value ...]
var usage = $"""
    usage: Analysis.Runner [notebook ...] [--corpus PATH] [--out DIR] [--parameter name=value ...]
                           [--cell-timeout SECONDS] [--timeout SECONDS] [--jobs N] [--in-process]
      notebook              a path, or a name in notebooks/ ("01-articles", or "01"); default: every notebook in notebooks/, in name order
      --corpus PATH         corpus folder, injected as the notebooks' `corpus` parameter (default: the notebooks' own, seeds/)
      --out DIR             output folder (default: artifacts/), injected as the `output` parameter
      --parameter, -p       any other parameter, name=value
      --cell-timeout SECONDS  longest time one cell may run (default 600; 0: no limit); the cell fails with CellTimeout
      --timeout SECONDS     longest time the whole run may take (default 0: no limit); then it stops as on Ctrl-C
      --jobs N              notebooks run at the same time (default: one per processor core, here {Environment.ProcessorCount});
                            --jobs 1 runs them one after another, for notebooks that read what an earlier one writes
      --in-process          run the notebooks in this process (default: in a child process, so that a cell that
                            ends its process, such as a stack overflow, costs only its own notebook)
    exit codes: 0 all cells ran; 1 a cell failed; 2 bad arguments or notebook; 124 --timeout; 130 Ctrl-C (SIGINT); 143 SIGTERM
    Analysis.Runner stream|merge ...: the analysis without notebooks, for corpora larger than memory or split in shards
                        (Analysis.Runner stream --help)
    """;

if (args.Length > 0 && args[0] is "stream" or "merge") return StreamCommand.Run(args[0], args[1..]);

// Internal: the child process the runner starts (see IsolatedRunner). Not in the usage.
if (args is ["--child", var job])
{
    using var childStop = new CancellationTokenSource();
    using var childSignals = OnStopSignals(_ => childStop.Cancel());
    // The parent writes "stop" (or goes away, closing the pipe) to stop the running cell.
    new Thread(() =>
    {
        while (Console.In.ReadLine() is { } line && line.Trim() != "stop") { }
        childStop.Cancel();
    }) { IsBackground = true, Name = "stop-listener" }.Start();
    return await IsolatedRunner.RunChildAsync(job, Console.Out, childStop.Token);
}

var root = RepositoryRoot();
var notebooksFolder = Path.Combine(root, "notebooks");
var selected = new List<string>();
var parameters = new Dictionary<string, string>();
string? output = null;
TimeSpan? cellTimeout = TimeSpan.FromSeconds(600), runTimeout = null;
bool inProcess = false;
int jobs = Environment.ProcessorCount;
for (var i = 0; i < args.Length; i++)
{
    if (args[i] is "--corpus" or "--out" or "--parameter" or "-p" or "--cell-timeout" or "--timeout" or "--jobs" && i + 1 == args.Length) return Fail($"{args[i]} needs a value");
    string Value() => args[++i];
    switch (args[i])
    {
        case "-h" or "--help":
            Console.WriteLine(usage);
            return 0;
        case "--corpus":
            parameters["corpus"] = Path.GetFullPath(Value());
            break;
        case "--out":
            output = Path.GetFullPath(Value());
            parameters["output"] = output;
            break;
        case "--parameter" or "-p":
            var pair = Value().Split('=', 2);
            if (pair.Length != 2 || pair[0].Length == 0) return Fail($"--parameter expects name=value, got '{args[i]}'");
            parameters[pair[0]] = pair[1];
            break;
        case "--cell-timeout" or "--timeout":
            var option = args[i];
            if (!double.TryParse(Value(), NumberStyles.Float, CultureInfo.InvariantCulture, out var seconds) || !double.IsFinite(seconds) || seconds < 0 || seconds > TimeSpan.MaxValue.TotalSeconds / 2)
                return Fail($"{option} expects a number of seconds (0: no limit), got '{args[i]}'");
            TimeSpan? limit = seconds == 0 ? null : TimeSpan.FromSeconds(seconds);
            if (option == "--timeout") runTimeout = limit; else cellTimeout = limit;
            break;
        case "--jobs":
            if (!int.TryParse(Value(), NumberStyles.None, CultureInfo.InvariantCulture, out jobs) || jobs < 1)
                return Fail($"--jobs expects a whole number of notebooks, 1 or more, got '{args[i]}'");
            break;
        case "--in-process":
            inProcess = true;
            break;
        case var unknown when unknown.StartsWith('-'):
            return Fail($"unknown option '{unknown}'");
        default:
            selected.Add(args[i]);
            break;
    }
}

var notebooks = selected.Count == 0
    ? Directory.GetFiles(notebooksFolder, "*.ipynb").Order(StringComparer.Ordinal).ToList()
    : selected.Select(FindNotebook).ToList();
if (notebooks.FirstOrDefault(n => !File.Exists(n)) is { } missing) return Fail($"no notebook '{missing}' (nor a single one in {notebooksFolder} whose name starts so)");
output ??= Path.Combine(root, "artifacts");

Console.WriteLine($"Running {notebooks.Count} notebook(s) into {output}");
string? signal = null;
using var stop = new CancellationTokenSource();
using var signals = OnStopSignals(name =>
{
    signal ??= name;
    Console.Error.WriteLine($"{name}: stopping the running cell, then writing what ran");
    stop.Cancel();
});
try
{
    var options = new RunOptions
    {
        Notebooks = notebooks,
        OutputDirectory = output,
        Parameters = parameters,
        Log = Console.Out,
        CellTimeout = cellTimeout,
        ConcurrentNotebooks = jobs,
    };
    RunSummary summary;
    if (inProcess)
    {
        using var overall = CancellationTokenSource.CreateLinkedTokenSource(stop.Token);
        if (runTimeout is { } t) overall.CancelAfter(t);
        summary = await NotebookRunner.RunAsync(options, overall.Token);
        if (summary.StoppedBy is not null) summary = summary with { StoppedBy = stop.IsCancellationRequested ? "cancelled" : "timeout" };
    }
    else
    {
        summary = await IsolatedRunner.RunAsync(options, ChildCommand, runTimeout, stop.Token);
    }
    foreach (var run in summary.Notebooks.Where(r => r.Failure is not null))
    {
        var f = run.Failure!;
        Console.Error.WriteLine($"FAILED {run.Name}, cell {f.Index}{(f.Error!.Line is { } line ? $", line {line}" : "")}: {f.Error.Name}: {f.Error.Message}");
    }
    var cells = summary.Notebooks.Sum(n => n.Cells.Count);
    Console.WriteLine($"Ran {summary.Notebooks.Count} notebook(s), {cells} code cells, in {summary.Duration.TotalSeconds:F1} s (cold run, including engine start).");
    // Memory and wall time of the whole command, for benchmarks: the notebooks' process is the one that grows.
    var self = Process.GetCurrentProcess();
    var memory = inProcess
        ? $"{Megabytes(summary.PeakNotebookMemory)} (the notebooks ran in this process)"
        : $"{Megabytes(summary.PeakNotebookMemory)} in the notebook process, {Megabytes(NotebookRunner.PeakMemory(self))} in the runner";
    Console.WriteLine($"Peak RSS: {memory}; wall time {(DateTime.Now - self.StartTime).TotalSeconds:F1} s since the runner started.");
    Console.WriteLine($"Report: {summary.ReportPath}");
    if (summary.StoppedBy is { } why)
    {
        var reason = why == "timeout" ? $"the run went over --timeout {runTimeout!.Value.TotalSeconds:0.###} s" : $"{signal ?? "a signal"} was received";
        Console.Error.WriteLine($"STOPPED: {reason}; the notebooks and the report hold what ran (the running cell is marked interrupted).");
        return why == "timeout" ? 124 : signal == "SIGTERM" ? 143 : 130;
    }
    return summary.Success ? 0 : 1;
}
catch (NotebookFormatException e)
{
    return Fail(e.Message);
}

// A path, or a name in notebooks/ given whole ("01-articles") or by its unique start ("01").
string FindNotebook(string name)
{
    if (File.Exists(name)) return Path.GetFullPath(name);
    var matches = Directory.GetFiles(notebooksFolder, "*.ipynb")
        .Where(f => Path.GetFileName(f).StartsWith(name, StringComparison.Ordinal)).ToList();
    return matches.Count == 1 ? matches[0] : name;
}

// The checkout the user is in, else the one this runner was built in.
static string RepositoryRoot()
{
    try
    {
        return RepositoryPaths.Root();
    }
    catch (DirectoryNotFoundException)
    {
        return RepositoryPaths.Root(AppContext.BaseDirectory);
    }
}

// The command that runs this runner again as a child on a job file: the apphost, or dotnet with this assembly.
static ProcessStartInfo ChildCommand(string jobPath)
{
    var host = Environment.ProcessPath ?? "dotnet";
    var start = new ProcessStartInfo(host);
    if (Path.GetFileNameWithoutExtension(host) == "dotnet") start.ArgumentList.Add(System.Reflection.Assembly.GetEntryAssembly()!.Location);
    start.ArgumentList.Add("--child");
    start.ArgumentList.Add(jobPath);
    return start;
}

// SIGINT (Ctrl-C) and SIGTERM stop the running cell instead of ending the process at once.
static IDisposable OnStopSignals(Action<string> stop)
{
    var registrations = new List<PosixSignalRegistration>();
    foreach (var (signal, name) in new[] { (PosixSignal.SIGINT, "SIGINT"), (PosixSignal.SIGTERM, "SIGTERM") })
        registrations.Add(PosixSignalRegistration.Create(signal, context =>
        {
            context.Cancel = true;
            stop(name);
        }));
    return new Registrations(registrations);
}

static string Megabytes(long bytes) => bytes > 0 ? $"{bytes / 1e6:F0} MB" : "unknown";

int Fail(string message)
{
    Console.Error.WriteLine($"error: {message}");
    Console.Error.WriteLine(usage);
    return 2;
}

/// <summary>Disposes the signal registrations together.</summary>
sealed class Registrations(List<PosixSignalRegistration> items) : IDisposable
{
    public void Dispose() => items.ForEach(r => r.Dispose());
}
