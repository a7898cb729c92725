namespace Analysis.Tests.Extraction.Entities;

/// <summary>Reads the hand-labelled TSV files of the text tests (blank lines and # comments skipped).</summary>
internal static class LabelledData
{
    /// <summary>The tab-separated fields of every data line of tests/Analysis.Tests/<paramref name="relative"/>.</summary>
    public static IEnumerable<string[]> Rows(string relative)
    {
        var path = Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "tests", "Analysis.Tests", relative);
        return File.ReadLines(path).Where(l => l.Length > 0 && !l.StartsWith('#')).Select(l => l.Split('\t'));
    }

    /// <summary>Rows of five fields as xunit theory data.</summary>
    public static TheoryData<string, string, string, string, string> Five(string relative)
    {
        var data = new TheoryData<string, string, string, string, string>();
        foreach (var f in Rows(relative)) data.Add(f[0], f[1], f[2], f[3], f[4]);
        return data;
    }
}
