
using Analysis;
namespace Analysis.Tests.Extraction.Figures;

/// <summary>Figures in captions and posts are read only when asked, with offsets into <c>Article.Raw</c>.</summary>
public class SetApartFigureTests
{
    private static Article Seed(string prefix)
    {
        var corpus = Corpus.Load(Path.Combine(Analysis.RepositoryPaths.Root(AppContext.BaseDirectory), "seeds"));
        return corpus.Articles.Single(a => a.Id.StartsWith(prefix, StringComparison.Ordinal));
    }

    [Fact]
    public void BodyOnlyByDefault()
    {
        var article = Seed("002");
        var figures = FigureExtractor.Extract(article);
        Assert.NotEmpty(figures);
        Assert.All(figures, f => Assert.Equal("body", f.Source));
        // raw_start/raw_end locate the same words in the raw file.
        Assert.All(figures, f => Assert.Equal(f.Surface, article.Raw[f.RawStart..f.RawEnd]));
    }

    [Fact]
    public void CaptionsWhenAsked()
    {
        var article = Seed("002");
        var caption = article.Removed.Where(p => p.Kind == "caption").ToList();
        Assert.NotEmpty(caption);
        var body = FigureExtractor.Extract(article);
        var all = FigureExtractor.Extract(article, new FigureOptions { IncludeCaptions = true });
        var extra = all.Where(f => f.Source == "caption").ToList();
        Assert.Equal(body.Count + extra.Count, all.Count);
        // Seed 002's seven captions hold only dates ("January 9, 2024") and credits: no figures.
        Assert.Empty(extra);
        Assert.Equal(all.OrderBy(f => f.RawStart).Select(f => f.RawStart), all.Select(f => f.RawStart));
    }

    [Fact]
    public void CaptionFigureIsReadWithItsContext()
    {
        // A caption line ending in a photo credit is set apart by the cleaner.
        const string raw = "Officials met on Monday to discuss the plan.\n\nAbout 300 people fled their homes in Rafah, Gaza, on Monday. Photo: Reuters/Jane Doe\n\nThe talks continue next week.\n";
        var article = Corpus.FromTexts(("t", raw)).Articles[0];
        Assert.Contains(article.Removed, p => p.Kind == "caption");
        Assert.Empty(FigureExtractor.Extract(article));
        var f = Assert.Single(FigureExtractor.Extract(article, new FigureOptions { IncludeCaptions = true }));
        int at = raw.IndexOf("About 300", StringComparison.Ordinal);
        Assert.Equal(("caption", at, at + "About 300".Length, "displaced · Rafah", Qualifier.Approximately),
            (f.Source, f.Start, f.End, f.Measure, f.Qualifier));
        // A set-apart figure is located in the raw text only: no sentence of the clean body holds it.
        Assert.Equal(f.Surface, raw[f.Start..f.End]);
        Assert.Equal((f.Start, f.End), (f.RawStart, f.RawEnd));
        Assert.Equal(-1, f.SentenceIndex);
        Assert.Contains(article.Removed, p => p.Kind == "caption" && p.RawStart <= f.Start && f.End <= p.RawEnd);
        Assert.Equal(["source", "raw_start", "raw_end"], new[] { f }.ToDataFrame().Columns.Select(c => c.Name).Where(n => n.Contains("raw") || n == "source"));
    }

    [Fact]
    public void PostFigureWhenAsked()
    {
        const string raw = "Talks resumed on Monday.\n\nMore than 40 people were killed in Khan Younis overnight, medics say.\n\n— Jane Roe (@janeroe) October 22, 2024\n\nThe talks continue next week.\n";
        var article = Corpus.FromTexts(("t", raw)).Articles[0];
        Assert.Contains(article.Removed, p => p.Kind == "post");
        var f = Assert.Single(FigureExtractor.Extract(article, new FigureOptions { IncludePosts = true }), f => f.Source == "post");
        int at = raw.IndexOf("More than 40", StringComparison.Ordinal);
        Assert.Equal((at, at + "More than 40".Length, "killed · Khan Younis"), (f.Start, f.End, f.Measure));
        Assert.DoesNotContain(FigureExtractor.Extract(article), f => f.Source == "post");
    }

    [Fact]
    public void PostsWhenAsked()
    {
        var article = Seed("000");
        var posts = FigureExtractor.Extract(article, new FigureOptions { IncludePosts = true }).Where(f => f.Source == "post").ToList();
        // Seed 000's posts hold only dates, handles and URLs ("t.co/8Jfne6aAC9"): no figures.
        Assert.Empty(posts);
        Assert.DoesNotContain(FigureExtractor.Extract(article, new FigureOptions { IncludeCaptions = true }), f => f.Source == "post");
    }
}
