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

    // Third pass of issue 14: rules from the development errors, each on sentences written for the test.

    private static IReadOnlyList<EntityMention> CorpusMentions(params string[] texts) =>
        Corpus.FromTexts(texts.Select((t, i) => ($"a{i}", t)).ToArray()).Entities().Mentions;

    [Fact]
    public void AndAmpersandAndForStayInsideOrganizationNames()
    {
        var m = Mentions("The Water and Soil Administration met the Office for Budget Review, and Penrose & Gale advised them.");
        Assert.Contains(m, x => x.Text == "Water and Soil Administration" && x.Kind == EntityKind.Organization);
        Assert.Contains(m, x => x.Text == "Office for Budget Review" && x.Kind == EntityKind.Organization);
        Assert.Contains(m, x => x.Text == "Penrose & Gale" && x.Kind == EntityKind.Organization);
        Assert.DoesNotContain(m, x => x.Text is "Soil Administration" or "Budget Review" or "Water");
    }

    [Fact]
    public void AndBetweenANameAndAnOrganizationStaysASplit()
    {
        var m = Mentions("Shares of Halvorsen and Brightwater Bank fell.");
        Assert.DoesNotContain(m, x => x.Text.Contains("Halvorsen and"));
        Assert.Contains(m, x => x.Text == "Brightwater Bank" && x.Kind == EntityKind.Organization);
    }

    [Fact]
    public void TheStateOfATitledPersonIsItsOwnMention()
    {
        var m = Mentions("The panel heard Rep. Ada Lusk of Ohio and Dan Jordan of Ohio.");
        var lusk = Assert.Single(m, x => x.Canonical == "Ada Lusk");
        Assert.Equal(EntityKind.Person, lusk.Kind);
        Assert.Equal("Ohio", lusk.Place);
        Assert.Contains(m, x => x.Canonical == "Dan Jordan" && x.Kind == EntityKind.Person);
        Assert.Equal(2, m.Count(x => x.Text == "Ohio" && x.Kind == EntityKind.Place));
        Assert.DoesNotContain(m, x => x.Text == "Jordan");
    }

    [Fact]
    public void CommonWordsBeforeATitleAreNoPlaces()
    {
        var m = Mentions("Press Secretary Dana Welk spoke after Vice President Ora Lind. Former Mayor Ben Oduya agreed.");
        Assert.DoesNotContain(m, x => x.Kind == EntityKind.Place);
        Assert.Equal(["Dana Welk", "Ora Lind", "Ben Oduya"], m.Select(x => x.Canonical));
    }

    [Fact]
    public void NumberWordsOpeningASentenceAreNotPartOfAName()
    {
        var m = Mentions("Seven Harbor Police officers sued the city.");
        Assert.Equal("Harbor Police", Assert.Single(m).Canonical);
    }

    [Fact]
    public void APlaceWordAtTheEndMakesAPlace()
    {
        var m = Mentions("Flights left Tarrow International Airport late.");
        var airport = Assert.Single(m);
        Assert.Equal(("Tarrow International Airport", EntityKind.Place), (airport.Text, airport.Kind));
    }

    [Fact]
    public void TheFirstWordOfAnOrganizationStandsForIt()
    {
        var m = Mentions("Brontex Holdings lost a contract. Brontex said it would appeal, and analysts expect Brontex to win.");
        var short_ = m.Where(x => x.Text == "Brontex").ToList();
        Assert.Equal(2, short_.Count);
        Assert.All(short_, x => Assert.Equal(("Brontex Holdings", EntityKind.Organization), (x.Canonical, x.Kind)));
    }

    [Fact]
    public void ALoneSurnameTakesTheOnePersonTheCorpusNamesInFull()
    {
        var m = CorpusMentions(
            "Senator Ilse Varga spoke on Monday. Ilse Varga then left for home.",
            "The Varga administration cut taxes. Money flowed from Varga's allies to the campaign.");
        var lone = m.Where(x => x.ArticleId == "a1").ToList();
        Assert.Equal(2, lone.Count);
        Assert.All(lone, x => Assert.Equal(("Ilse Varga", EntityKind.Person), (x.Canonical, x.Kind)));
        Assert.True(lone[0].Start < lone[1].Start, "mentions stay in text order");
    }

    [Fact]
    public void ALoneSurnameNeedsTheFullNameTwiceAndACommonOpeningWordIsNoSurname()
    {
        var m = CorpusMentions(
            "Coach Tessa Young arrived. Tessa Young then spoke, and so did Ilse Varga.",
            "Young voters stayed home. The Varga plan failed.");
        Assert.DoesNotContain(m, x => x.ArticleId == "a1");
    }

    [Fact]
    public void OneKindPerCanonicalName()
    {
        var m = CorpusMentions("Brontex said it would grow.", "Factories in Brontex closed.", "Jobs in Brontex vanished.");
        var all = m.Where(x => x.Canonical == "Brontex").ToList();
        Assert.Equal(3, all.Count);
        Assert.All(all, x => Assert.Equal(EntityKind.Place, x.Kind));
    }

    [Fact]
    public void AQuotedTitleIsNoEntity()
    {
        var m = Mentions("She appeared on \"Dawn & Dusk\" and then on “Morning Brew Live,” a show in Chile.");
        Assert.Equal("Chile", Assert.Single(m).Canonical);
    }

    [Fact]
    public void HyphenatedKnownNamesAndCapitalDatelinesGiveTheirPlaces()
    {
        var m = Mentions("OSLO — Troops massed near the Chile-Peru border.");
        Assert.Equal(3, m.Count);
        Assert.Contains(m, x => x.Text == "OSLO" && x.Kind == EntityKind.Place);
        Assert.Contains(m, x => x.Text == "Chile" && x.Kind == EntityKind.Place);
        Assert.Contains(m, x => x.Text == "Peru" && x.Kind == EntityKind.Place);
    }

    [Fact]
    public void AnAcronymBeforeANumberIsABillNotAnOrganization()
    {
        var m = Mentions("Lawmakers passed H.B. 12 after the RLX agreed.");
        Assert.Equal("RLX", Assert.Single(m).Text);
    }

    [Fact]
    public void AnOrganizationOrPlaceBeforeATitleIsKept()
    {
        var m = Mentions("Harwick County District Court Judge Mina Soto ruled, and Penmore County Mayor Ted Ruiz agreed.");
        Assert.Contains(m, x => x.Text == "Harwick County District Court" && x.Kind == EntityKind.Organization);
        Assert.Contains(m, x => x.Text == "Penmore County" && x.Kind == EntityKind.Place);
        Assert.Equal("Penmore County", Assert.Single(m, x => x.Canonical == "Ted Ruiz").Place);
        Assert.Contains(m, x => x.Canonical == "Mina Soto" && x.Title == "Judge");
    }

    [Fact]
    public void ANicknameInQuotesStaysOutOfThePersonsName()
    {
        var m = Mentions("Tomasz “Tom” Brel, a lawyer, waited. “It is close,” Mr. Brel said.");
        var people = m.Where(x => x.Kind == EntityKind.Person).ToList();
        Assert.Equal(2, people.Count);
        Assert.All(people, x => Assert.Equal("Tomasz Brel", x.Canonical));
    }

    [Fact]
    public void RanksAsBritishNewsWritesThemAreTitles()
    {
        var m = Mentions("Lt Col Ann Reyes of the army and Aunt Maud Pike spoke.");
        Assert.Equal("Lt Col", Assert.Single(m, x => x.Canonical == "Ann Reyes").Title);
        Assert.Contains(m, x => x.Canonical == "Maud Pike" && x.Title == "Aunt");
    }
}
