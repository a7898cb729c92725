using Analysis.Tests.Loading;
using Microsoft.Data.Analysis;

namespace Analysis.Tests.Streaming;

public sealed class CorpusStreamTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string _root => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static string RepoRoot => RepositoryPaths.Root(AppContext.BaseDirectory);

    private string Folder(string name) => Path.Combine(_root, name);

    /// <summary>
    /// Rows of <paramref name="table"/> in database <paramref name="a"/> and not in <paramref name="b"/> (and back),
    /// over <paramref name="columns"/> (default all).
    /// </summary>
    private static long Differences(string a, string b, string table, string columns = "*")
    {
        using var db = TableStore.Open(":memory:");
        var q = db.Query($"""
            ATTACH '{a.Replace("'", "''")}' AS a (READ_ONLY); ATTACH '{b.Replace("'", "''")}' AS b (READ_ONLY);
            SELECT (SELECT count(*) FROM (SELECT {columns} FROM a."{table}" EXCEPT ALL SELECT {columns} FROM b."{table}"))
                 + (SELECT count(*) FROM (SELECT {columns} FROM b."{table}" EXCEPT ALL SELECT {columns} FROM a."{table}")) AS n
            """);
        return Convert.ToInt64(q.Columns["n"][0]);
    }

    private static readonly string[] CrossArticleTables = ["stories", "reconciliation", "shared_quotations"];

    /// <summary>
    /// One stream of the corpus merged, and <paramref name="shards"/> shards of it merged, give the same rows in every
    /// table, the cross-article ones included; and those equal the tables of one in-memory analysis of the corpus.
    /// </summary>
    private void ShardsEqualOneRun(string corpusPath, int shards, int batch, params string[] nonEmpty)
    {
        var one = CorpusStream.Analyze(corpusPath, Folder("one"), new StreamOptions { BatchSize = batch });
        var rowsOne = CorpusStream.Merge(Folder("one"), corpusPath).Rows;
        long articlesInShards = 0;
        for (int i = 0; i < shards; i++)
            articlesInShards += CorpusStream.Analyze(corpusPath, Folder("shards"), new StreamOptions { BatchSize = batch, Shard = new Shard(i, shards) }).Articles;
        var rowsShards = CorpusStream.Merge(Folder("shards"), corpusPath).Rows;

        var corpus = Corpus.Load(corpusPath);
        Assert.Equal(corpus.Articles.Count, one.Articles);
        Assert.Equal(corpus.Articles.Count, articlesInShards);
        Assert.Equal(shards, Directory.GetFiles(Path.Combine(Folder("shards"), "parquet", "figures"), "*.parquet").Length);
        Assert.Equal(rowsOne, rowsShards);
        Assert.True(rowsOne["figures"] > 0 && rowsOne["quotes"] > 0 && rowsOne["entities"] > 0);
        Assert.All(nonEmpty, t => Assert.True(rowsOne[t] > 0, $"{t} is empty"));
        Assert.Equal(corpus.Articles.Count, rowsOne["stories"]);
        string dbOne = Path.Combine(Folder("one"), TableStore.DatabaseFile);
        foreach (var table in rowsOne.Keys)
            Assert.True(Differences(dbOne, Path.Combine(Folder("shards"), TableStore.DatabaseFile), table) == 0,
                $"{table}: the shards' rows differ from one run's");

        // The same tables from the whole corpus in memory, through CoverageAnalysis.
        var memory = Folder("memory");
        Directory.CreateDirectory(memory);
        var tables = corpus.Analyze().Tables.Where(t => CrossArticleTables.Contains(t.Name)).ToList();
        foreach (var t in tables) TableStore.WriteParquet(t.Build(), Path.Combine(memory, t.Name + ".parquet"));
        var dbMemory = Path.Combine(memory, TableStore.DatabaseFile);
        TableStore.WriteDuckDb(tables.Select(t => (t.Name, Path.Combine(memory, t.Name + ".parquet"))), dbMemory);
        Assert.True(Differences(dbOne, dbMemory, "stories") == 0, "stories: the merge's differ from the in-memory analysis's");
        Assert.True(Differences(dbOne, dbMemory, "reconciliation") == 0, "reconciliation: the merge's differ from the in-memory analysis's");
        // Speakers are canonical names: merged within each article in a stream, across the corpus in memory.
        Assert.True(Differences(dbOne, dbMemory, "shared_quotations", "* EXCLUDE (speaker)") == 0,
            "shared_quotations: the merge's differ from the in-memory analysis's");
    }

    [Fact]
    public void FourShardsMergedGiveTheTablesOfOneRunOnTheSeeds() =>
        ShardsEqualOneRun(Path.Combine(RepoRoot, "seeds"), shards: 4, batch: 2, "stories", "reconciliation");

    [Fact]
    public void FourShardsMergedGiveTheTablesOfOneRunOnAllSides()
    {
        var allsides = Path.Combine(RepoRoot, "..", "shared", "corpora", "allsides", "articles");
        Assert.SkipUnless(Directory.Exists(allsides), $"AllSides corpus not found at {allsides} (it sits in ../shared beside the repository).");
        // From the folder: each shard reads only its own files (and their load-report rows).
        ShardsEqualOneRun(allsides, shards: 4, batch: 300, CrossArticleTables);
    }

    [Fact]
    public void AMergeGivenAnotherCorpusThanTheShardsReadSaysSo()
    {
        var seeds = Path.Combine(RepoRoot, "seeds");
        CorpusStream.Analyze(seeds, Folder("half"), new StreamOptions { Shard = new Shard(0, 2) });
        // Only one of two shards streamed: the corpus holds articles the tables do not.
        var missing = Assert.Throws<InvalidDataException>(() => CorpusStream.Merge(Folder("half"), seeds));
        Assert.Contains("every shard's parts", missing.Message);
        var other = Folder("other");
        Directory.CreateDirectory(other);
        File.WriteAllText(Path.Combine(other, "x.txt"), "Officials said 12 people were hurt on Monday.");
        var wrong = Assert.Throws<InvalidDataException>(() => CorpusStream.Merge(Folder("half"), other));
        Assert.Contains("is not in the corpus", wrong.Message);
    }

    [Fact]
    public void CanonicalEntitiesOfAMergeCountEveryShareAsTheLibraryDoes()
    {
        // The library's own count (EntitySet.Canonical) over the same names: each article's merged within it, as a stream reads them.
        var seeds = Corpus.Load(Path.Combine(RepoRoot, "seeds"));
        var expected = Corpus.Batch(seeds.Articles).Entities().Canonical;
        for (int i = 0; i < 3; i++)
            CorpusStream.Analyze(seeds.Articles, Folder("c"), new StreamOptions { BatchSize = 1, Shard = new Shard(i, 3) });
        var rows = CorpusStream.Merge(Folder("c"));
        var actual = TableStore.Query(Path.Combine(Folder("c"), TableStore.DatabaseFile), "SELECT * FROM canonical_entities");
        Assert.Equal(expected.Count, rows["canonical_entities"]);
        Assert.Contains(expected, e => e.Articles > 1);
        Assert.Equal(["canonical", "kind", "mentions", "articles", "outlets", "variants"], actual.Columns.Select(c => c.Name));
        string Key(object? canonical, object? kind) => $"{canonical}|{kind}";
        var byName = Enumerable.Range(0, (int)actual.Rows.Count).ToDictionary(i => Key(actual.Columns[0][i], actual.Columns[1][i]));
        var table = expected.ToDataFrame();
        for (int i = 0; i < table.Rows.Count; i++)
        {
            int row = byName[Key(table.Columns["canonical"][i], table.Columns["kind"][i])];
            foreach (var column in new[] { "mentions", "articles", "outlets", "variants" })
                Assert.Equal(Convert.ToString(table.Columns[column][i]), Convert.ToString(actual.Columns[column][row]));
        }
    }

    [Fact]
    public void StreamingArticlesInMemoryGivesTheRowsOfTheSameArticlesFromTheirFolder()
    {
        var seeds = Path.Combine(RepoRoot, "seeds");
        CorpusStream.Analyze(Corpus.Load(seeds).Articles, Folder("list"), new StreamOptions { BatchSize = 2, Shard = new Shard(1, 2) });
        CorpusStream.Analyze(Corpus.Load(seeds).Articles, Folder("list"), new StreamOptions { BatchSize = 2, Shard = new Shard(0, 2) });
        CorpusStream.Analyze(seeds, Folder("folder"), new StreamOptions { BatchSize = 5 });
        // Only the load report differs: a folder's lists its manifest too.
        var rows = CorpusStream.Merge(Folder("list")).Where(t => t.Key != "load_report").ToList();
        Assert.Equal(rows, CorpusStream.Merge(Folder("folder")).Where(t => t.Key != "load_report"));
        foreach (var (table, _) in rows)
            Assert.True(Differences(Path.Combine(Folder("list"), TableStore.DatabaseFile), Path.Combine(Folder("folder"), TableStore.DatabaseFile), table) == 0,
                $"{table}: a stream of the loaded articles differs from a stream of their folder");
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
