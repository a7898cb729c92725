
using Analysis;
namespace Analysis.Tests.Extraction.Entities;

public class EntityTests
{
    private static EntitySet Recognize(params string[] texts) =>
        Corpus.FromTexts(texts.Select((t, i) => ($"a{i}", t)).ToArray()).Entities();

    [Fact]
    public void TitleIsStrippedAndSurnameResolvesToFullName()
    {
        var e = Recognize("US Secretary of State Antony Blinken landed in Israel. Later Blinken met officials.");
        var people = e.People.ToList();
        Assert.Equal(["Antony Blinken", "Blinken"], people.Select(m => m.Text));
        Assert.All(people, m => Assert.Equal("Antony Blinken", m.Canonical));
        Assert.Contains(e.Mentions, m => m is { Text: "US", Kind: EntityKind.Place, Canonical: "United States" });
    }

    [Fact]
    public void NationalityBeforeTitleIsAGroupAndPossessiveIsDropped()
    {
        var e = Recognize("Israeli Prime Minister Benjamin Netanyahu spoke. Netanyahu's office and Israel's army replied.");
        Assert.Contains(e.Mentions, m => m is { Text: "Israeli", Kind: EntityKind.Group });
        Assert.Equal(2, e.People.Count(m => m.Canonical == "Benjamin Netanyahu"));
        Assert.Contains(e.Mentions, m => m is { Text: "Israel", Kind: EntityKind.Place });
    }

    [Fact]
    public void TransliterationVariantsMergeAcrossArticles()
    {
        var e = Recognize("Hamas leader Yehya Sinwar was killed.", "Hamas leader Yahya Sinwar was killed. Sinwar had led the group.");
        var canon = e.People.Select(m => m.Canonical).Distinct().ToList();
        Assert.Single(canon);
        Assert.Equal("Yahya Sinwar", canon[0]);
        var counts = e.Counts.Where(c => c.Kind == EntityKind.Person).OrderBy(c => c.ArticleId).ToList();
        Assert.Equal([1, 2], counts.Select(c => c.Mentions));
    }

    [Fact]
    public void LoneSurnameTakesTheOnlyFullNameInTheCorpus()
    {
        var e = Recognize("Defence Minister Yoav Gallant spoke.", "Gallant said the army was ready.");
        Assert.All(e.People, m => Assert.Equal("Yoav Gallant", m.Canonical));
    }

    [Fact]
    public void DifferentNamesAreNotMerged()
    {
        var e = Recognize("President Joe Biden met Donald Trump in Austria and Australia.");
        Assert.Equal(2, e.People.Select(m => m.Canonical).Distinct().Count());
        Assert.Equal(2, e.Mentions.Where(m => m.Kind == EntityKind.Place).Select(m => m.Canonical).Distinct().Count());
    }

    [Fact]
    public void GazetteerCanBeExtendedByTheUser()
    {
        var corpus = Corpus.FromTexts(("a", "Officials met at the Kirya in the morning."));
        Assert.DoesNotContain(corpus.Entities().Mentions, m => m.Text == "Kirya");
        var g = Gazetteer.Default.With("Kirya", EntityKind.Place, "Kirya military headquarters");
        Assert.Contains(corpus.Entities(new EntityOptions { Gazetteer = g }).Mentions, m => m is { Text: "Kirya", Kind: EntityKind.Place, Canonical: "Kirya military headquarters" });
    }

    [Fact]
    public void GazetteerFileWithBadKindIsAClearError()
    {
        var path = Path.GetTempFileName();
        File.WriteAllText(path, "planet\tMars\n");
        var ex = Assert.Throws<FormatException>(() => Gazetteer.Default.WithFile(path));
        Assert.Contains(":1:", ex.Message);
        File.Delete(path);
    }

    [Fact]
    public void MentionsCarryProvenance()
    {
        var corpus = Corpus.FromTexts(("a", "Rain fell. Chancellor Gordon Brown spoke in London."));
        var m = corpus.Entities().Mentions.Single(x => x.Kind == EntityKind.Person);
        var text = corpus.Articles[0].Text;
        Assert.Equal("Gordon Brown", text[m.Start..m.End]);
        Assert.Equal(1, m.SentenceIndex);
        Assert.Equal("title", m.Rule);
        var df = corpus.Entities().ToDataFrame();
        Assert.Equal("article_id", df.Columns[0].Name);
        Assert.Equal(2L, df.Rows.Count);
    }

    [Fact]
    public void ChartShowsTheMostMentionedPeoplePerOutlet()
    {
        var e = Recognize("Prime Minister Tony Blair met Gordon Brown. Blair spoke.", "Tony Blair flew to Paris.");
        var html = Plotly.NET.GenericChart.toChartHTML(EntityCharts.ByOutlet(e, EntityKind.Person, top: 1));
        Assert.Contains("Tony Blair", html);
        Assert.DoesNotContain("Gordon Brown", html);
        Assert.DoesNotContain("Paris", html);
        Assert.Contains("\"name\":\"a1\"", html);
    }
}
