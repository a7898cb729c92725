using Microsoft.Data.Analysis;

namespace Analysis.Tests.Streaming;

public sealed class CorpusStreamTests : IDisposable
{
    private readonly string _root = Path.Combine(Path.GetTempPath(), "corpus-stream-" + Guid.NewGuid().ToString("N"));

    public void Dispose()
    {
        if (Directory.Exists(_root)) Directory.Delete(_root, recursive: true);
    }

    private static string RepoRoot => RepositoryPaths.Root(AppContext.BaseDirectory);

    private string Folder(string name) => Path.Combine(_root, name);

    /// <summary>Every row of <paramref name="table"/> in database <paramref name="a"/> and not in <paramref name="b"/> (and back).</summary>
    private static long Differences(string a, string b, string table)
    {
        using var db = TableStore.Open(":memory:");
        var q = db.Query($"""
            ATTACH '{a.Replace("'", "''")}' AS a (READ_ONLY); ATTACH '{b.Replace("'", "''")}' AS b (READ_ONLY);
            SELECT (SELECT count(*) FROM (SELECT * FROM a."{table}" EXCEPT ALL SELECT * FROM b."{table}"))
                 + (SELECT count(*) FROM (SELECT * FROM b."{table}" EXCEPT ALL SELECT * FROM a."{table}")) AS n
            """);
        return Convert.ToInt64(q.Columns["n"][0]);
    }

    private void ShardsEqualOneRun(IReadOnlyList<Article> articles, int shards, int batch)
    {
        var one = CorpusStream.Analyze(articles, Folder("one"), new StreamOptions { BatchSize = batch });
        var rowsOne = CorpusStream.Merge(Folder("one"));
        long articlesInShards = 0;
        for (int i = 0; i < shards; i++)
            articlesInShards += CorpusStream.Analyze(articles, Folder("shards"), new StreamOptions { BatchSize = batch, Shard = new Shard(i, shards) }).Articles;
        var rowsShards = CorpusStream.Merge(Folder("shards"));

        Assert.Equal(articles.Count, one.Articles);
        Assert.Equal(articles.Count, articlesInShards);
        Assert.Equal(shards, Directory.GetFiles(Path.Combine(Folder("shards"), "parquet", "figures"), "*.parquet").Length);
        Assert.Equal(rowsOne, rowsShards);
        Assert.True(rowsOne["figures"] > 0 && rowsOne["quotes"] > 0 && rowsOne["entities"] > 0);
        foreach (var table in rowsOne.Keys)
            Assert.True(Differences(Path.Combine(Folder("one"), TableStore.DatabaseFile), Path.Combine(Folder("shards"), TableStore.DatabaseFile), table) == 0,
                $"{table}: the shards' rows differ from one run's");
    }

    [Fact]
    public void FourShardsMergedGiveTheRowsOfOneRunOnTheSeeds() =>
        ShardsEqualOneRun(Corpus.Load(Path.Combine(RepoRoot, "seeds")).Articles, shards: 4, batch: 2);

    [Fact]
    public void FourShardsMergedGiveTheRowsOfOneRunOnAllSides()
    {
        var allsides = Path.Combine(RepoRoot, "..", "shared", "corpora", "allsides", "articles");
        Assert.SkipUnless(Directory.Exists(allsides), $"AllSides corpus not found at {allsides} (it sits in ../shared beside the repository).");
        // From the folder: each shard reads only its own files (and their load-report rows).
        var one = CorpusStream.Analyze(allsides, Folder("one"), new StreamOptions { BatchSize = 300 });
        var rowsOne = CorpusStream.Merge(Folder("one"));
        long inShards = 0;
        for (int i = 0; i < 4; i++)
            inShards += CorpusStream.Analyze(allsides, Folder("shards"), new StreamOptions { BatchSize = 300, Shard = new Shard(i, 4) }).Articles;
        var rowsShards = CorpusStream.Merge(Folder("shards"));
        Assert.Equal(Corpus.Load(allsides).Articles.Count, one.Articles);
        Assert.Equal(one.Articles, inShards);
        Assert.Equal(rowsOne, rowsShards);
        foreach (var table in rowsOne.Keys)
            Assert.True(Differences(Path.Combine(Folder("one"), TableStore.DatabaseFile), Path.Combine(Folder("shards"), TableStore.DatabaseFile), table) == 0,
                $"{table}: the shards' rows differ from one run's");
    }

