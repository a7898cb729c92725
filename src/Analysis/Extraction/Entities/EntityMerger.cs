using F23.StringSimilarity;

namespace Analysis;

/// <summary>
/// Merges canonical names across articles: spelling variants of transliterated names ("Yehya Sinwar" and
/// "Yahya Sinwar": same consonants word by word and Jaro-Winkler ≥ 0.8), then a lone surname ("Sinwar") in an
/// article that never gives the full name, when exactly one person of the corpus has that surname.
/// </summary>
internal static class EntityMerger
{
    private const double MinSimilarity = 0.8;
    private static readonly JaroWinkler Similarity = new();

    public static List<EntityMention> Merge(List<EntityMention> mentions)
    {
        var map = SpellingVariants(mentions);
        string Mapped(EntityMention m) => map.GetValueOrDefault((m.Kind, m.Canonical)) ?? m.Canonical;

        var fullBySurname = mentions.Where(m => m.Kind == EntityKind.Person)
            .Select(Mapped).Where(c => c.Contains(' ')).Distinct()
            .GroupBy(c => c[(c.LastIndexOf(' ') + 1)..])
            .Where(g => g.Count() == 1)
            .ToDictionary(g => g.Key, g => g.First(), StringComparer.Ordinal);

        return mentions.Select(m =>
        {
            var c = Mapped(m);
            if (m.Kind == EntityKind.Person && !c.Contains(' ') && fullBySurname.TryGetValue(c, out var full)) c = full;
            return c == m.Canonical ? m : m with { Canonical = c };
        }).ToList();
    }

    /// <summary>(kind, name) → the most mentioned spelling of the same name.</summary>
    private static Dictionary<(EntityKind, string), string> SpellingVariants(List<EntityMention> mentions)
    {
        var map = new Dictionary<(EntityKind, string), string>();
        var counts = mentions.GroupBy(m => (m.Kind, m.Canonical)).Select(g => (g.Key.Kind, Name: g.Key.Canonical, Count: g.Count()));
        foreach (var group in counts.GroupBy(x => (x.Kind, Skeleton(x.Name))))
        {
            if (group.Key.Item2.Length < 3) continue;
            var ranked = group.OrderByDescending(x => x.Count).ThenBy(x => x.Name, StringComparer.Ordinal).ToList();
            var representatives = new List<string>();
            foreach (var x in ranked)
            {
                var rep = representatives.FirstOrDefault(r => Similarity.Similarity(r, x.Name) >= MinSimilarity);
                if (rep is null) representatives.Add(x.Name);
                else map[(x.Kind, x.Name)] = rep;
            }
        }
        return map;
    }

    /// <summary>Lowercase consonants of each word: transliterations differ mostly in vowels.</summary>
    internal static string Skeleton(string name)
    {
        var sb = new System.Text.StringBuilder(name.Length);
        foreach (char ch in name)
        {
            char c = char.ToLowerInvariant(ch);
            if (c == ' ') sb.Append(' ');
            else if (char.IsLetter(c) && "aeiouy".IndexOf(c) < 0) sb.Append(c);
        }
        return sb.ToString();
    }
}
