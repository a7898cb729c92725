using F23.StringSimilarity;
using System.Runtime.InteropServices;

namespace Analysis;

/// <summary>
/// Merges canonical names across articles: spelling variants of transliterated names ("Yehya Sinwar" and
/// "Yahya Sinwar": same consonants word by word and Jaro-Winkler ≥ 0.8), then a lone surname ("Sinwar") in an
/// article that never gives the full name, when exactly one person of the corpus has that surname (also the
/// single words the article alone could not type at all: "The Sinwar administration"), then one kind per canonical name.
/// </summary>
internal static class EntityMerger
{
    private const double MinSimilarity = 0.8;
    /// <summary>Share of a surname's full mentions one full name needs to take its lone mentions.</summary>
    private const double Dominance = 0.8;

    private static readonly HashSet<string> Suffixes = new(StringComparer.Ordinal) { "Jr.", "Jr", "Sr.", "Sr", "II", "III", "IV" };

    /// <summary>The last word of a name that is not a suffix ("Roger J. Stone Jr." → "Stone").</summary>
    private static string Surname(string name)
    {
        int space = name.LastIndexOf(' ');
        var last = name[(space + 1)..];
        if (space < 0 || !Suffixes.Contains(last)) return last;
        int before = space == 0 ? -1 : name.LastIndexOf(' ', space - 1);
        return name[(before + 1)..space];
    }
    private static readonly JaroWinkler Similarity = new();

    /// <summary>Every mention of <paramref name="articles"/>, in article and text order, with corpus-wide canonical names.</summary>
    public static List<EntityMention> Merge(IReadOnlyList<AnnotatedArticle> articles)
    {
        var all = new List<EntityMention>(articles.Sum(a => a.Mentions.Count));
        foreach (var a in articles) all.AddRange(a.Mentions);
        var merged = Merge(all, out var fullBySurname);
        // "profiting from Veltman's plan": a rare word after a place preposition is the surname of a person the corpus names in full.
        for (int i = 0; i < merged.Count; i++)
            if (merged[i] is { Rule: "place_preposition" } p && fullBySurname.TryGetValue(p.Text, out var person) && person.Count >= MinFullMentions)
                merged[i] = p with { Kind = EntityKind.Person, Canonical = person.Name, Rule = "short_name" };
        var kept = new Dictionary<string, List<EntityMention>>(StringComparer.Ordinal);
        foreach (var a in articles)
            foreach (var m in a.LoneNames)
                if (a.Text[m.Start..m.End] is var word && fullBySurname.TryGetValue(word, out var full) && full.Count >= MinFullMentions)
                    (kept.TryGetValue(a.Id, out var l) ? l : kept[a.Id] = [])
                        .Add(EntityRecognizer.Mention(a.Article, m.Start, m.End, m.Sentence, EntityKind.Person, full.Name, "lone_name", written: word));
        if (kept.Count > 0) merged = Interleave(articles, merged, kept);
        return OneKindPerName(merged);
    }

    /// <summary>Full mentions a corpus needs of a name before its surname alone is taken for it where nothing else says so.</summary>
    private const int MinFullMentions = 2;

    private static readonly Comparer<EntityMention> ByStart = Comparer<EntityMention>.Create((x, y) => x.Start.CompareTo(y.Start));

    /// <summary><paramref name="merged"/> with each article's <paramref name="kept"/> lone names put in text order.</summary>
    private static List<EntityMention> Interleave(IReadOnlyList<AnnotatedArticle> articles, List<EntityMention> merged,
        Dictionary<string, List<EntityMention>> kept)
    {
        var result = new List<EntityMention>(merged.Count + kept.Sum(k => k.Value.Count));
        int i = 0;
        foreach (var a in articles)
        {
            int from = result.Count;
            while (i < merged.Count && merged[i].ArticleId == a.Id) result.Add(merged[i++]);
            if (!kept.TryGetValue(a.Id, out var lone)) continue;
            result.AddRange(lone);
            result.Sort(from, result.Count - from, ByStart);
        }
        return result;
    }

