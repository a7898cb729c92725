using System.Diagnostics;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Analysis.Notebooks.Ipynb;

namespace Analysis.Notebooks.Tests.Packaging;

/// <summary>
/// The library as a package from the local feed the build fills (artifacts/feed): notebooks name the version the
/// build packs, and the sample program under samples/ builds and runs against that package.
/// </summary>
public sealed class PackagingTests
{
    private static readonly string Root = RepositoryPaths.Root(AppContext.BaseDirectory);

    /// <summary>The version in Directory.Build.props, which both packages carry.</summary>
    private static string PackedVersion() =>
        XDocument.Load(Path.Combine(Root, "Directory.Build.props")).Descendants("Version").Single().Value;

    [Fact]
    public void TheBuildFilledTheLocalFeed()
    {
        var version = PackedVersion();
        foreach (var id in new[] { "Analysis", "Analysis.Display" })
            Assert.True(File.Exists(Path.Combine(Root, "artifacts", "feed", $"{id}.{version}.nupkg")), $"artifacts/feed lacks {id} {version}");
    }

    [Fact]
    public void EveryNotebookSetupCellLoadsThePackedVersionAndNamesNoBuildFolder()
    {
        var expected = $"#r \"nuget: Analysis.Display, {PackedVersion()}\"";
        var notebooks = Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb");
        Assert.NotEmpty(notebooks);
        foreach (var path in notebooks)
        {
            var setup = Notebook.Load(path).Cells.First(c => c.IsCode).Source;
            Assert.True(setup.Contains(expected), $"{Path.GetFileName(path)}: the setup cell should contain {expected}");
            Assert.False(Regex.IsMatch(setup, @"\bbin[/\\]"), $"{Path.GetFileName(path)}: the setup cell names a build folder");
        }
    }

    [Fact]
    public async Task SampleProgramBuildsAgainstThePackageAndPrintsFiguresPerOutlet()
    {
        var seeds = Path.Combine(Root, "seeds");
        var start = new ProcessStartInfo("dotnet", ["run", "--project", Path.Combine(Root, "samples", "CoverageReport"), "--", seeds])
        {
            // Not the test process's current directory: while a cell of another test runs, that is the cell's folder,
            // which its test may delete before this process has read it.
            WorkingDirectory = Root,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        // Extracted inside this clone, as the notebooks' engine does (a second clone never lends its copy of the package).
        start.Environment["NUGET_PACKAGES"] = Path.Combine(Root, "artifacts", "packages");
        start.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        var output = await stdout;
        Assert.True(process.ExitCode == 0, $"the sample failed ({process.ExitCode}):\n{output}\n{await stderr}");

        var corpus = Corpus.Load(seeds);
        Assert.StartsWith("Corpus of 5 articles", output);
        var outletOf = corpus.Articles.ToDictionary(a => a.Id, a => a.OutletOrId);
        var perOutlet = corpus.Figures().GroupBy(f => outletOf[f.ArticleId]).ToList();
        Assert.True(perOutlet.Count > 1, "the seeds should give figures for several outlets");
        foreach (var outlet in perOutlet)
            Assert.Contains($"{outlet.Key}: {outlet.Count()} figures", output);
    }
}
