using Analysis;

/// <summary>Where the benchmarks find the checkout they were built in and the data beside it.</summary>
static class BenchPaths
{
    /// <summary>The checkout this benchmark was built in.</summary>
    public static string Root => RepositoryPaths.Root(AppContext.BaseDirectory);

    /// <summary>A corpus under ../shared/corpora beside the checkout (benchmark data, never part of the project).</summary>
    public static string SharedCorpus(string name) => Path.Combine(Root, "..", "shared", "corpora", name);
}
