namespace Analysis.Tests.Stories;

public class PerStoryReconciliationTests
{
    private static readonly DateOnly Day = new(2022, 5, 2);

    /// <summary><paramref name="stories"/> stories of three articles each, all reporting a death toll (no place named), one story a day.</summary>
    private static (Corpus Corpus, List<IReadOnlyList<string>> Groups) Tolls(int stories)
    {
        var articles = new List<Article>();
        var groups = new List<IReadOnlyList<string>>();
        for (int s = 0; s < stories; s++)
        {
            var ids = new List<string>();
            for (int a = 0; a < 3; a++)
            {
                var id = $"s{s}-a{a}";
                ids.Add(id);
                articles.Add(ArticleBuilder.Build(id, $"{10 + s * 7} people were killed, officials said.",
                    outlet: $"outlet {a}", published: Day.AddDays(s)));
            }
            groups.Add(ids);
        }
        return (new Corpus(articles), groups);
    }

    private static Reconciliation Reconcile(Corpus corpus, IReadOnlyList<IReadOnlyList<string>>? groups) =>
        corpus.Figures().Reconcile(corpus, new ReconcileOptions { SameStory = groups });

    [Fact]
    public void Figures_of_different_stories_are_never_compared()
    {
        var (corpus, groups) = Tolls(3);
        var rec = Reconcile(corpus, groups);
        Assert.Equal(3, rec.Measures.Count);
        Assert.All(rec.Measures, m => Assert.Equal(3, m.Articles));
        Assert.Equal([1, 2, 3], rec.Measures.Select(m => m.Story!.Value).Order());
        // Corpus-wide, the three stories' tolls (a day apart) become one measure of nine articles: a false conflict.
        var whole = Reconcile(corpus, null);
        Assert.Equal(9, Assert.Single(whole.Measures).Articles);
        Assert.Equal(Verdict.Conflict, whole.Measures[0].Verdict);
        Assert.All(rec.Measures, m => Assert.Equal(Verdict.Agree, m.Verdict));
    }

    [Fact]
    public void Work_grows_linearly_with_the_number_of_stories()
    {
        var (small, smallGroups) = Tolls(20);
        var (large, largeGroups) = Tolls(80);
        double perStory = (double)Reconcile(large, largeGroups).Comparisons / Reconcile(small, smallGroups).Comparisons;
        Assert.InRange(perStory, 3.5, 4.5);
        // The same figures compared corpus-wide grow with the square: the check above can fail.
        double wide = (double)Reconcile(large, null).Comparisons / Reconcile(small, null).Comparisons;
        Assert.True(wide > 12, $"corpus-wide growth {wide:F1}");
    }
}
