using Analysis.Tests.Loading;
using Microsoft.Data.Analysis;

namespace Analysis.Tests.Tables;

public sealed class TableStoreTests : IDisposable
{
    private readonly TempFolder _temp = new();

    private string _folder => _temp.Path;

    public void Dispose() => _temp.Dispose();

    private static Corpus Seeds() => Corpus.Load(Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds"));

    [Fact]
    public void DatabaseHoldsEveryCsvTableWithTheSameRows()
    {
        var analysis = Seeds().Analyze(new AnalysisOptions { ClusterK = 2 });
        var written = analysis.WriteTables(_folder, TableFormats.All);
        Assert.Contains(written, w => w.Name == "figures" && w.Rows > 0);
        using var db = TableStore.Open(Path.Combine(_folder, TableStore.DatabaseFile));
        foreach (var table in written)
        {
            var csv = DataFrame.LoadCsv(Path.Combine(_folder, table.Name + ".csv"));
            var count = db.Query($"SELECT count(*) AS n FROM \"{table.Name}\"");
            Assert.Equal(csv.Rows.Count, Convert.ToInt64(count.Columns["n"][0]));
            Assert.Equal(table.Rows, csv.Rows.Count);
            // Same columns, in the same order, in the database as in the CSV file's header (which an empty table has too,
            // while LoadCsv reads no columns from a header alone).
            var columns = db.Query($"SELECT * FROM \"{table.Name}\" LIMIT 0").Columns.Select(c => c.Name);
            Assert.Equal(File.ReadLines(Path.Combine(_folder, table.Name + ".csv")).First().Split(','), columns);
        }
    }

    [Fact]
    public void JoinAcrossTablesAgreesWithTheCsvFiles()
    {
        var analysis = Seeds().Analyze(new AnalysisOptions { ClusterK = 2 });
        analysis.WriteTables(_folder, TableFormats.All);
        using var db = TableStore.Open(Path.Combine(_folder, TableStore.DatabaseFile));
        var joined = db.Query("""
            SELECT c.cluster, f.outlet, count(*) AS figures
            FROM figures f JOIN clusters c USING (article_id)
            GROUP BY c.cluster, f.outlet ORDER BY c.cluster, f.outlet
            """);
        // The same count computed from the CSV files by hand.
        var figures = DataFrame.LoadCsv(Path.Combine(_folder, "figures.csv"));
        var clusters = DataFrame.LoadCsv(Path.Combine(_folder, "clusters.csv"));
        var clusterOf = Enumerable.Range(0, (int)clusters.Rows.Count)
            .ToDictionary(i => (string)clusters.Columns["article_id"][i], i => Convert.ToInt64(clusters.Columns["cluster"][i]));
        var expected = Enumerable.Range(0, (int)figures.Rows.Count)
            .GroupBy(i => (Cluster: clusterOf[(string)figures.Columns["article_id"][i]], Outlet: (string)figures.Columns["outlet"][i]))
            .OrderBy(g => g.Key.Cluster).ThenBy(g => g.Key.Outlet, StringComparer.Ordinal)
            .Select(g => $"{g.Key.Cluster}|{g.Key.Outlet}|{g.Count()}").ToList();
        var actual = Enumerable.Range(0, (int)joined.Rows.Count)
            .Select(i => $"{joined.Columns["cluster"][i]}|{joined.Columns["outlet"][i]}|{joined.Columns["figures"][i]}").ToList();
        Assert.NotEmpty(expected);
        Assert.Equal(expected, actual);
    }

    [Fact]
    public void ParquetFilesReadBackWithTheSameRowsAndTypes()
    {
        var analysis = Seeds().Analyze(new AnalysisOptions { ClusterK = 2 });
        analysis.WriteTables(_folder, TableFormats.Csv | TableFormats.Parquet);
        Assert.False(File.Exists(Path.Combine(_folder, TableStore.DatabaseFile)));
        using var db = TableStore.Open(":memory:");
        var path = Path.Combine(_folder, "parquet", "figures.parquet").Replace("'", "''");
        var fromParquet = db.Query($"SELECT * FROM read_parquet('{path}')");
        var csv = DataFrame.LoadCsv(Path.Combine(_folder, "figures.csv"));
        Assert.Equal(csv.Rows.Count, fromParquet.Rows.Count);
        var frame = analysis.Figures.ToDataFrame();
        Assert.Equal(frame.Columns.Select(c => c.DataType), fromParquet.Columns.Select(c => c.DataType));
        Assert.Equal(frame.Columns["surface"].Cast<object>(), fromParquet.Columns["surface"].Cast<object>());
        Assert.Equal(frame.Columns["value"].Cast<object>(), fromParquet.Columns["value"].Cast<object>());
    }
}
