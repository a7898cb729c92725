namespace Analysis.Notebooks.Tests;

public class RepositoryLayoutTests
{
    [Fact]
    public void RepositoryRootHoldsTheNotebooksFolder()
    {
        var root = Analysis.RepositoryPaths.Root(AppContext.BaseDirectory);
        Assert.True(Directory.Exists(Path.Combine(root, "notebooks")), $"no notebooks/ under {root}");
    }
}
