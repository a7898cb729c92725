using System.Text.RegularExpressions;

namespace Analysis;

/// <summary>What part a person plays in an article, as the <c>role</c> column of the entities table names it.</summary>
public static class EntityRoles
{
    /// <summary>Named in the article's text.</summary>
    public const string Named = "named";
    /// <summary>The speaker of at least one of the article's quotations.</summary>
    public const string Quoted = "quoted";
    /// <summary>A reporter named in the article's byline (not in its text).</summary>
    public const string Byline = "byline";
    /// <summary>The author of a social-media post embedded in the article.</summary>
    public const string PostAuthor = "post_author";

    private static readonly string[] Order = [Named, Quoted, Byline, PostAuthor];

    /// <summary>Roles joined in a fixed order ("named; quoted"), so equal sets read the same.</summary>
    internal static string Join(IEnumerable<string> roles)
    {
        var set = roles.ToHashSet(StringComparer.Ordinal);
        return string.Join("; ", Order.Where(set.Contains));
    }

    /// <summary>The roles of a joined role string.</summary>
    internal static string[] Split(string roles) => roles.Split("; ", StringSplitOptions.RemoveEmptyEntries);
}

/// <summary>
/// The people an article names outside its text: the reporters of its byline and the authors of its embedded posts.
/// They are entities of the article (the entities table lists them with their role) though no sentence mentions them.
/// </summary>
internal static partial class Contributors
{
    /// <summary>A person credited by an article's metadata: name, role and the line it was read from.</summary>
    internal readonly record struct Credit(string Name, string Role, string Source);

    /// <summary>Byline reporters first, then post authors, each once.</summary>
    public static IEnumerable<Credit> Of(Article article, Gazetteer gazetteer)
    {
        var seen = new HashSet<string>(StringComparer.Ordinal);
        if (!string.IsNullOrWhiteSpace(article.Byline))
            foreach (var name in BylineNames(article.Byline, gazetteer))
                if (seen.Add(name)) yield return new Credit(name, EntityRoles.Byline, article.Byline.Trim());
        foreach (var post in article.Posts)
            if (post.Author is { } author && PersonalName(author.Trim(), gazetteer) && seen.Add(author.Trim()))
                yield return new Credit(author.Trim(), EntityRoles.PostAuthor, post.Text);
    }

    /// <summary>
    /// The personal names of a byline ("By Humeyra Pamuk, Maayan Lubell and Nidal al-Mughrabi", "Jane Roe | Reuters"):
    /// the parts between commas, "and", "&amp;", "|", "/" that read as personal names; outlets, desks and job titles
    /// ("Reuters", "Staff Writer", "Associated Press") are left out.
    /// </summary>
    internal static IEnumerable<string> BylineNames(string byline, Gazetteer gazetteer)
    {
        var text = ByPrefix().Replace(byline.Trim(), "");
        foreach (var part in Separators().Split(text))
        {
            var name = part.Trim(' ', '.', '\t', '\n');
            if (PersonalName(name, gazetteer)) yield return name;
        }
    }

    /// <summary>
    /// Two to four words, each Titlecase (or a lowercase particle: "al-Mughrabi", "de", "van"), no digits, not a
    /// known organization or place, and not made of common English words only ("Staff Writer", "Breaking News").
    /// </summary>
    private static bool PersonalName(string name, Gazetteer gazetteer)
    {
        var words = name.Split(' ', StringSplitOptions.RemoveEmptyEntries);
        if (words.Length is < 2 or > 4 || name.Any(c => char.IsDigit(c) || c is '@' or ':')) return false;
        if (gazetteer.Find(name) is { Kind: not EntityKind.Person }) return false;
        bool rare = false;
        foreach (var w in words)
        {
            bool particle = char.IsLower(w[0]) && (Particles.Contains(w) || w.Contains('-'));
            if (!particle && (!char.IsUpper(w[0]) || Words.IsAllCaps(w) && w.Length > 2)) return false;
            if (gazetteer.OrgSuffixes.Contains(w)) return false;
            if (!particle && WordFrequencies.English.Frequency(w.ToLowerInvariant().TrimEnd('.')) < CommonWord) rare = true;
        }
        return rare;
    }

    /// <summary>Words per million below which a word may be a name (as the recognizer's common-phrase test).</summary>
    private const long CommonWord = 200;

    private static readonly HashSet<string> Particles = new(StringComparer.Ordinal)
        { "de", "da", "di", "du", "van", "von", "der", "den", "la", "le", "al", "el", "bin", "ibn" };

    [GeneratedRegex(@"^(?:(?:written|reporting|reported|story|words|text)\s+)?by\s+", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex ByPrefix();

    [GeneratedRegex(@"\s*(?:,|;|&|\||/|\band\b|\bwith\b|\s[-–—]\s)\s*", RegexOptions.CultureInvariant)]
    private static partial Regex Separators();
}
