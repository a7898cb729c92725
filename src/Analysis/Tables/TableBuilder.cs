using Microsoft.Data.Analysis;

namespace Analysis;

/// <summary>A named column of a table built from records of type <typeparamref name="T"/>.</summary>
public abstract class Column<T>
{
    /// <summary>snake_case column name.</summary>
    public string Name { get; }
    private protected Column(string name) => Name = name;
    internal abstract DataFrameColumn Build(IReadOnlyList<T> rows);

    public static Column<T> Text(string name, Func<T, string?> get) => new Typed<string?>(name, get, (n, v) => new StringDataFrameColumn(n, v));
    public static Column<T> Int(string name, Func<T, int?> get) => new Typed<int?>(name, get, (n, v) => new Int32DataFrameColumn(n, v));
    public static Column<T> Long(string name, Func<T, long?> get) => new Typed<long?>(name, get, (n, v) => new Int64DataFrameColumn(n, v));
    public static Column<T> Double(string name, Func<T, double?> get) => new Typed<double?>(name, get, (n, v) => new DoubleDataFrameColumn(n, v));
    public static Column<T> Bool(string name, Func<T, bool?> get) => new Typed<bool?>(name, get, (n, v) => new BooleanDataFrameColumn(n, v));
    /// <summary>Dates are written as ISO yyyy-MM-dd strings so CSV and HTML read the same everywhere.</summary>
    public static Column<T> Date(string name, Func<T, DateOnly?> get) => Text(name, r => get(r)?.ToString("yyyy-MM-dd"));

    private sealed class Typed<V>(string name, Func<T, V> get, Func<string, IEnumerable<V>, DataFrameColumn> make) : Column<T>(name)
    {
        internal override DataFrameColumn Build(IReadOnlyList<T> rows) => make(Name, rows.Select(get));
    }
}

/// <summary>Turns typed records into <see cref="DataFrame"/>s: the one place records become columns.</summary>
public static class TableBuilder
{
    /// <summary>Builds a DataFrame with one row per record and the given columns, in order.</summary>
    public static DataFrame Build<T>(IEnumerable<T> rows, params Column<T>[] columns)
    {
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        return new DataFrame(columns.Select(c => c.Build(list)));
    }
}
