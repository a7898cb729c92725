using Analysis;
using CsCheck;

namespace Analysis.Tests.Extraction.Timeline;

/// <summary>Random and adversarial text through all three extractors: no exception, no hang, offsets in range.</summary>
public class TextFuzzTests
{
    private static readonly string[] Pieces =
    [
        "\"", "“", "”", "‘", "’", "«", "»", "'", "—", "–", "-", ":", ",", ".", " ", " ", " ", "\n", "\n\n", "(", ")",
        "said", "told", "according to", "he", "She", "Mr", "Prime Minister", "Secretary of State", "of", "al-", "bin",
        "Blinken", "Antony", "Yahya", "Yehya", "Israel's", "Hamas-run", "U.S.", "UN", "The", "on", "Tuesday",
        "Wednesday morning", "last", "week", "year", "a year ago", "days after", "next", "will", "Oct.", "7", "2023",
        "October 22, 2024", "Sept. 27", "February 29", "31", "9999", "Dec.", "\u00A0", "\t", "é", "🚨", "#", "@x",
    ];

    private static readonly Gen<string> Adversarial = Gen.Int[0, Pieces.Length - 1].Select(i => Pieces[i]).Array[0, 120].Select(a => string.Concat(a));
    private static readonly Gen<string> Random = Gen.String[Gen.Char["\"“”‘’«»'—:. \nAaBbZz09,"], 0, 300];

    private static void RunAll(string text)
    {
        var task = Task.Run(() =>
        {
            var corpus = Corpus.FromTexts(("f", text));
            var entities = corpus.Entities();
            var quotes = corpus.Quotes();
            var timeline = corpus.Timeline();
            int n = corpus.Articles[0].Text.Length;
            foreach (var m in entities.Mentions) Assert.InRange(m.Start, 0, m.End);
            foreach (var m in entities.Mentions) Assert.InRange(m.End, m.Start, n);
            foreach (var q in quotes) Assert.InRange(q.End, q.Start, n);
            foreach (var e in timeline.Entries) Assert.InRange(e.End, e.Start, n);
            _ = timeline.Inconsistencies();
            _ = quotes.SharedQuotations();
        });
        Assert.True(task.Wait(TimeSpan.FromSeconds(10)), $"extraction did not finish within 10 s on: {text}");
    }

    [Fact]
    public void AdversarialPiecesNeverCrashOrHang() => Adversarial.Sample(RunAll, iter: 3000);

    [Fact]
    public void RandomCharactersNeverCrashOrHang() => Random.Sample(RunAll, iter: 3000);

    [Fact]
    public void PublicationDatesAtTheCalendarEndsDoNotThrow()
    {
        foreach (var d in new[] { DateOnly.MinValue, new DateOnly(500, 1, 1), DateOnly.MaxValue })
        {
            var article = Analysis.ArticleBuilder.Build("a", "They met last year, on Monday, 999 years ago, next week and on Dec. 31.", published: d);
            var entries = new Corpus([article]).Timeline().Entries;
            Assert.Equal(5, entries.Count);
            Assert.All(entries, e => Assert.Null(e.Reference));
        }
    }

    [Fact]
    public void LongUnbalancedTextFinishes() => RunAll(string.Concat(Enumerable.Repeat("“Blinken said Tuesday ", 20000)));
}
