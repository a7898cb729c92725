namespace Analysis.Tests.Annotation;

public class AnnotatedArticleTests
{
    private static Corpus Seeds() => Corpus.Load(Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds"));

    [Fact]
    public void EveryExtractorSharesOneReadingOfEachArticle()
    {
        var corpus = Seeds();
        Assert.Equal(5, corpus.Annotations.Count);
        Assert.All(corpus.Annotations, a => Assert.Equal(0, a.LayersComputed));
        for (int round = 0; round < 2; round++)
        {
            corpus.Figures();
            corpus.Entities();
            corpus.Quotes();
            corpus.Timeline();
        }
        // Dates, numbers and entity mentions: three layers, each computed once, however many extractors read them.
        Assert.All(corpus.Annotations, a => Assert.Equal(3, a.LayersComputed));
        Assert.Same(corpus.Entities(), corpus.Entities());
    }

    [Fact]
    public void LayersAreComputedOnceUnderConcurrentReaders()
    {
        var corpus = Seeds();
        Parallel.For(0, 64, new ParallelOptions { MaxDegreeOfParallelism = 8 }, i =>
        {
            var a = corpus.Annotations[i % corpus.Annotations.Count];
            _ = a.Mentions.Count + a.Dates.Count;
        });
        Assert.All(corpus.Annotations, a => Assert.Equal(2, a.LayersComputed));
    }

    [Fact]
    public void LayersLocateWhatTheyRead()
    {
        var corpus = Corpus.FromTexts(("a", "Antony Blinken met Benjamin Netanyahu on October 22, 2024, for 2 hours."));
        var a = corpus.Annotations[0];
        Assert.Same(corpus.Articles[0], a.Article);
        Assert.Same(a, corpus.Annotated(corpus.Articles[0]));
        Assert.Contains(a.Mentions, m => a.Text[m.Start..m.End] == "Antony Blinken");
        var date = Assert.Single(a.Dates);
        Assert.Equal(new DateOnly(2024, 10, 22), date.Date);
        Assert.Contains(a.Tokens, t => t.In(a.Text).ToString() == "Netanyahu");
    }

    [Fact]
    public void AnotherGazetteerIsAnotherReadingKeptOnTheCorpus()
    {
        var corpus = Corpus.FromTexts(("a", "Officials met at the Kirya in the morning."));
        var g = Gazetteer.Default.With("Kirya", EntityKind.Place, "Kirya military headquarters");
        Assert.Same(corpus.WithGazetteer(g), corpus.WithGazetteer(g));
        Assert.Same(corpus, corpus.WithGazetteer(corpus.Gazetteer));
        Assert.DoesNotContain(corpus.Annotations[0].Mentions, m => m.Text == "Kirya");
        Assert.Contains(corpus.WithGazetteer(g).Annotations[0].Mentions, m => m.Text == "Kirya");
    }

    [Fact]
    public void DuplicateIdsAreRefusedByName()
    {
        var a = ArticleBuilder.Build("x", "One text.");
        var e = Assert.Throws<ArgumentException>(() => new Corpus([a, a]));
        Assert.Contains("'x'", e.Message);
    }
}
