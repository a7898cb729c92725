using Microsoft.DotNet.Interactive.Formatting;

namespace Analysis.Notebooks.Engine;

/// <summary>
/// Renders values as Jupyter display data with Microsoft.DotNet.Interactive.Formatting, so notebooks see the
/// formatters libraries register there (e.g. DataFrames as HTML tables).
/// </summary>
internal static class ValueFormatter
{
    private const string Html = "text/html";
    private const string Plain = "text/plain";

    public static DisplayData Format(object? value, IReadOnlyCollection<string>? mimeTypes = null)
    {
        var types = mimeTypes is { Count: > 0 } ? mimeTypes : DefaultMimeTypes(value);
        try
        {
            return new DisplayData(types.Distinct().ToDictionary(t => t, t => Formatter.ToDisplayString(value, t)));
        }
        catch (Exception e)
        {
            // A formatter (or a property getter it reads) failed: the value still shows, as text, with the reason.
            return DisplayData.PlainText($"{SafeToString(value)}\n(formatting failed: {e.GetType().Name}: {e.Message})");
        }
    }

    private static string SafeToString(object? value)
    {
        try
        {
            return value?.ToString() ?? Formatter.NullString;
        }
        catch (Exception e)
        {
            return $"<{value!.GetType().Name}: ToString failed: {e.Message}>";
        }
    }

    /// <summary>Plain values (text, numbers, dates) read best as text; everything else gets HTML with a text fallback.</summary>
    private static string[] DefaultMimeTypes(object? value) =>
        value is null or string or char or bool or Enum || value is IFormattable and not System.Collections.IEnumerable
            ? [Plain]
            : [Html, Plain];
}
