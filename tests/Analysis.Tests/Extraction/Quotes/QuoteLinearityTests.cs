using System.Diagnostics;
using System.Text;
using Analysis;

namespace Analysis.Tests.Extraction.Quotes;

/// <summary>
/// Quote extraction grows linearly with its input (issue 16, item 4). No absolute time is asserted: the same test
/// runs a 4x input beside the 1x input, and a linear extractor takes about 4 times as long where a quadratic one
/// takes 16. The bound (10x) leaves room for a noisy shared machine. Only extraction is timed (the article and its
/// entities are built first), the best of five alternating runs, in process CPU time.
/// </summary>
[Collection(nameof(QuoteLinearityTests))]
public class QuoteLinearityTests
{
    private static string StrayClosingMarks(int n)
    {
        // One paragraph of words each followed by a closing mark that nothing opened: a problem row per mark.
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append("word\" ");
        return sb.ToString();
    }

    private static string StraightMarks(int n) => new('"', n);

    private static string ManyParagraphs(int n)
    {
        // Distinct paragraphs (cleaning sets repeated ones apart), each with names and an attributed quotation.
        var sb = new StringBuilder();
        for (int i = 0; i < n; i++) sb.Append($"Ann Lee met Tom Fry in Leeds. \"We will keep promise {i} of the many we made,\" she said.\n\n");
        return sb.ToString();
    }

    public static TheoryData<string, int> Shapes() => new()
    {
        { nameof(StrayClosingMarks), 20_000 },
        { nameof(StraightMarks), 20_000 },
        { nameof(ManyParagraphs), 2_000 },
    };

    private static Corpus Prepare(string text)
    {
        var corpus = Corpus.FromTexts(("a", text));
        corpus.Entities();   // computed once and cached on the corpus: only quote extraction is timed
        Assert.NotEmpty(corpus.Quotes());
        return corpus;
    }

    private static double CpuMilliseconds(Action run)
    {
        GC.Collect();
        var process = Process.GetCurrentProcess();
        var before = process.TotalProcessorTime;
        run();
        process.Refresh();
        return Math.Max(1, (process.TotalProcessorTime - before).TotalMilliseconds);
    }

    [Theory]
    [MemberData(nameof(Shapes))]
    public void FourTimesTheInputTakesLessThanTenTimesTheTime(string shape, int n)
    {
        Func<int, string> make = shape switch
        {
            nameof(StrayClosingMarks) => StrayClosingMarks,
            nameof(StraightMarks) => StraightMarks,
            _ => ManyParagraphs,
        };
        var smallCorpus = Prepare(make(n));
        var largeCorpus = Prepare(make(4 * n));
        // Alternate the two sizes and keep each one's best run: a busy shared machine slows single runs, not all of them.
        // Process CPU time, not wall time, so other processes on the machine do not count.
        double small = double.MaxValue, large = double.MaxValue;
        for (int i = 0; i < 5; i++)
        {
            small = Math.Min(small, CpuMilliseconds(() => smallCorpus.Quotes()));
            large = Math.Min(large, CpuMilliseconds(() => largeCorpus.Quotes()));
        }
        Assert.True(large < 10 * small, $"{shape}: 4x input took {large / small:F1}x the time ({small:F0} ms → {large:F0} ms): super-linear");
    }
}

/// <summary>Runs the linearity tests alone: process CPU time would otherwise include the tests running beside them.</summary>
[CollectionDefinition(nameof(QuoteLinearityTests), DisableParallelization = true)]
public class QuoteLinearityCollection;
