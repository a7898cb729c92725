using Analysis;
namespace Analysis.Tests.Extraction.Entities;

public class EntitySetTests
{
    private static EntityMention M(string article, int start, string text, string canonical) =>
        new(article, "outlet", start, start + text.Length, 0, "sentence", text, EntityKind.Person, canonical, "title");

    [Fact]
    public void AnArticleWhoseMentionsComeBackIsCountedAsOne()
    {
        // Mentions normally come article by article; when one article's come in two runs, its rows are the same.
        var apart = new EntitySet([M("a", 0, "Ada Lusk", "Ada Lusk"), M("b", 0, "Ada Lusk", "Ada Lusk"), M("a", 20, "Lusk", "Ada Lusk"),
            M("a", 40, "Ben Ode", "Ben Ode")]);
        var rows = apart.Counts.Select(c => (c.ArticleId, c.Canonical, c.Mentions, c.Variants, c.Start)).ToList();
        Assert.Equal([("a", "Ada Lusk", 2, "Ada Lusk; Lusk", 0), ("a", "Ben Ode", 1, "Ben Ode", 40), ("b", "Ada Lusk", 1, "Ada Lusk", 0)], rows);
        Assert.Equal(3, apart.In("a").Count);
        Assert.Equal(3, apart.Canonical.Single(e => e.Canonical == "Ada Lusk").Mentions);
    }

    [Fact]
    public void VariantsAreSortedAndCountedOnce()
    {
        var set = new EntitySet([M("a", 0, "Lusk", "Ada Lusk"), M("a", 10, "Ada Lusk", "Ada Lusk"), M("a", 30, "Lusk", "Ada Lusk")]);
        var row = Assert.Single(set.Counts);
        Assert.Equal(3, row.Mentions);
        Assert.Equal("Ada Lusk; Lusk", row.Variants);
        Assert.Equal(0, row.Start);
    }
}
