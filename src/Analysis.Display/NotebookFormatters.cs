using System.Collections;
using System.Reflection;
using Microsoft.Data.Analysis;
using Microsoft.DotNet.Interactive.Formatting;
using Plotly.NET;

namespace Analysis.Display;

/// <summary>
/// Registers the package's notebook formatters with Microsoft.DotNet.Interactive.Formatting (used by the package's
/// own engine and by .NET Interactive): DataFrames and lists of the library's records as HTML tables, Plotly.NET
/// charts as offline HTML. Call <see cref="Register"/> once per notebook, in its setup cell.
/// </summary>
public static class NotebookFormatters
{
    private static int registered;

    /// <summary>Registers the formatters (once per process) and makes the notebook's next chart carry plotly.js.</summary>
    public static void Register()
    {
        ChartHtml.ResetLibrary();
        if (Interlocked.Exchange(ref registered, 1) == 1) return;
        FSharpCoreRedirect.Install();

        Formatter.Register<DataFrame>((frame, writer) => WriteFrame(frame, writer), HtmlFormatter.MimeType);
        Formatter.Register<DataFrame>(frame => frame.ToString(), PlainTextFormatter.MimeType);
        // A corpus as its summary and article table, not a dump of every article's text.
        Formatter.Register<Corpus>((corpus, writer) =>
        {
            writer.Write($"<p>{System.Net.WebUtility.HtmlEncode(corpus.ToString())}</p>");
            WriteRecords(typeof(Article), corpus.Articles, writer);
        }, HtmlFormatter.MimeType);
        Formatter.Register<Corpus>(corpus => corpus.ToString(), PlainTextFormatter.MimeType);
        Formatter.Register<GenericChart>(chart => ChartHtml.ToHtml(chart), HtmlFormatter.MimeType);
        Formatter.Register<GenericChart>(chart => $"Plotly chart ({GenericChart.countTrace(chart)} trace(s)); shown as HTML", PlainTextFormatter.MimeType);
        foreach (var record in RecordTypes(typeof(Corpus).Assembly))
            Formatter.Register(typeof(IEnumerable<>).MakeGenericType(record), (list, writer) => WriteRecords(record, (IEnumerable)list, writer), HtmlFormatter.MimeType);
    }

    /// <summary>The library's public record and class types whose lists are shown as tables.</summary>
    internal static IEnumerable<Type> RecordTypes(Assembly assembly) => assembly.GetExportedTypes()
        .Where(t => !t.IsAbstract && !t.IsGenericTypeDefinition && !t.IsEnum && !typeof(Delegate).IsAssignableFrom(t)
            && !t.IsSubclassOf(typeof(Exception)) && ScalarProperties(t).Length > 0);

    private static void WriteFrame(DataFrame frame, TextWriter writer) => HtmlTable.Write(writer,
        frame.Columns.Select(c => c.Name).ToList(),
        Rows(frame),
        frame.Rows.Count);

    private static IEnumerable<IReadOnlyList<object?>> Rows(DataFrame frame)
    {
        for (long r = 0; r < frame.Rows.Count; r++)
            yield return frame.Columns.Select(c => c[r]).ToList();
    }

    private static void WriteRecords(Type type, IEnumerable list, TextWriter writer)
    {
        var properties = ScalarProperties(type);
        var items = list.Cast<object?>().ToList();
        HtmlTable.Write(writer, properties.Select(p => p.Name).ToList(),
            items.Select(item => (IReadOnlyList<object?>)properties.Select(p => item is null ? null : p.GetValue(item)).ToList()),
            items.Count);
    }

    /// <summary>Properties that read as one table cell: text, numbers, dates, enums and small value types.</summary>
    private static PropertyInfo[] ScalarProperties(Type type) => type
        .GetProperties(BindingFlags.Public | BindingFlags.Instance)
        .Where(p => p.GetIndexParameters().Length == 0 && p.Name != "EqualityContract" && IsScalar(p.PropertyType))
        .ToArray();

    private static bool IsScalar(Type type)
    {
        var t = Nullable.GetUnderlyingType(type) ?? type;
        return t.IsPrimitive || t.IsEnum || t == typeof(string) || t == typeof(decimal) || t == typeof(DateOnly)
            || t == typeof(DateTime) || t == typeof(DateTimeOffset) || t == typeof(TimeSpan)
            || t.IsValueType && t.Namespace?.StartsWith("Analysis", StringComparison.Ordinal) == true;
    }
}
