using Analysis;
using Analysis.Tests.Extraction.Entities;

namespace Analysis.Tests.Extraction.Quotes;

public class QuoteTests
{
    public static TheoryData<string, string, string, string, string> Rows() => LabelledData.Five("Extraction/Quotes/Data/quotes.tsv");

    [Theory]
    [MemberData(nameof(Rows))]
    public void QuoteSpeakerKindAndRule(string text, string quote, string speaker, string kind, string rule)
    {
        var quotes = Corpus.FromTexts(("a", text.Replace("¶", "\n"))).Quotes();
        var q = Assert.Single(quotes);
        Assert.Equal(quote, q.Text);
        Assert.Equal(speaker, q.Speaker ?? "");
        Assert.Equal(kind, q.Kind.ToString().ToLowerInvariant());
        Assert.Equal(rule, q.Rule);
    }

    [Fact]
    public void OffsetsPointAtTheQuotedText()
    {
        var corpus = Corpus.FromTexts(("a", "Intro.\n“Every word counts here today,” she said."));
        var q = Assert.Single(corpus.Quotes());
        Assert.Equal("Every word counts here today,", corpus.Articles[0].Text[q.Start..q.End]);
        Assert.Equal(1, q.SentenceIndex);
    }

    [Fact]
    public void UnbalancedMarksBecomeProblemRowsAndTheRestIsKept()
    {
        var text = "He said “this never closes at all.\nThen “a proper quotation of several words,” Ann Lee said.\nIt ended.” Done.";
        var quotes = Corpus.FromTexts(("a", text)).Quotes();
        // A closing mark with nothing open is a problem row.
        var problem = Assert.Single(quotes, q => q.Kind == QuoteKind.Problem);
        Assert.Contains("no opening mark", problem.Problem);
        // A quotation open at its paragraph's end runs to it (news convention), with the missing mark noted.
        var unclosed = Assert.Single(quotes, q => q.Text == "this never closes at all.");
        Assert.Contains("no closing mark", unclosed.Problem);
        var full = Assert.Single(quotes, q => q.Text == "a proper quotation of several words,");
        Assert.Equal("Ann Lee", full.Speaker);
    }

    [Fact]
    public void ApostrophesAreNotQuotes()
    {
        Assert.Empty(Corpus.FromTexts(("a", "Iran’s leaders and the Palestinians’ envoy can’t agree on the ‘90s.")).Quotes());
    }

    [Fact]
    public void CrossOutletViews()
    {
        var corpus = Corpus.FromTexts(
            ("a", "“We will rebuild every school in the region,” said Maria Lopez."),
            ("b", "Maria Lopez promised more. “We will rebuild every school in the region,” Lopez said."),
            ("c", "“Nothing has changed for us at all,” said John Reed."),
            ("d", "Officials said they would “rebuild every school in the region” within a year."));
        var quotes = corpus.Quotes();
        var speakers = quotes.SpeakersByOutlet();
        Assert.Equal(3, speakers.Count);
        Assert.All(speakers.Where(s => s.Outlet != "c"), s => Assert.Equal("Maria Lopez", s.Speaker));
        var shared = quotes.SharedQuotations();
        Assert.Equal(["a", "b", "d"], shared.Select(s => s.ArticleId).Order());
        Assert.All(shared.Where(s => s.ArticleId != "d"), s => Assert.Equal("exact", s.Match));
        Assert.Equal("part", shared.Single(s => s.ArticleId == "d").Match);
        Assert.Equal("quote", quotes.ToDataFrame().Columns[2].Name);
    }

    [Fact]
    public void SpeakerChartHasOneTracePerOutletAndTheTopSpeakers()
    {
        var quotes = Corpus.FromTexts(
            ("a", "“We will rebuild every school in the region,” said Maria Lopez."),
            ("b", "“Nothing has changed for us at all,” said John Reed. “We keep waiting for any news,” Reed added.")).Quotes();
        var html = Plotly.NET.GenericChart.toChartHTML(QuoteCharts.SpeakersByOutlet(quotes, top: 1));
        Assert.Contains("John Reed", html);
        Assert.DoesNotContain("Maria Lopez", html);
        Assert.Contains("\"name\":\"b\"", html);
        Assert.Throws<ArgumentOutOfRangeException>(() => QuoteCharts.SpeakersByOutlet(quotes, top: 0));
    }
}
