namespace Analysis.Kernel.Tests;

public class KernelProjectTests
{
    [Fact]
    public void KernelProjectIsInTheRepository()
    {
        var root = Analysis.RepositoryPaths.Root(AppContext.BaseDirectory);
        Assert.True(File.Exists(Path.Combine(root, "src", "Analysis.Kernel", "Analysis.Kernel.csproj")));
    }
}
