using Analysis.Notebooks.Results;
using Analysis.Notebooks.Running;

namespace Analysis.Notebooks.Tests.Running;

/// <summary>
/// One runner invocation over every notebook in notebooks/ on seeds/, shared by the tests that assert facts about
/// its outputs, its tables and its report. It writes into a temporary folder, never into artifacts/.
/// </summary>
public sealed class SeedsRunFixture : IAsyncLifetime
{
    public static string Root { get; } = RepositoryPaths.Root(AppContext.BaseDirectory);

    public string Output { get; } = Directory.CreateTempSubdirectory("notebook-run").FullName;

    public RunSummary Summary { get; private set; } = null!;

    public StringWriter Log { get; } = new();

    public async ValueTask InitializeAsync()
    {
        Summary = await NotebookRunner.RunAsync(new RunOptions
        {
            Notebooks = Directory.GetFiles(Path.Combine(Root, "notebooks"), "*.ipynb").Order(StringComparer.Ordinal).ToList(),
            OutputDirectory = Output,
            Parameters = new Dictionary<string, string> { ["output"] = Output },
            Log = Log,
        });
    }

    public ValueTask DisposeAsync()
    {
        Directory.Delete(Output, recursive: true);
        return ValueTask.CompletedTask;
    }
}

/// <summary>The test classes that share one <see cref="SeedsRunFixture"/>.</summary>
[CollectionDefinition(Name)]
public sealed class SeedsRunCollection : ICollectionFixture<SeedsRunFixture>
{
    public const string Name = "seeds run";
}
