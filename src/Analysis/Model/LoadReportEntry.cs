namespace Analysis;

/// <summary>Outcome of loading one input file (or one row of a CSV/JSONL source).</summary>
public enum LoadStatus { Loaded, LoadedWithWarnings, Skipped }

/// <summary>One row of the load report: every input is listed, nothing is skipped silently.</summary>
public sealed record LoadReportEntry(string File, string? ArticleId, LoadStatus Status, string? Reason);
