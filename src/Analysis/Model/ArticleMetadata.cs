using System.Globalization;

namespace Analysis;

/// <summary>Metadata given for an article by its source (CSV/JSONL columns, a manifest row, HTML page metadata).</summary>
public sealed record ArticleMetadata
{
    public string? Outlet { get; init; }
    public string? Headline { get; init; }
    public DateOnly? Published { get; init; }
    /// <summary>Where <see cref="Published"/> came from ("manifest", "csv", "page metadata", …).</summary>
    public string? PublishedBasis { get; init; }
    public string? Byline { get; init; }
    public string? Url { get; init; }

    /// <summary>Fields of <paramref name="over"/> that are set replace these.</summary>
    public ArticleMetadata OverriddenBy(ArticleMetadata over) => new()
    {
        Outlet = over.Outlet ?? Outlet,
        Headline = over.Headline ?? Headline,
        Published = over.Published ?? Published,
        PublishedBasis = over.Published is null ? PublishedBasis : over.PublishedBasis,
        Byline = over.Byline ?? Byline,
        Url = over.Url ?? Url,
    };

    /// <summary>
    /// Reads a metadata date: ISO (2024-10-22, 2024-10-22T08:00:00Z) or a written date with a year
    /// ("October 22, 2024"). Null for an empty value; throws <see cref="FormatException"/> for anything else.
    /// </summary>
    public static DateOnly? ParseDate(string? value)
    {
        if (string.IsNullOrWhiteSpace(value)) return null;
        var v = value.Trim();
        if (DateOnly.TryParseExact(v, "yyyy-MM-dd", CultureInfo.InvariantCulture, DateTimeStyles.None, out var d)) return d;
        if (DateTimeOffset.TryParse(v, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var dt) && v.Contains('-'))
            return DateOnly.FromDateTime(dt.UtcDateTime);
        var written = AbsoluteDates.Find(v);
        if (written.Count == 1 && written[0].Date is { } w && written[0].Surface.Length >= v.TrimEnd('.').Length - 1) return w;
        throw new FormatException($"unreadable date '{v}' (expected yyyy-MM-dd or e.g. 'October 22, 2024')");
    }
}
