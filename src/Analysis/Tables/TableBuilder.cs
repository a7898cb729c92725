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

/// <summary>
/// Turns typed records into <see cref="DataFrame"/>s: the one place records become columns. The table contract is
/// kept here, not by each schema: a record about an article (<see cref="IArticleRecord"/>) leads with
/// <c>article_id, outlet</c>; a record read from the text (<see cref="ITextRecord"/>) ends with
/// <c>start, end, sentence_index, sentence, rule</c>. Schemas list only their own columns.
/// </summary>
public static class TableBuilder
{
    private static readonly HashSet<string> ProvenanceNames = ["article_id", "outlet", "start", "end", "sentence_index", "sentence", "rule"];

    /// <summary>Builds a DataFrame with one row per record: the provenance columns its type promises, then the given columns, in order.</summary>
    public static DataFrame Build<T>(IEnumerable<T> rows, params Column<T>[] columns)
    {
        ArgumentNullException.ThrowIfNull(rows);
        var list = rows as IReadOnlyList<T> ?? rows.ToList();
        bool article = typeof(IArticleRecord).IsAssignableFrom(typeof(T)), text = typeof(ITextRecord).IsAssignableFrom(typeof(T));
        if (article && columns.FirstOrDefault(c => ProvenanceNames.Contains(c.Name) && (text || c.Name is "article_id" or "outlet")) is { } dup)
            throw new ArgumentException($"Column '{dup.Name}' of {typeof(T).Name} is a provenance column the table contract adds itself.", nameof(columns));
        IEnumerable<Column<T>> all = columns;
        if (article)
            all = new[] { Column<T>.Text("article_id", r => ((IArticleRecord)r!).ArticleId), Column<T>.Text("outlet", r => ((IArticleRecord)r!).Outlet) }.Concat(all);
        if (text)
            all = all.Concat(
            [
                Column<T>.Int("start", r => ((ITextRecord)r!).Start), Column<T>.Int("end", r => ((ITextRecord)r!).End),
                Column<T>.Int("sentence_index", r => ((ITextRecord)r!).SentenceIndex), Column<T>.Text("sentence", r => ((ITextRecord)r!).Sentence),
                Column<T>.Text("rule", r => ((ITextRecord)r!).Rule),
            ]);
        return new DataFrame(all.Select(c => c.Build(list)));
    }
}
