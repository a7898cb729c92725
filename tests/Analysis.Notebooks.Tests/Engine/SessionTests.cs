using Analysis.Notebooks.Engine;
using System.IO.Compression;

namespace Analysis.Notebooks.Tests.Engine;

public sealed class SessionTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("session-tests").FullName;
    private readonly NotebookSession session;

    public SessionTests() => session = new NotebookSession(new SessionOptions { WorkingDirectory = folder });

    public void Dispose()
    {
        session.Dispose();
        Directory.Delete(folder, recursive: true);
    }

    private async Task<(CellResult Result, RecordingOutput Output)> Run(string code)
    {
        var output = new RecordingOutput();
        var result = await session.ExecuteAsync(code, output, TestContext.Current.CancellationToken);
        return (result, output);
    }

    /// <summary>Runs <paramref name="code"/> telling the session that <paramref name="next"/> comes after it (compiled ahead).</summary>
    private async Task<CellResult> RunBefore(string code, string next) =>
        await session.ExecuteAsync(code, new RecordingOutput(), TestContext.Current.CancellationToken, nextCode: next);

    [Fact]
    public async Task ACellCompiledAheadRunsAsItWouldHave()
    {
        Assert.True((await RunBefore("var x = 20;", "x + 1")).Success);
        var (value, _) = await Run("x + 1");
        Assert.Equal("21", value.Value!.Data["text/plain"]);
        Assert.True((await RunBefore("var y = 1;", "var z = y;\nz + undefinedName")).Success);
        var (error, _) = await Run("var z = y;\nz + undefinedName");
        Assert.Equal("CompilationError", error.Error!.Name);
        Assert.Equal(2, error.Error.Line);
        Assert.Contains("undefinedName", error.Error.Message);
    }

    [Fact]
    public async Task ACellOtherThanTheAnnouncedOneIsCompiledAsItIs()
    {
        await RunBefore("var x = 1;", "x + 1");
        var (result, _) = await Run("x + 2");
        Assert.Equal("3", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task AScriptLoadedByTheNextCellIsReadWhenThatCellRuns()
    {
        // The file does not exist until the first cell has run (after a pause, so that a compilation started ahead
        // would look for it first and fail).
        var next = "#load \"late.csx\"\nLate()";
        var first = await RunBefore("System.Threading.Thread.Sleep(500);\nSystem.IO.File.WriteAllText(\"late.csx\", \"int Late() => 7;\");", next);
        Assert.True(first.Success, first.Error?.Message);
        var (result, _) = await Run(next);
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("7", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task StateCarriesAcrossCells()
    {
        await Run("var x = 20;\nrecord Point(int X, int Y);");
        var (result, _) = await Run("x + new Point(1, 21).Y");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("41", result.Value!.Data["text/plain"]);
        Assert.Equal(2, result.ExecutionCount);
        Assert.Equal(2, session.ExecutionCount);
    }

    [Fact]
    public async Task TrailingExpressionIsTheValueAndStatementsHaveNone()
    {
        var (withValue, _) = await Run("var s = \"abc\";\ns.ToUpper()");
        var (nullValue, _) = await Run("string? n = null;\nn");
        var (statement, _) = await Run("var t = 3;");
        var (voidCall, _) = await Run("Console.Write(\"\")");
        Assert.Equal("ABC", withValue.Value!.Data["text/plain"]);
        Assert.NotNull(nullValue.Value);
        Assert.Null(statement.Value);
        Assert.Null(voidCall.Value);
    }

    [Fact]
    public async Task ListsAreShownAsHtml()
    {
        var (result, _) = await Run("new List<int> { 7, 8, 9 }");
        Assert.Contains("text/html", result.Value!.Data.Keys);
        Assert.Contains("8", result.Value.Data["text/html"]);
    }

    [Fact]
    public async Task AFailingFormatterStillShowsTheValueAsText()
    {
        await Run("class Grumpy { public override string ToString() => \"grumpy\"; }\n" +
            "Microsoft.DotNet.Interactive.Formatting.Formatter.Register<Grumpy>(g => throw new InvalidOperationException(\"no html\"), \"text/html\");");
        var (result, _) = await Run("new Grumpy()");
        Assert.True(result.Success);
        Assert.Contains("grumpy", result.Value!.Data["text/plain"]);
        Assert.Contains("no html", result.Value.Data["text/plain"]);
    }

    [Fact]
    public async Task TopLevelAwaitWorks()
    {
        var (result, _) = await Run("await Task.Delay(1);\nawait Task.FromResult(5)");
        Assert.Equal("5", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task ConsoleAndDisplayGoToTheCellInOrder()
    {
        var (result, output) = await Run("Console.WriteLine(\"one\");\ndisplay(2);\nConsole.Error.WriteLine(\"warn\");\n3.Display();\nConsole.Write(\"tail\");");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("one\ntail", output.Stdout);
        Assert.Equal(["warn\n"], output.Streams.Where(s => s.Name == "stderr").Select(s => s.Text));
        Assert.Equal(["2", "3"], output.Displays.Select(d => d.Data.Data["text/plain"]));
    }

    [Fact]
    public async Task DisplayedValuesCanBeUpdatedInPlace()
    {
        var (_, output) = await Run("var shown = display(\"first\");\nshown.Update(\"second\");");
        Assert.Equal(2, output.Displays.Count);
        Assert.Equal(output.Displays[0].Id, output.Displays[1].Id);
        Assert.True(output.Displays[1].Update);
        Assert.Equal("second", output.Displays[1].Data.Data["text/plain"]);
    }

    [Fact]
    public async Task CompileErrorNamesTheCellLine()
    {
        var (result, _) = await Run("var a = 1;\nvar b = 2;\nvar c = missing + 1;");
        Assert.False(result.Success);
        Assert.Equal("CompilationError", result.Error!.Name);
        Assert.Equal(3, result.Error.Line);
        Assert.Contains("CS0103", result.Error.Message);
    }

    [Fact]
    public async Task RuntimeErrorNamesTheCellLineAndKeepsEarlierState()
    {
        var (result, _) = await Run("var kept = 5;\n\nthrow new InvalidOperationException(\"boom\");");
        Assert.False(result.Success);
        Assert.Equal("InvalidOperationException", result.Error!.Name);
        Assert.Equal("boom", result.Error.Message);
        Assert.Equal(3, result.Error.Line);
        var (next, _) = await Run("kept");
        Assert.Equal("5", next.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task MagicsAreStrippedAndTimeIsReported()
    {
        var (result, output) = await Run("#!csharp\n#!time\nvar m = 1;\nthrow new Exception(\"line 4\");");
        Assert.Equal(4, result.Error!.Line);
        var (timed, timedOutput) = await Run("#!time\nm + 1");
        Assert.Equal("2", timed.Value!.Data["text/plain"]);
        Assert.Contains("Wall time:", timedOutput.Stdout);
    }

    [Theory]
    [InlineData("#!fsharp\nlet x = 1", 1, "#!fsharp")]
    [InlineData("var a = 1;\n#pragma warning disable\n#foo bar", 3, "#foo")]
    [InlineData("#i \"not-a-source\"", 1, "#i")]
    public async Task UnsupportedDirectiveFailsTheCellClearly(string code, int line, string named)
    {
        var (result, _) = await Run(code);
        Assert.False(result.Success);
        Assert.Equal("DirectiveError", result.Error!.Name);
        Assert.Equal(line, result.Error.Line);
        Assert.Contains(named, result.Error.Message);
    }

    [Fact]
    public async Task PreprocessorDirectivesAreLeftToTheCompiler()
    {
        var (result, _) = await Run("#nullable enable\n#region setup\n#  if DEBUG\nvar d = 1;\n#  endif\n#endregion\n#pragma warning disable CS0168\n\"done\"");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("done", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task HashLinesInsideStringsAreCode()
    {
        var (result, _) = await Run("var s = \"\"\"\n#not a directive\n\"\"\";\ns");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("#not a directive", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task ReferenceToAMissingDllFailsWithItsPath()
    {
        var (result, _) = await Run("#r \"lib/none.dll\"\n1");
        Assert.False(result.Success);
        Assert.Equal(1, result.Error!.Line);
        Assert.Contains(Path.Combine(folder, "lib", "none.dll"), result.Error.Message);
    }

    [Fact]
    public async Task LoadRunsAScriptRelativeToTheWorkingDirectory()
    {
        File.WriteAllText(Path.Combine(folder, "helpers.csx"), "int Twice(int v) => 2 * v;");
        var (result, _) = await Run("#load \"helpers.csx\"\nTwice(21)");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("42", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task CellsRunInTheWorkingDirectory()
    {
        var (result, _) = await Run("Environment.CurrentDirectory");
        Assert.Equal(folder, result.Value!.Data["text/plain"]);
    }

    [Theory]
    [InlineData("var x = 1;", "complete")]
    [InlineData("if (true) {", "incomplete")]
    [InlineData("#r \"nuget: A, 1\"\nvar x = 1;", "complete")]
    [InlineData("var = ;", "invalid")]
    public void IsCompleteTellsWhetherCodeCanRun(string code, string status) =>
        Assert.Equal(status, session.IsComplete(code).Status);

    [Fact]
    public async Task ReferencesADllRelativeToTheWorkingDirectory()
    {
        Directory.CreateDirectory(Path.Combine(folder, "lib"));
        TinyLibrary.Compile(Path.Combine(folder, "lib", "Tiny.dll"), "namespace Tiny; public static class Greeter { public static string Hello(string name) => $\"hello {name}\"; }");
        var (result, _) = await Run("#r \"lib/Tiny.dll\"\nTiny.Greeter.Hello(\"cell\")");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("hello cell", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task ReferencesANuGetPackageThroughARealRestore()
    {
        var (result, output) = await Run("#r \"nuget: Humanizer.Core, 2.14.1\"\nusing Humanizer;\n\"NotebookEngineTest\".Humanize()");
        Assert.SkipWhen(result.Error is { Name: "NuGetRestoreError" } e && (e.Message.Contains("NU1301") || e.Message.Contains("service index")),
            $"the NuGet registry is unreachable: {result.Error?.Message}");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("Notebook engine test", result.Value!.Data["text/plain"]);
        Assert.Contains("Installed packages: Humanizer.Core, 2.14.1", output.Stdout);
    }

    [Fact]
    public async Task APackageSourceGivenInACellOfItsOwnServesALaterCell()
    {
        // A package no registry has, in a local feed: only the "#i" of the cell before can find it.
        var version = $"1.0.{Random.Shared.Next()}";
        var feed = Directory.CreateDirectory(Path.Combine(folder, "feed")).FullName;
        var dll = Path.Combine(folder, "SourceTiny.dll");
        TinyLibrary.Compile(dll, "namespace SourceTiny; public static class Greeter { public static string Hello() => \"from the feed\"; }");
        using (var zip = ZipFile.Open(Path.Combine(feed, $"sourcetiny.{version}.nupkg"), ZipArchiveMode.Create))
        {
            using (var nuspec = new StreamWriter(zip.CreateEntry("SourceTiny.nuspec").Open()))
                nuspec.Write($"<?xml version=\"1.0\"?><package xmlns=\"http://schemas.microsoft.com/packaging/2013/05/nuspec.xsd\"><metadata>" +
                    $"<id>SourceTiny</id><version>{version}</version><authors>tests</authors><description>test package</description></metadata></package>");
            zip.CreateEntryFromFile(dll, $"lib/net{Environment.Version.Major}.0/SourceTiny.dll");
        }
        var (source, _) = await Run("#i \"nuget: feed\"");
        Assert.True(source.Success, source.Error?.Message);
        var (result, _) = await Run($"#r \"nuget: SourceTiny, {version}\"\nSourceTiny.Greeter.Hello()");
        Assert.True(result.Success, result.Error?.Message);
        Assert.Equal("from the feed", result.Value!.Data["text/plain"]);
    }

    [Fact]
    public async Task AnUnknownPackageFailsTheCellWithTheRestoreError()
    {
        var (result, _) = await Run("#r \"nuget: No.Such.Package.For.Notebook.Tests, 1.0.0\"\n1");
        Assert.False(result.Success);
        Assert.Equal("NuGetRestoreError", result.Error!.Name);
        Assert.Contains("No.Such.Package.For.Notebook.Tests", result.Error.Message);
    }
}