    [Fact]
    public void AStreamedLoadGivesTheArticlesAndReportOfAWholeLoad()
    {
        var folder = Folder("corpus");
        Directory.CreateDirectory(Path.Combine(folder, "b"));
        File.WriteAllText(Path.Combine(folder, "a.txt"), "Officials said 12 people were hurt on Monday.");
        File.WriteAllText(Path.Combine(folder, "b", "c.txt"), "The council approved the plan on Tuesday.");
        File.WriteAllText(Path.Combine(folder, "b", "d.txt"), "Officials said 12 people were hurt on Monday.");
        File.WriteAllBytes(Path.Combine(folder, "e.bin"), [0, 1, 2, 3]);
        File.WriteAllText(Path.Combine(folder, "manifest.csv"), "file,outlet\na.txt,Daily\nmissing.txt,Other\n");
        var whole = CorpusLoader.Load(folder, new LoadOptions());
        var chunks = CorpusLoader.Stream(folder, new LoadOptions(), chunkSize: 2).ToList();
        Assert.True(chunks.Count >= 3);
        Assert.Equal(whole.Articles.Select(a => a.Id), chunks.SelectMany(c => c.Articles).Select(a => a.Id));
        Assert.Equal(whole.Report, chunks.SelectMany(c => c.Report));
        Assert.Contains(whole.Report, r => r.Status == LoadStatus.Skipped);
        Assert.Equal(chunks[^1].Total, chunks[^1].Done);
    }

    [Fact]
    public void ABatchOfOneReadsEachArticleAsItsOwnCorpusDoes()
    {
        // Streaming reads each article alone: its per-article tables equal those of a corpus of that one article.
        var seeds = Corpus.Load(Path.Combine(RepoRoot, "seeds")).Articles;
        CorpusStream.Analyze(seeds, Folder("s"), new StreamOptions { BatchSize = 3 });
        CorpusStream.Merge(Folder("s"));
        var expected = seeds.SelectMany(a => new Corpus([a]).Figures()).Select(f => $"{f.ArticleId}|{f.Start}|{f.Value}|{f.Measure}").Order(StringComparer.Ordinal).ToList();
        var actual = TableStore.Query(Path.Combine(Folder("s"), TableStore.DatabaseFile), "SELECT article_id, start, value, measure FROM figures");
        var rows = Enumerable.Range(0, (int)actual.Rows.Count)
            .Select(i => $"{actual.Columns[0][i]}|{actual.Columns[1][i]}|{Convert.ToDouble(actual.Columns[2][i]).ToString(System.Globalization.CultureInfo.InvariantCulture)}|{actual.Columns[3][i]}")
            .Order(StringComparer.Ordinal).ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected.Select(e => e.Replace(",", ".")), rows);
    }

    [Fact]
    public void ProgressIsReportedPerBatchWithRateAndEta()
    {
        var seeds = Corpus.Load(Path.Combine(RepoRoot, "seeds")).Articles;
        var seen = new List<StreamProgress>();
        CorpusStream.Analyze(seeds, Folder("p"), new StreamOptions { BatchSize = 2, Progress = new SyncProgress(seen) }, total: seeds.Count);
        Assert.Equal([2L, 4L, 5L], seen.Select(p => p.Articles));
        Assert.All(seen, p => Assert.True(p.Bytes > 0));
        Assert.NotNull(seen[0].Eta);
        Assert.Contains("of 5 articles", seen[^1].ToString());
    }

    [Fact]
    public void ShardsAreParsedAndSplitTheInputsWithoutOverlap()
    {
        Assert.Equal(new Shard(2, 4), Shard.Parse("2/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("4/4"));
        Assert.Throws<FormatException>(() => Shard.Parse("x"));
        var keys = Enumerable.Range(0, 1000).Select(i => $"folder/{i}.txt").ToList();
        var owners = keys.Select(k => Enumerable.Range(0, 4).Single(i => new Shard(i, 4).Owns(k))).ToList();
        Assert.All(Enumerable.Range(0, 4), i => Assert.InRange(owners.Count(o => o == i), 150, 350));
    }

    private sealed class SyncProgress(List<StreamProgress> seen) : IProgress<StreamProgress>
    {
        public void Report(StreamProgress value) => seen.Add(value);
    }
}
