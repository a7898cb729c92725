namespace Analysis.Notebooks.Engine;

/// <summary>
/// Reads a .dib file (.NET Interactive's plain-text notebook: cells start with a <c>#!kernel</c> line). Used for the
/// <c>extension.dib</c> scripts packages carry for notebook hosts.
/// </summary>
internal static class DibCells
{
    private static readonly HashSet<string> CSharpKernels = new(StringComparer.OrdinalIgnoreCase) { "#!csharp", "#!c#" };

    /// <summary>The C# cells' code joined; a file without kernel lines is C# as a whole (the .dib default kernel).</summary>
    public static string CSharp(string dib)
    {
        var lines = dib.Replace("\r\n", "\n").Split('\n');
        var code = new List<string>();
        var inCSharp = true;
        foreach (var line in lines)
        {
            var trimmed = line.Trim();
            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && !trimmed.Contains(' '))
            {
                // A kernel name starts a cell; other magics (#!time) are blanked, keeping line numbers.
                if (!trimmed.Equals("#!time", StringComparison.OrdinalIgnoreCase)) inCSharp = CSharpKernels.Contains(trimmed);
                code.Add("");
                continue;
            }
            code.Add(inCSharp ? line : "");
        }
        return string.Join("\n", code).Trim();
    }
}
