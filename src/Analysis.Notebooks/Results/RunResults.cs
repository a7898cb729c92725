using Analysis.Notebooks.Engine;
using Analysis.Notebooks.Ipynb;

namespace Analysis.Notebooks.Results;

// What a run produced, below both the runner that produces it and the report that renders it, so neither
// reaches into the other.

/// <summary>The outcome of one code cell in a run.</summary>
public static class CellStatus
{
    /// <summary>The cell ran to its end.</summary>
    public const string Completed = "completed";

    /// <summary>The cell threw or failed to compile; its notebook stopped there.</summary>
    public const string Failed = "failed";

    /// <summary>The cell did not run (an earlier cell failed, or the run stopped before it).</summary>
    public const string Skipped = "skipped";

    /// <summary>The cell that was running when the run was stopped (by a signal or the run's time limit).</summary>
    public const string Interrupted = "interrupted";
}

/// <summary>One executed code cell.</summary>
public sealed record CellRun(int Index, string Status, TimeSpan Duration, CellError? Error);

/// <summary>One executed notebook: the notebook with its outputs, and each code cell's outcome.</summary>
public sealed record NotebookRun(string Name, Notebook Executed, IReadOnlyList<CellRun> Cells, TimeSpan Duration)
{
    public CellRun? Failure => Cells.FirstOrDefault(c => c.Error is not null);

    /// <summary>True when a cell was abandoned (it did not stop when cancelled and may still run in this process).</summary>
    public bool Abandoned { get; init; }
}

/// <summary>The whole run. <see cref="StoppedBy"/> says why it ended early (a signal, or the run's time limit), if it did.</summary>
public sealed record RunSummary(IReadOnlyList<NotebookRun> Notebooks, TimeSpan Duration, string ReportPath)
{
    public bool Success => StoppedBy is null && Notebooks.All(n => n.Failure is null);

    /// <summary>Null when the run went to its end; else what stopped it ("SIGTERM", "SIGINT", "timeout").</summary>
    public string? StoppedBy { get; init; }

    /// <summary>
    /// Highest resident set size of the process that ran the notebooks, in bytes (the child processes of an isolated
    /// run, else the runner's own process); 0 where the platform does not report it.
    /// </summary>
    public long PeakNotebookMemory { get; init; }
}
