using Analysis;

namespace Analysis.Tests.Extraction.Entities;

/// <summary>Issue 14's name examples, as sentences written for this test in the same shape.</summary>
public class NameExampleTests
{
    private static IReadOnlyList<EntityMention> Mentions(string text) => Corpus.FromTexts(("a", text)).Entities().Mentions;

    [Fact]
    public void MiddleInitialsAndSuffixesKeepTheNameWhole()
    {
        var m = Mentions("Walter J. Brennan met Peter K. Osgood Jr. on Monday. Later Osgood left.");
        Assert.Contains(m, x => x.Canonical == "Walter J. Brennan" && x.Kind == EntityKind.Person);
        Assert.Contains(m, x => x.Canonical == "Peter K. Osgood Jr." && x.Text == "Peter K. Osgood Jr.");
        Assert.Contains(m, x => x.Text == "Osgood" && x.Canonical == "Peter K. Osgood Jr.");
        Assert.DoesNotContain(m, x => x.Canonical is "Walter J" or "Peter K");
    }

    [Fact]
    public void TitleAndPlaceArePeeledIntoTheirFields()
    {
        var m = Mentions("Nebraska Gov. Tobias Wrenfield spoke, and so did Mara Quintell of California.");
        var gov = Assert.Single(m, x => x.Canonical == "Tobias Wrenfield");
        Assert.Equal("Gov.", gov.Title);
        Assert.Equal("Nebraska", gov.Place);
        Assert.Contains(m, x => x.Text == "Nebraska" && x.Kind == EntityKind.Place);
        var rep = Assert.Single(m, x => x.Canonical == "Mara Quintell");
        Assert.Equal("California", rep.Place);
    }

    [Fact]
    public void ATwoWordSurnameMergesWithTheFullName()
    {
        var m = Mentions("Gloria Ventura Ashcombe chaired the panel. Ventura Ashcombe said it went well.");
        Assert.All(m.Where(x => x.Kind == EntityKind.Person), x => Assert.Equal("Gloria Ventura Ashcombe", x.Canonical));
        Assert.Equal(2, m.Count(x => x.Kind == EntityKind.Person));
    }

    [Fact]
    public void PartyAliasesAreOneOrganization()
    {
        var m = Mentions("The GOP split. Republicans in the Senate and the Republican Party leadership disagreed with a Republican governor.");
        var party = m.Where(x => x.Canonical == "Republican Party").ToList();
        Assert.Equal(4, party.Count);
        Assert.All(party, x => Assert.Equal(EntityKind.Organization, x.Kind));
    }

    [Fact]
    public void LawsAreNotPeople()
    {
        var m = Mentions("Supporters of the 1994 Coastal Fishing Ban gathered outside.");
        Assert.DoesNotContain(m, x => x.Kind == EntityKind.Person);
    }

    [Fact]
    public void PartyStateTagsAreNoEntities()
    {
        var m = Mentions("Rep. Colm Farrow (D-N.Y.) and Sen. Ida Penn (R-Ky.) voted no.");
        Assert.Equal(["Colm Farrow", "Ida Penn"], m.Select(x => x.Canonical));
    }

    [Fact]
    public void AnAcronymTakesTheNameItAbbreviatesInTheArticle()
    {
        var m = Mentions("The Coastal Exporters Association (NXG) said orders fell. The Department of Canal Affairs agreed, and NXG and DCA will meet.");
        Assert.All(m.Where(x => x.Text == "NXG"), x => Assert.Equal("Coastal Exporters Association", x.Canonical));
        Assert.Equal(2, m.Count(x => x.Text == "NXG"));
        Assert.Equal("Department of Canal Affairs", Assert.Single(m, x => x.Text == "DCA").Canonical);
    }
}
