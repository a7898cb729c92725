namespace Analysis;

/// <summary>What a named entity is.</summary>
public enum EntityKind
{
    /// <summary>A person.</summary>
    Person,
    /// <summary>A company, party, agency, armed group, news outlet, …</summary>
    Organization,
    /// <summary>A country, city, region or other named location.</summary>
    Place,
    /// <summary>A nationality or other group of people ("Israeli", "Palestinians").</summary>
    Group,
}

/// <summary>One gazetteer entry: a surface name, what it is, and the canonical name it stands for.</summary>
public sealed record GazetteerEntry(string Name, EntityKind Kind, string Canonical);

/// <summary>
/// Names the recognizer knows by heart (places, organizations, nationalities), plus the title words, role words,
/// suffixes and given names its rules use. Immutable: <see cref="With(string, EntityKind, string?)"/> and
/// <see cref="WithFile"/> return an extended copy, so a notebook can add the names its corpus needs:
/// <code>var g = Gazetteer.Default.With("Kirya", EntityKind.Place); corpus.Entities(g)</code>
/// </summary>
public sealed class Gazetteer
{
    private readonly Dictionary<string, GazetteerEntry> _names;
    /// <summary>First word of every name → the most words a name starting with it has.</summary>
    private readonly Dictionary<string, int> _firstWords = new(StringComparer.Ordinal);

    /// <summary>The built-in lexicon (the data files in Extraction/Entities/Lexicon: every name and word it knows).</summary>
    public static Gazetteer Default { get; } = CreateDefault();

    internal HashSet<string> TitleHeads { get; }
    internal HashSet<string> RoleWords { get; }
    internal HashSet<string> OrgSuffixes { get; }
    internal HashSet<string> PlaceSuffixes { get; }
    internal HashSet<string> GivenNames { get; }
    internal HashSet<string> EventSuffixes { get; }
    internal HashSet<string> SpeechVerbs { get; }
    internal HashSet<string> CommonAcronyms { get; }

    private Gazetteer(Dictionary<string, GazetteerEntry> names, HashSet<string> titles, HashSet<string> roles,
        HashSet<string> orgSuffixes, HashSet<string> placeSuffixes, HashSet<string> givenNames,
        HashSet<string> eventSuffixes, HashSet<string> speechVerbs, HashSet<string> commonAcronyms)
    {
        _names = names;
        TitleHeads = titles;
        RoleWords = roles;
        OrgSuffixes = orgSuffixes;
        PlaceSuffixes = placeSuffixes;
        GivenNames = givenNames;
        EventSuffixes = eventSuffixes;
        SpeechVerbs = speechVerbs;
        CommonAcronyms = commonAcronyms;
        foreach (var name in names.Keys) NoteFirstWord(name);
    }

    /// <summary>The most words of a name starting with <paramref name="word"/> (0 when none does): bounds the longest-match search.</summary>
    internal int WordsFrom(string word) => _firstWords.GetValueOrDefault(word);

    private void NoteFirstWord(string name)
    {
        var first = FirstWord(name);
        _firstWords[first] = Math.Max(_firstWords.GetValueOrDefault(first), WordCount(name));
    }

    private static string FirstWord(string name) => name.Split(' ', 2)[0];

    /// <summary>Every known name.</summary>
    public IReadOnlyCollection<GazetteerEntry> Entries => _names.Values;

