namespace Analysis.Notebooks.Tests.Running;

/// <summary>The runner's <c>stream</c> and <c>merge</c> commands as a user starts them: shards, merge, exit codes.</summary>
public sealed class StreamCommandTests : IDisposable
{
    private readonly string folder = Directory.CreateTempSubdirectory("stream-command").FullName;

    public void Dispose() => Directory.Delete(folder, recursive: true);

    private static string Seeds => Path.Combine(SeedsRunFixture.Root, "seeds");

    private Task<(int ExitCode, string Stdout, string Stderr)> Runner(params string[] args) =>
        RunnerCommandTests.RunRunner(folder, args);

    [Fact]
    public async Task TwoShardsAndAMergeWithTheCorpusWriteEveryTable()
    {
        var output = Path.Combine(folder, "run");
        var first = await Runner("stream", "--corpus", Seeds, "--out", output, "--shard", "0/2", "--batch", "2");
        var second = await Runner("stream", "--corpus", Seeds, "--out", output, "--shard", "1/2", "--batch", "2");
        Assert.True(first.ExitCode == 0, first.Stderr);
        Assert.True(second.ExitCode == 0, second.Stderr);
        Assert.Contains("Shard 0/2:", first.Stdout);
        Assert.Contains("Shard 1/2:", second.Stdout);

        var merge = await Runner("merge", "--out", output, "--corpus", Seeds);
        Assert.True(merge.ExitCode == 0, merge.Stderr);
        // Every seed article is in the stories table, and each step of the merge is reported.
        Assert.Contains("stories: 5 rows", merge.Stdout);
        foreach (var table in new[] { "articles", "figures", "quotes", "entities", "timeline", "canonical_entities", "reconciliation", "shared_quotations" })
            Assert.Contains($"\n{table}: ", merge.Stdout);
        Assert.Contains("stories grouped:", merge.Stdout);
        Assert.Contains("peak RSS", merge.Stdout);
        Assert.True(File.Exists(Path.Combine(output, "analysis.duckdb")));
        Assert.True(File.Exists(Path.Combine(output, "merged", "stories.parquet")));
    }

    [Fact]
    public async Task AMergeWithoutTheCorpusSaysWhatItDidNotBuild()
    {
        var output = Path.Combine(folder, "run");
        Assert.Equal(0, (await Runner("stream", "--corpus", Seeds, "--out", output)).ExitCode);
        var merge = await Runner("merge", "--out", output);
        Assert.Equal(0, merge.ExitCode);
        Assert.Contains("no --corpus: stories, reconciliation and shared_quotations not built", merge.Stdout);
        Assert.DoesNotContain("\nstories: ", merge.Stdout);
    }

    [Theory]
    [InlineData("merge", "--out", "x", "--shard", "0/2")]
    [InlineData("stream", "--out", "x", "--shard", "2/2")]
    [InlineData("stream", "--corpus", "seeds")]
    public async Task BadArgumentsExitWithTwoAndTheUsage(params string[] args)
    {
        var (code, _, stderr) = await Runner(args);
        Assert.Equal(2, code);
        Assert.Contains("usage: Analysis.Runner stream", stderr);
    }
}
