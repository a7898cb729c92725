namespace Analysis.Tests.Loading;

/// <summary>Paths the loader tests use: labelled data under the test project, the seeds, ../shared, temporary folders.</summary>
internal static class TestFiles
{
    public static string Root => RepositoryPaths.Root(AppContext.BaseDirectory);
    public static string Seeds => Path.Combine(Root, "seeds");
    public static string Shared => Path.GetFullPath(Path.Combine(Root, "..", "shared"));
    public static string Bbc => Path.Combine(Shared, "corpora", "bbc");

    /// <summary>Rows of a tab-separated file under tests/Analysis.Tests (lines starting with # are comments).</summary>
    public static IEnumerable<string[]> Tsv(params string[] pathUnderTests)
    {
        var path = Path.Combine([Root, "tests", "Analysis.Tests", .. pathUnderTests]);
        foreach (var line in File.ReadLines(path))
            if (line.Length > 0 && !line.StartsWith('#')) yield return line.Split('\t');
    }

    /// <summary>Two-column TSV rows as theory data (a missing second column reads as "").</summary>
    public static TheoryData<string, string> TsvPairs(params string[] pathUnderTests)
    {
        var data = new TheoryData<string, string>();
        foreach (var cols in Tsv(pathUnderTests)) data.Add(cols[0], cols.Length > 1 ? cols[1] : "");
        return data;
    }
}

/// <summary>A temporary folder, deleted on dispose.</summary>
internal sealed class TempFolder : IDisposable
{
    public string Path { get; } = Directory.CreateTempSubdirectory("analysis-tests-").FullName;

    public string File(string name, string text, System.Text.Encoding? encoding = null)
    {
        var full = System.IO.Path.Combine(Path, name);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(full)!);
        System.IO.File.WriteAllText(full, text, encoding ?? new System.Text.UTF8Encoding(false));
        return full;
    }

    public string Bytes(string name, byte[] bytes)
    {
        var full = System.IO.Path.Combine(Path, name);
        System.IO.File.WriteAllBytes(full, bytes);
        return full;
    }

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