    /// <summary>A copy that also knows <paramref name="name"/> (written as in text) as <paramref name="kind"/>.</summary>
    public Gazetteer With(string name, EntityKind kind, string? canonical = null)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        var copy = Copy();
        copy.Add(new GazetteerEntry(name.Trim(), kind, string.IsNullOrWhiteSpace(canonical) ? name.Trim() : canonical.Trim()));
        return copy;
    }

    /// <summary>A copy extended with a tab-separated file: <c>kind name [canonical]</c> per line, kind one of
    /// person, organization (org), place, group; blank lines and lines starting with # are ignored.</summary>
    public Gazetteer WithFile(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"Gazetteer file not found: '{path}'.", path);
        var copy = Copy();
        int lineNo = 0;
        foreach (var line in File.ReadLines(path))
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            var f = line.Split('\t');
            if (f.Length < 2 || ParseKind(f[0]) is not { } kind || string.IsNullOrWhiteSpace(f[1]))
                throw new FormatException($"{path}:{lineNo}: expected 'kind<TAB>name[<TAB>canonical]' with kind person, org, place or group, got '{line}'.");
            var canonical = f.Length > 2 && !string.IsNullOrWhiteSpace(f[2]) ? f[2].Trim() : f[1].Trim();
            copy.Add(new GazetteerEntry(f[1].Trim(), kind, canonical));
        }
        return copy;
    }

    /// <summary>The entry for an exact surface name, or null.</summary>
    public GazetteerEntry? Find(string name) => _names.GetValueOrDefault(name);

    private void Add(GazetteerEntry e)
    {
        _names[e.Name] = e;
        NoteFirstWord(e.Name);
    }

    private Gazetteer Copy() => new(new Dictionary<string, GazetteerEntry>(_names, StringComparer.Ordinal),
        TitleHeads, RoleWords, OrgSuffixes, PlaceSuffixes, GivenNames, EventSuffixes, SpeechVerbs, CommonAcronyms);

    private static int WordCount(string s) => s.Split(' ', StringSplitOptions.RemoveEmptyEntries).Length;

    private static EntityKind? ParseKind(string s) => s.Trim().ToLowerInvariant() switch
    {
        "person" => EntityKind.Person,
        "org" or "organization" or "organisation" => EntityKind.Organization,
        "place" => EntityKind.Place,
        "group" => EntityKind.Group,
        _ => null,
    };

    /// <summary>
    /// The built-in lexicon: embedded data files Extraction/Entities/Lexicon/names.tsv (kind, name, canonical) and
    /// words.tsv (list, word), which a user extends at run time with <see cref="WithFile"/> and <see cref="With"/>.
    /// </summary>
    private static Gazetteer CreateDefault()
    {
        var names = new Dictionary<string, GazetteerEntry>(StringComparer.Ordinal);
        foreach (var (lineNo, f) in ResourceRows("Analysis.Lexicon.names.tsv"))
        {
            if (f.Length < 2 || ParseKind(f[0]) is not { } kind) throw new InvalidOperationException($"names.tsv:{lineNo}: bad line '{string.Join('\t', f)}'.");
            names[f[1]] = new GazetteerEntry(f[1], kind, f.Length > 2 && f[2].Length > 0 ? f[2] : f[1]);
        }
        var lists = new Dictionary<string, HashSet<string>>(StringComparer.Ordinal);
        foreach (var (lineNo, f) in ResourceRows("Analysis.Lexicon.words.tsv"))
        {
            if (f.Length < 2) throw new InvalidOperationException($"words.tsv:{lineNo}: expected 'list<TAB>word'.");
            if (!lists.TryGetValue(f[0], out var set)) lists[f[0]] = set = new HashSet<string>(StringComparer.Ordinal);
            set.Add(f[1]);
        }
        HashSet<string> List(string name) => lists.GetValueOrDefault(name) ?? throw new InvalidOperationException($"words.tsv has no list '{name}'.");
        return new Gazetteer(names, List("title"), List("role"), List("org_suffix"), List("place_suffix"), List("given_name"),
            List("event_suffix"), List("speech_verb"), List("common_acronym"));
    }

    /// <summary>Tab-separated data lines of an embedded file (blank lines and # comments skipped), with line numbers.</summary>
    private static IEnumerable<(int Line, string[] Fields)> ResourceRows(string name)
    {
        using var stream = typeof(Gazetteer).Assembly.GetManifestResourceStream(name)
            ?? throw new InvalidOperationException($"Embedded lexicon '{name}' is missing from the assembly.");
        using var reader = new StreamReader(stream);
        int lineNo = 0;
        for (var line = reader.ReadLine(); line is not null; line = reader.ReadLine())
        {
            lineNo++;
            if (line.Length == 0 || line.StartsWith('#')) continue;
            yield return (lineNo, line.Split('\t'));
        }
    }
}
