namespace Analysis.Tests.Stories;

public class StoryTests
{
    private static string Seeds => Path.Combine(RepositoryPaths.Root(AppContext.BaseDirectory), "seeds");

    private static readonly DateOnly Day = new(2023, 3, 14);

    // Three invented events, two reports each in different words, plus one unrelated report.
    private static readonly (string Id, string Text, int DayOffset)[] Reports =
    [
        ("flood-a", "Flooding in Riverton forced 1,200 residents from their homes on Tuesday as the Marrow River burst its banks. Mayor Helen Stroud opened three shelters.", 0),
        ("flood-b", "Mayor Helen Stroud said 1,200 Riverton residents were evacuated after the Marrow River overflowed. Emergency shelters opened across Riverton.", 1),
        ("strike-a", "Dock workers at Port Calloway walked out over pay, halting 340 container ships. The Calloway Dockers Union demanded a 9% raise.", 0),
        ("strike-b", "The Calloway Dockers Union strike left 340 container ships idle at Port Calloway as talks on pay collapsed.", 0),
        ("vote-a", "Lawmakers in Westmere approved the Clean Harbour Act by 61 votes to 44 after a long debate led by Senator Ada Quill.", 0),
        ("vote-b", "Senator Ada Quill welcomed the passage of the Clean Harbour Act, which the Westmere assembly approved 61 to 44.", 1),
        ("lone", "A bakery in Tillbury won a national prize for its rye sourdough, judges announced.", 0),
    ];

    private static Article Build(string id, string text, DateOnly? published) => ArticleBuilder.Build(id, text, published: published, outlet: "outlet " + id);

    private static Corpus Dated(IEnumerable<(string Id, string Text, int DayOffset)> reports) =>
        new(reports.Select(r => Build(r.Id, r.Text, Day.AddDays(r.DayOffset))).ToList());

    private static string[][] Partition(StorySet stories) =>
        stories.Select(s => s.ArticleIds.Order(StringComparer.Ordinal).ToArray()).OrderBy(g => g[0], StringComparer.Ordinal).ToArray();

    [Fact]
    public void Finds_the_number_of_stories_including_a_singleton()
    {
        var stories = Dated(Reports).Stories();
        Assert.Equal(
            [["flood-a", "flood-b"], ["lone"], ["strike-a", "strike-b"], ["vote-a", "vote-b"]],
            Partition(stories));
        Assert.Equal(1, stories.Single(s => s.ArticleIds.Contains("lone")).Size);
        Assert.StartsWith("stands alone", stories.Of("lone")!.Reason);
    }

    [Fact]
    public void A_story_explains_itself_with_shared_names_dates_and_outlets()
    {
        var flood = Dated(Reports).Stories().Of("flood-a")!;
        Assert.Contains("Helen Stroud", flood.Names);
        Assert.Contains("Riverton", flood.Label);
        Assert.Equal(Day, flood.First);
        Assert.Equal(Day.AddDays(1), flood.Last);
        Assert.Equal(["outlet flood-a", "outlet flood-b"], flood.Outlets);
        Assert.Contains("2 articles from 2 outlets", flood.Reason);
        Assert.Contains("Helen Stroud", flood.Reason);
    }

    [Fact]
    public void Same_words_months_apart_are_two_stories_but_undated_they_are_one()
    {
        var texts = Reports.Where(r => r.Id.StartsWith("flood")).ToList();
        var apart = new Corpus([Build(texts[0].Id, texts[0].Text, Day), Build(texts[1].Id, texts[1].Text, Day.AddDays(90))]);
        Assert.Equal(2, apart.Stories().Count);
        var undated = new Corpus([Build(texts[0].Id, texts[0].Text, null), Build(texts[1].Id, texts[1].Text, null)]);
        Assert.Single(undated.Stories());
        Assert.Single(apart.Stories(new StoryOptions { UseDates = false }));
    }

    [Fact]
    public void One_story_for_a_corpus_about_one_event()
    {
        var stories = Dated(Reports.Where(r => r.Id.StartsWith("strike"))).Stories();
        Assert.Single(stories);
        Assert.Equal(2, stories[0].Size);
    }

    [Fact]
    public void Same_stories_whatever_the_article_order()
    {
        var forward = Partition(Dated(Reports).Stories());
        var backward = Partition(Dated(Reports.Reverse()).Stories());
        Assert.Equal(forward, backward);
    }

    [Fact]
    public void An_article_without_words_is_left_out_with_a_reason_not_an_exception()
    {
        var corpus = new Corpus([.. Dated(Reports).Articles, Build("empty", "… 3 — 4 !", Day), Build("watch", "Watch: the video.", Day)]);
        var stories = corpus.Stories();
        // Cleaning sets "Watch: the video." apart as page furniture, so neither article has words left.
        Assert.Equal(["empty", "watch"], stories.Excluded.Select(e => e.ArticleId));
        Assert.All(stories.Excluded, e => Assert.StartsWith("no words to compare", e.Reason));
        Assert.Null(stories.Of("watch"));
        Assert.Equal(4, stories.Count);
        var table = stories.ToDataFrame();
        Assert.Equal(corpus.Articles.Count, table.Rows.Count);
        Assert.Equal(["article_id", "story", "story_label", "outlet", "published"], table.Columns.Take(5).Select(c => c.Name));
    }

