
namespace Analysis;

/// <summary>
/// A category of measure ("killed", "hostages", "meeting length", …): a figure whose unit is one of
/// <see cref="Units"/> and that has one of the <see cref="Triggers"/> near it (or in what it counts) gets the
/// category's <see cref="Name"/> as the start of its measure key.
/// </summary>
/// <param name="Name">The measure name shown in tables and charts.</param>
/// <param name="Units">Figure units the category applies to: "" for counts, "hour", "ordinal", a currency code, ….</param>
/// <param name="Triggers">Whole words or phrases, matched case-insensitively ("killed", "from their homes").</param>
/// <param name="ScopeByDate">When true, an event date named in the sentence ("October 7") becomes part of the key,
/// so tolls of different events are not compared.</param>
/// <param name="ScopeByPlace">When true, the place the figure's clause names ("killed in Gaza", "near Beirut") or,
/// failing that, the place or nationality of its source ("Gaza health officials said") becomes part of the key, unless
/// the counted noun already names who is counted ("Palestinians"). Off for hostages: where they are held is not a scope.</param>
public sealed record MeasureCategory(string Name, IReadOnlyList<string> Units, IReadOnlyList<string> Triggers, bool ScopeByDate = false, bool ScopeByPlace = false)
{
    /// <summary>The built-in lexicons (a fresh list each call, so callers may edit it).</summary>
    public static List<MeasureCategory> Defaults() =>
    [
        new("killed", [""], ["killed", "killing", "kill", "kills", "dead", "deaths", "death toll", "died", "die", "lost their lives",
            "fatalities", "slain", "massacred", "taking out", "took out", "eliminating", "eliminated"], true, true),
        new("wounded", [""], ["wounded", "injured", "injuring", "injuries", "hurt", "casualties"], true, true),
        new("hostages held", [""], ["still held", "still holding", "still being held", "remain in captivity", "still in captivity", "remaining hostages"]),
        new("hostages", [""], ["hostage", "hostages", "captive", "captives", "captivity", "abducted", "abducting", "abductees", "kidnapped", "kidnapping"], true),
        new("displaced", [""], ["displaced", "displacement", "fled", "fleeing", "flee", "from their homes", "homeless",
            "evacuated", "uprooted", "refugees"], true, true),
        new("arrested", [""], ["arrested", "detained", "arrests", "detainees"], true, true),
        new("jobs", [""], ["jobs", "job cuts", "redundancies", "layoffs", "employees", "staff", "workers"]),
        new("meeting length", ["hour", "minute"], ["meeting", "meetings", "talks", "conversation", "session", "discussion", "discussions"]),
        new("visit number", ["ordinal"], ["visit", "trip", "journey"]),
    ];
}

/// <summary>Options for figure extraction. Every list may be edited (e.g. add a category to the lexicons).</summary>
public sealed class FigureOptions
{
    /// <summary>Measure categories, tried nearest trigger first; ties go to the earlier category.</summary>
    public List<MeasureCategory> Categories { get; } = MeasureCategory.Defaults();

    /// <summary>Half-width, as a fraction of the value, of the interval an "about"/"around" figure implies (default 0.1).</summary>
    public double ApproximateTolerance { get; set; } = 0.1;

    /// <summary>How many words either side of a figure are searched for category triggers (default 8).</summary>
    public int TriggerWindowWords { get; set; } = 8;

    /// <summary>Nouns that name people in general: they do not narrow a measure ("people killed" = "killed").</summary>
    public HashSet<string> GenericNouns { get; } = new(StringComparer.OrdinalIgnoreCase)
    {
        "people", "persons", "person", "civilians", "civilian", "individuals", "residents", "others", "men", "women", "children",
    };

    /// <summary>Also read figures in photo captions set apart from the body (<c>Article.Removed</c>, kind caption; default false).</summary>
    public bool IncludeCaptions { get; set; }

    /// <summary>Also read figures in embedded social-media posts set apart from the body (kind post; default false).</summary>
    public bool IncludePosts { get; set; }

    /// <summary>
    /// Names the entity recognizer knows; its places scope measures (see <see cref="MeasureCategory.ScopeByPlace"/>).
    /// Null uses the corpus's own (<see cref="Corpus.Gazetteer"/>), so the entity layer is shared with the other extractors.
    /// </summary>
    public Gazetteer? Gazetteer { get; set; }

    internal void Validate()
    {
        if (ApproximateTolerance is < 0 or >= 1 || double.IsNaN(ApproximateTolerance))
            throw new ArgumentOutOfRangeException(nameof(ApproximateTolerance), ApproximateTolerance, "Must be in [0, 1).");
        if (TriggerWindowWords < 0) throw new ArgumentOutOfRangeException(nameof(TriggerWindowWords), TriggerWindowWords, "Must be ≥ 0.");
        foreach (var c in Categories)
            if (string.IsNullOrWhiteSpace(c.Name) || c.Triggers is null || c.Units is null)
                throw new ArgumentException($"Measure category '{c.Name}' needs a name, units and triggers.", nameof(Categories));
    }
}
