using System.Runtime.InteropServices;
using DuckDB.NET.Data;
using Microsoft.Data.Analysis;
using Parquet;
using Parquet.Schema;

namespace Analysis;

/// <summary>The file formats <see cref="CoverageAnalysis.WriteTables(string, TableFormats)"/> writes.</summary>
[Flags]
public enum TableFormats
{
    /// <summary><c>&lt;name&gt;.csv</c>: RFC 4180, for spreadsheets and small corpora.</summary>
    Csv = 1,
    /// <summary><c>parquet/&lt;name&gt;.parquet</c>: typed, compressed columns for large corpora and other tools (Spark, pandas, DuckDB).</summary>
    Parquet = 2,
    /// <summary><c>analysis.duckdb</c>: one DuckDB database holding every table, for SQL across tables (built from the Parquet files).</summary>
    DuckDb = 4,
    /// <summary>All three.</summary>
    All = Csv | Parquet | DuckDb,
}

/// <summary>
/// Writes tables as Parquet files and a DuckDB database with the same columns and types as the DataFrames (and so
/// as the CSV files): strings stay strings, integers 32- or 64-bit integers, doubles doubles, booleans booleans,
/// and missing values are nulls. One schema, documented once in the README.
/// </summary>
public static class TableStore
{
    /// <summary>The database file name inside a tables folder.</summary>
    public const string DatabaseFile = "analysis.duckdb";

    /// <summary>Writes <paramref name="table"/> to <paramref name="path"/> as one Parquet row group (snappy-compressed).</summary>
    public static void WriteParquet(DataFrame table, string path)
    {
        using var writer = new ParquetTableWriter(path);
        writer.Append(table);
    }

    /// <summary>
    /// Creates (or replaces) the DuckDB database <paramref name="databasePath"/> with one table per Parquet file,
    /// named after it. Existing tables of other names are kept, so several runs can share a database.
    /// </summary>
    public static void WriteDuckDb(IEnumerable<(string Name, string ParquetPath)> tables, string databasePath)
    {
        ArgumentNullException.ThrowIfNull(tables);
        using var connection = Open(databasePath);
        // One thread: the tables WriteTables writes are one Parquet row group each, which DuckDB scans with one thread, and the
        // extra threads only coordinated (BBC tables, 12 MB database: 0.6 s CPU and wall with one thread, 0.85-0.95 s
        // with the default of one per core; 2-core machine, load 2.2, 2026-12-01). Insertion order is kept either way.
        using (var setting = connection.CreateCommand())
        {
            setting.CommandText = "SET threads = 1";
            setting.ExecuteNonQuery();
        }
        // One transaction: one commit to the file for all the tables, not one per table.
        using var transaction = connection.BeginTransaction();
        foreach (var (name, parquet) in tables)
        {
            using var command = connection.CreateCommand();
            command.Transaction = transaction;
            command.CommandText = $"CREATE OR REPLACE TABLE {Identifier(name)} AS SELECT * FROM read_parquet({Literal(Path.GetFullPath(parquet))})";
            command.ExecuteNonQuery();
        }
        transaction.Commit();
    }

