namespace Analysis.Tests.Clustering;

/// <summary>Articles built from known groups: each group has its own topic words, all share filler words.</summary>
internal static class Synthetic
{
    public static readonly string[][] Vocabulary =
    [
        ["goals", "striker", "league", "penalty", "midfield", "referee", "stadium", "keeper"],
        ["oven", "recipe", "flour", "butter", "simmer", "garlic", "pastry", "saucepan"],
        ["telescope", "galaxy", "orbit", "comet", "nebula", "astronomer", "planet", "asteroid"],
        ["tariff", "inflation", "bonds", "treasury", "deficit", "exports", "currency", "lending"],
    ];

    private static readonly string[] Filler = ["people", "week", "report", "local", "group", "plans", "morning", "city"];

    public static (string Id, string Text)[] Texts(int groups, int perGroup)
    {
        var rng = new Random(7);
        var texts = new List<(string, string)>();
        for (int g = 0; g < groups; g++)
            for (int i = 0; i < perGroup; i++)
            {
                var words = Enumerable.Range(0, 60).Select(j => j % 3 == 0
                    ? Filler[rng.Next(Filler.Length)]
                    : Vocabulary[g][rng.Next(Vocabulary[g].Length)]);
                texts.Add(($"g{g}-{i}", string.Join(' ', words) + "."));
            }
        return texts.ToArray();
    }

    public static Corpus Corpus(int groups, int perGroup) => Analysis.Corpus.FromTexts(Texts(groups, perGroup));
}
