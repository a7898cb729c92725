namespace Analysis;

/// <summary>Finds folders relative to the repository root, so notebooks never name a machine path.</summary>
public static class RepositoryPaths
{
    /// <summary>
    /// The nearest folder at or above <paramref name="start"/> (default: the current directory) that holds
    /// <c>Analysis.sln</c>. Throws with the searched path when there is none.
    /// </summary>
    public static string Root(string? start = null)
    {
        var dir = new DirectoryInfo(start ?? Directory.GetCurrentDirectory());
        for (var d = dir; d is not null; d = d.Parent)
            if (File.Exists(Path.Combine(d.FullName, "Analysis.sln"))) return d.FullName;
        throw new DirectoryNotFoundException($"No Analysis.sln found at or above '{dir.FullName}'.");
    }

    /// <summary>A path under the repository root.</summary>
    public static string Resolve(params string[] parts) => Path.Combine([Root(), .. parts]);

    /// <summary>Resolves a user-given path: absolute stays, relative is taken from the repository root.</summary>
    public static string FromRoot(string path) => Path.IsPathRooted(path) ? path : Path.GetFullPath(Path.Combine(Root(), path));
}
