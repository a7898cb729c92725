using System.Diagnostics;
using System.Text;
using Analysis;

namespace Analysis.Tests.Quotes;

/// <summary>
/// Quote extraction grows linearly with its input (issue 16, item 4). No absolute time is asserted: the same test
/// runs a 4x input beside the 1x input, and a linear extractor takes about 4 times as long where a quadratic one
/// takes 16. The bound (10x) leaves room for a noisy shared machine. Only extraction is timed (the article and its
/// entities are built first), the best of three runs after a collection each.
/// </summary>
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
        { nameof(StrayClosingMarks), 10_000 },
        { nameof(StraightMarks), 10_000 },
        { nameof(ManyParagraphs), 2_000 },
    };

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
        double Time(int size)
        {
            var corpus = Corpus.FromTexts(("a", make(size)));
            corpus.Entities();   // computed once and cached on the corpus: only quote extraction is timed
            Assert.True(corpus.Quotes().Count >= size / 2, "the input should yield a row per quotation or stray mark");
            double best = double.MaxValue;
            for (int i = 0; i < 3; i++)
            {
                GC.Collect();
                var sw = Stopwatch.StartNew();
                corpus.Quotes();
                best = Math.Min(best, sw.Elapsed.TotalMilliseconds);
            }
            return best;
        }
        double small = Time(n), large = Time(4 * n);
        Assert.True(large < 10 * small, $"{shape}: 4x input took {large / small:F1}x the time ({small:F0} ms → {large:F0} ms): super-linear");
    }
}
