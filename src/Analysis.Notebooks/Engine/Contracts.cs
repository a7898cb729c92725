namespace Analysis.Notebooks.Engine;

/// <summary>How a <see cref="NotebookSession"/> is set up.</summary>
public sealed record SessionOptions
{
    /// <summary>The folder cells run in: the current directory during a cell, and the base of relative <c>#r</c> and <c>#load</c> paths.</summary>
    public string WorkingDirectory { get; init; } = Directory.GetCurrentDirectory();

    /// <summary>Where restored <c>#r "nuget:"</c> projects are cached; outside any repository so its build files do not leak in.</summary>
    public string NuGetCacheDirectory { get; init; } = Path.Combine(Path.GetTempPath(), "analysis-notebooks", "nuget");

    /// <summary>
    /// How long a cancelled cell may take to stop. A cell still running then is abandoned: the cell fails with
    /// <c>CellAbandoned</c>, the session goes on from the state before it, and the abandoned code may go on in the background.
    /// </summary>
    public TimeSpan InterruptGracePeriod { get; init; } = TimeSpan.FromSeconds(3);
}

/// <summary>Receives what a running cell produces, as it produces it.</summary>
public interface ICellOutput
{
    /// <summary>Console text written by the cell; <paramref name="name"/> is "stdout" or "stderr".</summary>
    void Stream(string name, string text);

    /// <summary>A value shown with <c>display(x)</c> or <c>x.Display()</c>; <paramref name="update"/> replaces the output with <paramref name="displayId"/>.</summary>
    void Display(DisplayData data, string? displayId = null, bool update = false);
}

/// <summary>A rendered value: MIME type → content (<c>text/html</c>, <c>text/plain</c>), as Jupyter's display data.</summary>
public sealed record DisplayData(IReadOnlyDictionary<string, string> Data)
{
    /// <summary>Plain text only.</summary>
    public static DisplayData PlainText(string text) => new(new Dictionary<string, string> { ["text/plain"] = text });
}

/// <summary>The outcome of one cell. <see cref="Value"/> is the cell's trailing expression (Jupyter's execute_result), if any.</summary>
public sealed record CellResult(bool Success, int ExecutionCount, DisplayData? Value, CellError? Error, TimeSpan Duration)
{
    /// <summary>True when the cell was cancelled because it ran past the time limit it was given.</summary>
    public bool TimedOut { get; init; }
}

/// <summary>Why a cell failed. <see cref="Line"/> is 1-based within the cell, when the error points into it.</summary>
public sealed record CellError(string Name, string Message, IReadOnlyList<string> Traceback, int? Line);

/// <summary>Whether code can run as is (Jupyter's is_complete): "complete", "incomplete" or "invalid".</summary>
public sealed record IsCompleteResult(string Status, string Indent = "")
{
    public static IsCompleteResult Complete { get; } = new("complete");
    public static IsCompleteResult Incomplete { get; } = new("incomplete", "    ");
    public static IsCompleteResult Invalid { get; } = new("invalid");
}
