using System.IO.Compression;

namespace Analysis;

/// <summary>
/// English word frequencies (about 60,000 lower-case words with their counts in SUBTLEX-US, a 50-million-word
/// corpus of film subtitles; shipped as an embedded resource, see docs/loader.md). Used to judge whether two
/// pieces of text are one word a scraper split or two words.
/// </summary>
public sealed class WordFrequencies
{
    private readonly Dictionary<string, long> _counts;
    private readonly double _logTotal;

    private WordFrequencies(Dictionary<string, long> counts)
    {
        _counts = counts;
        _logTotal = Math.Log(counts.Values.Sum());
    }

    private static readonly Lazy<WordFrequencies> LazyEnglish = new(LoadEmbedded);

    /// <summary>The embedded English lexicon (loaded once, on first use).</summary>
    public static WordFrequencies English => LazyEnglish.Value;

    /// <summary>Number of words known.</summary>
    public int Count => _counts.Count;

    /// <summary>Corpus count of a lower-case word (0 when unknown).</summary>
    public long Frequency(string word) => _counts.TryGetValue(word, out var n) ? n : 0;

    /// <summary>
    /// Natural log of the word's probability; an unknown word gets a probability that falls tenfold with each
    /// letter (P. Norvig's estimate), so long unknown strings are very unlikely and short ones merely unlikely.
    /// </summary>
    public double LogProbability(string word)
    {
        long n = Frequency(word);
        return n > 0 ? Math.Log(n) - _logTotal : Math.Log(10) - _logTotal - word.Length * Math.Log(10);
    }

    /// <summary>A lexicon from (word, count) pairs; words are lower-cased.</summary>
    public static WordFrequencies From(IEnumerable<(string Word, long Count)> words)
    {
        var counts = new Dictionary<string, long>(StringComparer.Ordinal);
        foreach (var (w, c) in words) counts[w.ToLowerInvariant()] = counts.GetValueOrDefault(w.ToLowerInvariant()) + c;
        return new WordFrequencies(counts);
    }

    private static WordFrequencies LoadEmbedded()
    {
        using var stream = typeof(WordFrequencies).Assembly.GetManifestResourceStream("Analysis.english-frequencies.tsv.gz")
            ?? throw new InvalidOperationException("Embedded resource Analysis.english-frequencies.tsv.gz is missing.");
        using var reader = new StreamReader(new GZipStream(stream, CompressionMode.Decompress));
        var counts = new Dictionary<string, long>(65536, StringComparer.Ordinal);
        while (reader.ReadLine() is { } line)
        {
            int tab = line.IndexOf('\t');
            if (tab > 0) counts[line[..tab]] = long.Parse(line.AsSpan(tab + 1));
        }
        return new WordFrequencies(counts);
    }
}