    /// <summary>
    /// One kind per canonical name: where the rules typed mentions of one name differently ("Penrose" a person in one
    /// sentence, an organization in others), the kind of most of its mentions wins; names the gazetteer typed keep theirs.
    /// </summary>
    private static List<EntityMention> OneKindPerName(List<EntityMention> mentions)
    {
        // Kind counts packed four to a long (16 bits each, saturating): one dictionary value, no array per name.
        var kinds = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var m in mentions)
        {
            ref long k = ref CollectionsMarshal.GetValueRefOrAddDefault(kinds, m.Canonical, out _);
            if (Count(k, m.Kind) < 0xFFFF) k += 1L << (16 * (int)m.Kind);
        }
        for (int i = 0; i < mentions.Count; i++)
        {
            var m = mentions[i];
            if (m.Rule == "gazetteer") continue;
            long k = kinds[m.Canonical];
            var best = m.Kind;
            for (var kind = EntityKind.Person; kind <= EntityKind.Group; kind++)
                if (Count(k, kind) > Count(k, best)) best = kind;
            if (best != m.Kind) mentions[i] = m with { Kind = best };
        }
        return mentions;
    }

    private static int Count(long packed, EntityKind kind) => (int)((packed >> (16 * (int)kind)) & 0xFFFF);

    private static List<EntityMention> Merge(List<EntityMention> mentions, out Dictionary<string, (string Name, int Count)> fullBySurname)
    {
        var map = SpellingVariants(mentions);
        string Mapped(EntityMention m) => map.GetValueOrDefault((m.Kind, m.Canonical)) ?? m.Canonical;

        // A lone surname goes to the one full name of the corpus with that surname, or to the full name that nearly
        // all full mentions with that surname use ("Biden" → "Joe Biden" when "Hunter Biden" is rare).
        // Full names are counted first and their surname read once per name, not once per mention.
        var fullCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        var fullOrder = new List<string>();
        foreach (var m in mentions)
        {
            if (m.Kind != EntityKind.Person) continue;
            var c = Mapped(m);
            if (!c.Contains(' ')) continue;
            ref int count = ref CollectionsMarshal.GetValueRefOrAddDefault(fullCounts, c, out bool seen);
            if (!seen) fullOrder.Add(c);
            count++;
        }
        // Per surname: the most mentioned full name (the first seen among equals), the mentions of all, how many names.
        var surnames = new Dictionary<string, (string Name, int Count, int Total, int Names)>(StringComparer.Ordinal);
        foreach (var name in fullOrder)
        {
            int count = fullCounts[name];
            ref var s = ref CollectionsMarshal.GetValueRefOrAddDefault(surnames, Surname(name), out bool seen);
            if (!seen) s = (name, count, count, 1);
            else s = (count > s.Count ? name : s.Name, Math.Max(count, s.Count), s.Total + count, s.Names + 1);
        }
        var bySurname = new Dictionary<string, (string Name, int Count)>(StringComparer.Ordinal);
        foreach (var (surname, s) in surnames)
            if (s.Names == 1 || s.Count >= Dominance * s.Total) bySurname[surname] = (s.Name, s.Count);
        fullBySurname = bySurname;

        return mentions.Select(m =>
        {
            var c = Mapped(m);
            if (m.Kind == EntityKind.Person && !c.Contains(' ') && bySurname.TryGetValue(c, out var full)) c = full.Name;
            return c == m.Canonical ? m : m with { Canonical = c };
        }).ToList();
    }

    /// <summary>(kind, name) → the most mentioned spelling of the same name.</summary>
    private static Dictionary<(EntityKind, string), string> SpellingVariants(List<EntityMention> mentions)
    {
        var map = new Dictionary<(EntityKind, string), string>();
        // Counted in a dictionary rather than grouped: a grouping keeps every mention in its buckets.
        var tally = new Dictionary<(EntityKind, string), int>();
        foreach (var m in mentions)
            CollectionsMarshal.GetValueRefOrAddDefault(tally, (m.Kind, m.Canonical), out _)++;
        // Names of one kind and skeleton are chained through `next` from a head per skeleton: most names stand alone,
        // and a grouping made a group object and an array for each.
        var names = new (string Name, int Count)[tally.Count];
        var next = new int[tally.Count];
        var heads = new Dictionary<(EntityKind, string), int>(tally.Count);
        int n = 0;
        foreach (var ((kind, name), count) in tally)
        {
            names[n] = (name, count);
            ref int head = ref CollectionsMarshal.GetValueRefOrAddDefault(heads, (kind, Skeleton(name)), out bool seen);
            next[n] = seen ? head : -1;
            head = n++;
        }
        var ranked = new List<(string Name, int Count)>();
        foreach (var ((kind, skeleton), head) in heads)
        {
            if (skeleton.Length < 3 || next[head] < 0) continue;
            ranked.Clear();
            for (int k = head; k >= 0; k = next[k]) ranked.Add(names[k]);
            // Most mentioned first, then by spelling: names differ within a kind, so the order is total.
            ranked.Sort((x, y) => x.Count != y.Count ? y.Count.CompareTo(x.Count) : string.CompareOrdinal(x.Name, y.Name));
            var representatives = new List<string>();
            foreach (var x in ranked)
            {
                var rep = representatives.FirstOrDefault(r => Similarity.Similarity(r, x.Name) >= MinSimilarity);
                if (rep is null) representatives.Add(x.Name);
                else map[(kind, x.Name)] = rep;
            }
        }
        return map;
    }

    /// <summary>Lowercase consonants of each word: transliterations differ mostly in vowels.</summary>
    internal static string Skeleton(string name)
    {
        Span<char> skeleton = name.Length <= 256 ? stackalloc char[name.Length] : new char[name.Length];
        int n = 0;
        foreach (char ch in name)
        {
            char c = char.ToLowerInvariant(ch);
            if (c == ' ') skeleton[n++] = ' ';
            else if (char.IsLetter(c) && "aeiouy".IndexOf(c) < 0) skeleton[n++] = c;
        }
        return new string(skeleton[..n]);
    }
}