    /// <summary>
    /// Opens a DuckDB database (created when missing) for SQL over the tables:
    /// <c>using var db = TableStore.Open("artifacts/tables/analysis.duckdb");</c>. Pass <c>":memory:"</c> for an
    /// in-memory database that can still read the Parquet files with <c>read_parquet</c>.
    /// </summary>
    public static DuckDBConnection Open(string databasePath)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(databasePath);
        NativeDuckDb.EnsureLoaded();
        var connection = new DuckDBConnection($"Data Source={(databasePath == ":memory:" ? databasePath : Path.GetFullPath(databasePath))}");
        connection.Open();
        return connection;
    }

    /// <summary>
    /// Opens the database at <paramref name="databasePath"/>, runs <paramref name="sql"/>, closes it and returns the
    /// result as a DataFrame: one line in a notebook cell.
    /// </summary>
    public static DataFrame Query(string databasePath, string sql)
    {
        using var connection = Open(databasePath);
        return connection.Query(sql);
    }

    /// <summary>Runs <paramref name="sql"/> and returns its result as a DataFrame (for a notebook cell).</summary>
    public static DataFrame Query(this DuckDBConnection connection, string sql)
    {
        ArgumentNullException.ThrowIfNull(connection);
        using var command = connection.CreateCommand();
        command.CommandText = sql;
        using var reader = command.ExecuteReader();
        var columns = new List<DataFrameColumn>();
        for (int i = 0; i < reader.FieldCount; i++)
        {
            var type = reader.GetFieldType(i);
            var name = reader.GetName(i);
            columns.Add(type == typeof(int) ? new Int32DataFrameColumn(name)
                : type == typeof(long) ? new Int64DataFrameColumn(name)
                : type == typeof(double) || type == typeof(float) || type == typeof(decimal) ? new DoubleDataFrameColumn(name)
                : type == typeof(bool) ? new BooleanDataFrameColumn(name)
                : new StringDataFrameColumn(name));
        }
        while (reader.Read())
            for (int i = 0; i < columns.Count; i++)
            {
                object? v = reader.IsDBNull(i) ? null : reader.GetValue(i);
                switch (columns[i])
                {
                    case Int32DataFrameColumn c: c.Append(v is null ? null : Convert.ToInt32(v)); break;
                    case Int64DataFrameColumn c: c.Append(v is null ? null : Convert.ToInt64(v)); break;
                    case DoubleDataFrameColumn c: c.Append(v is null ? null : Convert.ToDouble(v)); break;
                    case BooleanDataFrameColumn c: c.Append(v is null ? null : (bool)v); break;
                    case StringDataFrameColumn c: c.Append(Convert.ToString(v, System.Globalization.CultureInfo.InvariantCulture)); break;
                }
            }
        return new DataFrame(columns);
    }

    internal static DataField Field(DataFrameColumn column) => column switch
    {
        Int32DataFrameColumn => new DataField<int?>(column.Name),
        Int64DataFrameColumn => new DataField<long?>(column.Name),
        DoubleDataFrameColumn => new DataField<double?>(column.Name),
        BooleanDataFrameColumn => new DataField<bool?>(column.Name),
        StringDataFrameColumn => new DataField<string>(column.Name, true),
        _ => throw new NotSupportedException($"Column '{column.Name}' has type {column.DataType.Name}, which tables do not use."),
    };

    private static string Identifier(string name) => "\"" + name.Replace("\"", "\"\"") + "\"";
    private static string Literal(string text) => "'" + text.Replace("'", "''") + "'";

    /// <summary>
    /// Notebook engines that load the library with <c>#r</c> do not read its deps.json, so the runtime does not know
    /// where DuckDB's native library is; loading it by full path first lets DuckDB.NET's own lookup find it.
    /// </summary>
    private static class NativeDuckDb
    {
        private static readonly Lazy<bool> Loaded = new(Load);
        public static void EnsureLoaded() => _ = Loaded.Value;

        private static bool Load()
        {
            var folder = Path.GetDirectoryName(typeof(DuckDBConnection).Assembly.Location);
            if (string.IsNullOrEmpty(folder)) return false;
            string file = OperatingSystem.IsWindows() ? "duckdb.dll" : OperatingSystem.IsMacOS() ? "libduckdb.dylib" : "libduckdb.so";
            foreach (var candidate in new[] { Path.Combine(folder, "runtimes", RuntimeInformation.RuntimeIdentifier, "native", file), Path.Combine(folder, file) }
                         .Concat(Directory.Exists(Path.Combine(folder, "runtimes")) ? Directory.EnumerateFiles(Path.Combine(folder, "runtimes"), file, SearchOption.AllDirectories).Where(p => p.Contains(Rid())) : []))
                if (File.Exists(candidate) && NativeLibrary.TryLoad(candidate, out _)) return true;
            return false;
        }

        private static string Rid() => (OperatingSystem.IsWindows() ? "win-" : OperatingSystem.IsMacOS() ? "osx" : "linux-")
            + (OperatingSystem.IsMacOS() ? "" : RuntimeInformation.ProcessArchitecture.ToString().ToLowerInvariant());
    }
}

/// <summary>
/// A Parquet file written one DataFrame at a time, each appended as a row group: how streaming writes a table of a
/// corpus that never fits in memory at once. The first DataFrame fixes the schema; later ones must have the same columns.
/// </summary>
public sealed class ParquetTableWriter : IDisposable
{
    private readonly FileStream _stream;
    private ParquetWriter? _writer;
    private DataField[]? _fields;

    /// <summary>Creates (or truncates) <paramref name="path"/>.</summary>
    public ParquetTableWriter(string path) => _stream = File.Create(path);

    /// <summary>Rows written so far.</summary>
    public long Rows { get; private set; }

    /// <summary>Appends <paramref name="table"/>'s rows as one row group.</summary>
    public void Append(DataFrame table)
    {
        ArgumentNullException.ThrowIfNull(table);
        var fields = table.Columns.Select(TableStore.Field).ToArray();
        if (_fields is null) _fields = fields;
        else if (!fields.Select(f => (f.Name, f.ClrType)).SequenceEqual(_fields.Select(f => (f.Name, f.ClrType))))
            throw new ArgumentException("The table's columns differ from the ones this Parquet file was started with.", nameof(table));
        // Parquet.Net is asynchronous only; writes go to a local file, so waiting here costs nothing.
        Task.Run(async () =>
        {
            _writer ??= await ParquetWriter.CreateAsync(new ParquetSchema(_fields), _stream);
            using var group = _writer.CreateRowGroup();
            for (int i = 0; i < _fields.Length; i++) await WriteColumn(group, _fields[i], table.Columns[i]);
        }).GetAwaiter().GetResult();
        Rows += table.Rows.Count;
    }

    private static Task WriteColumn(ParquetRowGroupWriter group, DataField field, DataFrameColumn column) => column switch
    {
        Int32DataFrameColumn c => group.WriteAsync<int>(field, c.ToArray().AsMemory()),
        Int64DataFrameColumn c => group.WriteAsync<long>(field, c.ToArray().AsMemory()),
        DoubleDataFrameColumn c => group.WriteAsync<double>(field, c.ToArray().AsMemory()),
        BooleanDataFrameColumn c => group.WriteAsync<bool>(field, c.ToArray().AsMemory()),
        StringDataFrameColumn c => group.WriteAsync(field, c.ToArray()),
        _ => throw new NotSupportedException(column.DataType.Name),
    };

    /// <summary>Finishes the file (writes its footer).</summary>
    public void Dispose()
    {
        _writer?.DisposeAsync().AsTask().GetAwaiter().GetResult();
        _stream.Dispose();
    }
}