    [Fact]
    public void A_story_is_compared_with_its_own_articles_only()
    {
        var analysis = Dated(Reports).Analyze();
        var strike = analysis.Stories.Of("strike-a")!;
        var comparison = analysis.Compare(strike);
        Assert.NotEmpty(comparison.Figures);
        Assert.All(comparison.Figures, f => Assert.StartsWith("strike", f.ArticleId));
        Assert.Contains(analysis.Reconciliation.Rows, r => r.ArticleId.StartsWith("flood"));
        Assert.Equal(analysis.Stories.Count(s => s.Size >= 2), analysis.StoryComparisons().Count);
        var table = analysis.Tables.Single(t => t.Name == "stories").Build();
        Assert.Equal(Reports.Length, table.Rows.Count);
    }

    [Fact]
    public void An_undated_report_is_kept_from_a_story_months_away_from_the_day_it_mentions()
    {
        // The undated report names Mar. 14 twice: it belongs with the March report, not the one published in July.
        var march = Build("march", "Mayor Helen Stroud said 1,200 Riverton residents were evacuated after the Marrow River overflowed.", Day);
        var july = Build("july", "Mayor Helen Stroud opened new shelters for Riverton residents after the Marrow River overflowed again.", Day.AddDays(120));
        var undated = Build("undated", "On Mar. 14 the Marrow River overflowed and Riverton residents left their homes; by the evening of Mar. 14 Mayor Helen Stroud had opened shelters.", null);
        var stories = new Corpus([march, july, undated]).Stories();
        Assert.Same(stories.Of("march"), stories.Of("undated"));
        Assert.NotSame(stories.Of("july"), stories.Of("undated"));
    }

    [Fact]
    public void Relative_similarity_joins_reports_that_share_few_words_when_nothing_else_is_closer()
    {
        // Two pairs of reports of one day: the opinion pair shares far fewer words than the wire pair, yet each is
        // the other's best match, so both pairs are stories; measured in absolute terms the opinion pair splits.
        var reports = new[]
        {
            Build("wire-a", "Dock workers at Port Calloway walked out over pay, halting 340 container ships at Port Calloway.", Day),
            Build("wire-b", "Dock workers at Port Calloway walked out over pay on Tuesday, halting 340 container ships.", Day),
            Build("opinion-a", "The harbour levy is a mistake that taxpayers will regret for years.", Day),
            Build("opinion-b", "A levy nobody likes may still save the harbour, and its critics should admit it.", Day),
        };
        var relative = new Corpus(reports).Stories();
        Assert.Equal([["opinion-a", "opinion-b"], ["wire-a", "wire-b"]], Partition(relative));
        var absolute = new Corpus(reports).Stories(new StoryOptions { ReferenceFloor = 1, Threshold = 0.5 });
        Assert.Equal(3, absolute.Count);
    }

    [Fact]
    public void A_report_is_not_pulled_into_another_story_of_its_topic()
    {
        // Undated, so text alone decides: a walkout (two wire rewrites and a report in its own words) and, on the
        // same port, the deal that ended it. The third walkout report shares the dockers, the ships and the union
        // with the deal reports; measured against each article's two best matches it stays out of the deal story,
        // while measured against the best match alone (threshold 0.6) it is joined to a deal report.
        var reports = new[]
        {
            Build("walkout-a", "Dock workers at Port Calloway walked out over pay on Monday, halting 340 container ships. The Calloway Dockers Union demanded a 9% raise from the port authority.", null),
            Build("walkout-b", "Dock workers at Port Calloway walked out over pay on Monday, halting 340 container ships, after the Calloway Dockers Union demanded a 9% raise.", null),
            Build("walkout-c", "Shippers scrambled for berths elsewhere as the walkout by Calloway dockers left 340 ships waiting offshore and the union vowed to hold out for a 9% raise.", null),
            Build("deal-a", "The Calloway Dockers Union accepted a 6% raise, ending the strike at Port Calloway after mediator Ruth Okafor brokered an overnight agreement with the port authority.", null),
            Build("deal-b", "Mediator Ruth Okafor brokered a deal giving Calloway dockers a 6% raise; cranes at Port Calloway were moving again by dawn.", null),
            Build("deal-c", "Union members ratified the 6% agreement Ruth Okafor negotiated, and the first container ships left Port Calloway on Friday.", null),
        };
        var stories = new Corpus(reports).Stories();
        Assert.Equal(["deal-a", "deal-b", "deal-c"], stories.Of("deal-a")!.ArticleIds.Order(StringComparer.Ordinal));
        Assert.DoesNotContain(stories.Of("walkout-c")!.ArticleIds, id => id.StartsWith("deal", StringComparison.Ordinal));
        Assert.Same(stories.Of("walkout-a"), stories.Of("walkout-b"));
        var bestOnly = new Corpus(reports).Stories(new StoryOptions { ReferenceMatches = 1, Threshold = 0.6 });
        Assert.Contains(bestOnly.Of("walkout-c")!.ArticleIds, id => id.StartsWith("deal", StringComparison.Ordinal));
    }

    [Fact]
    public void Seeds_make_two_stories_with_002_apart()
    {
        Assert.SkipUnless(Directory.Exists(Seeds), $"seeds/ not found at {Seeds}");
        var stories = Corpus.Load(Seeds).Stories();
        Assert.Equal(2, stories.Count);
        var lone = stories.Single(s => s.Size == 1);
        Assert.StartsWith("002", lone.ArticleIds[0]);
    }
}
