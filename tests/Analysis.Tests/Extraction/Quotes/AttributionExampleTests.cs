using Analysis;

namespace Analysis.Tests.Extraction.Quotes;

/// <summary>
/// Issue 14's attribution examples, each as a sentence written for this test in the same shape as the corpus text
/// that went wrong (no corpus text is copied).
/// </summary>
public class AttributionExampleTests
{
    private static IReadOnlyList<Quote> Quotes(string text) => Corpus.FromTexts(("a", text)).Quotes();

    private static Quote Single(string text, QuoteKind kind = QuoteKind.Full) => Assert.Single(Quotes(text), q => q.Kind == kind);

    [Theory]
    [InlineData("The vote was close. \"Certainly not,\" Mr. Haverford said.", "Haverford")]
    [InlineData("The debate went on. \"Pirates don't have a seat at this table,\" Mr. Wendler said on Monday.", "Wendler")]
    [InlineData("Owen Tremaine praised her. \"She has a great many friends here,\" Ms. Castellane said.", "Castellane")]
    [InlineData("\"We will not move on this at all,\" Sen. Orlaith Brennock said.", "Orlaith Brennock")]
    [InlineData("\"We will not move on this at all,\" Gov. Brennock said.", "Brennock")]
    public void HonorificAndNameBeforeTheCue(string text, string speaker)
    {
        var q = Assert.Single(Quotes(text));
        Assert.Equal(speaker, q.Speaker);
        Assert.StartsWith("cue_after", q.Rule);
        Assert.True(q.Confidence >= 0.8, $"confidence {q.Confidence}");
    }

    [Fact]
    public void HonorificNameWithoutQuoteIsStillAPerson()
    {
        var people = Corpus.FromTexts(("a", "Mr. Haverford said the two leaders would meet again in the spring.")).Entities().People.ToList();
        var m = Assert.Single(people);
        Assert.Equal("Haverford", m.Canonical);
    }

    [Fact]
    public void PronounGoesToTheSubjectNotTheNearestName()
    {
        var text = "Ellery Dunmore spent the week touring dairy farms. He said he \"admires\" Quillon for his work on the bill. " +
                   "\"I have enormous respect for the farmers of this state,\" he said.";
        var q = Single(text);
        Assert.Equal("Ellery Dunmore", q.Speaker);
    }

    [Fact]
    public void TheAskerIsTheSubjectNotTheOneAsked()
    {
        var q = Assert.Single(Quotes("The chief justice also asked Mr. Pellingham \"how many cases like this one were ever brought here.\""));
        Assert.NotEqual("Pellingham", q.Speaker);
        Assert.Equal("the chief justice", q.Speaker);
    }

    [Fact]
    public void QuotedListenerInReportedSpeechIsNotTheSubjectsWords()
    {
        var q = Assert.Single(Quotes("According to the complaint, Mr. Varnell later told \"senior campaign staff members\" about the plan."));
        Assert.NotEqual("Varnell", q.Speaker);
    }

    [Theory]
    [InlineData("The senator appeared on \"Meet the Voters\" on Sunday.")]
    [InlineData("She said so in an interview with \"Good Morning Riverside.\"")]
    [InlineData("He was interviewed on CNN's \"State of the Nation\" about the bill.")]
    public void TitlesOfShowsAreNotQuotations(string text)
    {
        var q = Assert.Single(Quotes(text));
        Assert.Equal(QuoteKind.Title, q.Kind);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void ATimePhraseIsNeverTheSpeaker()
    {
        var q = Assert.Single(Quotes("The congressman over the weekend joked that critics would \"come after\" him."));
        Assert.NotEqual("the weekend", q.Speaker);
    }

    [Fact]
    public void NestedStraightQuotesStayInsideTheOuterQuotation()
    {
        var q = Single("\"That is what they call \"routine,\" and it is part of every such program,\" the director said.");
        Assert.Equal("That is what they call \"routine,\" and it is part of every such program,", q.Text);
        Assert.Equal("the director", q.Speaker);
    }

    [Fact]
    public void AQuotationRunningToTheParagraphEndIsAQuotation()
    {
        var text = "Tamsin Orrery spoke on Friday.\n\n\"We are not going to stop until every family is home and safe, whatever it takes...\n\nThe talks resume next week.";
        var q = Single(text);
        Assert.Equal("Tamsin Orrery", q.Speaker);
        Assert.EndsWith("whatever it takes...", q.Text);
        Assert.NotNull(q.Problem);   // the missing closing mark is noted, the quotation kept
    }

    [Fact]
    public void AFullStopInsideTheMarksEndsTheAttributionContext()
    {
        var text = "Ada Quill said: \"We will see this through to the end.\" The chair of the board, Noel Brask, warned of delays.";
        var q = Single(text);
        Assert.Equal("Ada Quill", q.Speaker);
    }

    [Fact]
    public void WordsContinuingTheSentenceAreNoAttribution()
    {
        var q = Single("Mara Ellison says the panel \"will do the job it was set up to do\" despite the Whigs' vow to stay away.");
        Assert.Equal("Mara Ellison", q.Speaker);
    }

    [Fact]
    public void APronounAfterAnInstitutionsReportGoesToThePersonItReportsOn()
    {
        // Seed 001's shape: the sentence before names an office as subject and the envoy inside it.
        var text = "Dorian Vell, the prime minister, met the envoy on Monday. The Foreign Ministry said that during the talks, " +
                   "Envoy Casimir Aldane stressed the need for calm. He noted that lasting peace requires a \"new path\" after the war.";
        var q = Single(text, QuoteKind.Scare);
        Assert.Equal("Casimir Aldane", q.Speaker);
    }

    [Fact]
    public void AnOrganizationRightBeforeTheCueIsItsSubject()
    {
        var q = Single("On the day Casimir Aldane landed, the White House reiterated that \"families cannot stay displaced from their homes.\"");
        Assert.Equal("White House", q.Speaker);
    }

    [Fact]
    public void AnAppositiveOrganizationDoesNotTakeThePersonsQuote()
    {
        var q = Single("Ludo Perrin, the leader of the Transport Workers Union said: \"We warned them about this a year ago and nobody listened.\"");
        Assert.Equal("Ludo Perrin", q.Speaker);
    }

    [Fact]
    public void TheSubjectOfTheCueOutranksANameEarlierInTheSentence()
    {
        var text = "After losing the opening set to Dario Venn, Tomas Arkel said he began to doubt himself. " +
                   "\"I am 29 and I was playing against the best returner in the world,\" he said.";
        Assert.Equal("Tomas Arkel", Single(text).Speaker);
    }

    [Fact]
    public void ANameAfterAPronounSubjectIsItsObject()
    {
        var text = "Club manager Ronan Keddle wants a new striker. He sees Pavel Orsk as the ideal replacement. " +
                   "\"Pavel is the kind of player who would excite the fans,\" he told local radio.";
        Assert.Equal("Ronan Keddle", Single(text).Speaker);
    }

    [Fact]
    public void AQuotationRightAfterAnotherKeepsItsSpeaker()
    {
        var text = "Accepting the award, Lyra Benholm said: \"I don't know what to say to all of you tonight.\" \"Thank you all so much for voting for me, I feel dizzy.\"";
        var quotes = Quotes(text).Where(q => q.Kind == QuoteKind.Full).ToList();
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Lyra Benholm", q.Speaker));
    }

    [Fact]
    public void AQuotationStandingAloneBelongsToTheSubjectBefore()
    {
        var text = "Kemal Ostrander finished sixth in the final last year. \"This will be a big year for me and I plan to win the title again.\"";
        var q = Single(text);
        Assert.Equal("Kemal Ostrander", q.Speaker);
        Assert.Equal("previous_subject", q.Rule);
        Assert.True(q.Confidence is > 0 and < 0.6, $"confidence {q.Confidence}");
    }

    [Fact]
    public void AGivenNameMakesAPersonOfASurnameThatIsAlsoANationality()
    {
        var text = "Shop analyst Oliver Welsh tracked the sales. \"Demand is huge and the stores cannot keep up with it,\" Welsh said.";
        Assert.Equal("Oliver Welsh", Single(text).Speaker);
    }

    // Third pass (batch 2 of the labelled data): each rule below was driven by development errors; the sentences are
    // written for these tests.

    [Theory]
    [InlineData("\"We will look into every part of this,\" Sen. Corra Vantley, R-Tenn., told reporters.", "Corra Vantley")]
    [InlineData("\"Keeping the clinics open is hard this winter,\" Dr. Anneke Sollberg, a former president of the state nurses' association and now the head of a small health start-up, told reporters.", "Anneke Sollberg")]
    [InlineData("\"We have the machine ready for the whole night,\" producer Gil Hartigan told reporters.", "Gil Hartigan")]
    [InlineData("\"It was already dark when the crew got there, so they waited until morning,\" recalls Marco Vellani.", "Marco Vellani")]
    public void CueAfterAnAppositiveAStateTagARoleOrARecollection(string text, string speaker)
    {
        var q = Single(text);
        Assert.Equal(speaker, q.Speaker);
        Assert.Equal("cue_after", q.Rule);
    }

    [Fact]
    public void AParticipleCueTakesTheClauseSubjectNotTheNearestName()
    {
        var q = Single("Halvard Jessup, on Tuesday, spoke about his long talks with Peter Lindqvist, saying \"there was far too much noise\" about them.");
        Assert.Equal("Halvard Jessup", q.Speaker);
    }

    [Fact]
    public void APronounCueAfterAQuoteGoesOnWithTheLastSpeaker()
    {
        var text = "Organiser Willa Brandt has planned the route for months. \"We are ready for anything tonight,\" said Tomas Ferrante, the town's fire chief. " +
                   "The parade is \"the biggest event of the year for the whole town,\" he added.";
        var q = Quotes(text).Single(q => q.Text.StartsWith("the biggest", StringComparison.Ordinal));
        Assert.Equal("Tomas Ferrante", q.Speaker);
        Assert.Equal("cue_after+pronoun", q.Rule);
    }

    [Fact]
    public void APronounSkipsAFrontedPhraseToTheSubject()
    {
        var text = "Nadia Corrigan said the case was closed. In a statement released through his lawyer Owen Barstow, Felix Marlow denied the claim. " +
                   "\"None of these allegations are true,\" he said.";
        Assert.Equal("Felix Marlow", Single(text).Speaker);
    }

    [Fact]
    public void WentOnIsACue()
    {
        var q = Single("Rosalind Achebe spoke first. She went on: \"What we need is a body that looks at the figures on its own.\"");
        Assert.Equal("Rosalind Achebe", q.Speaker);
        Assert.Equal("cue_before+pronoun", q.Rule);
    }

    [Fact]
    public void ItSaidGoesToTheOrganizationThatSpoke()
    {
        var q = Single("In a statement the Harlow Group said the tool was still a trial. It said: \"Users can switch the feature off at any time.\"");
        Assert.Equal("Harlow Group", q.Speaker);
        Assert.Equal("cue_before+pronoun", q.Rule);
    }

    [Fact]
    public void TheTitleResolvesToThePersonCarryingIt()
    {
        var one = Single("Governor Aldous Kerrigan toured the flooded valley on Friday. \"We will rebuild every bridge in this county,\" the governor said.");
        Assert.Equal("Aldous Kerrigan", one.Speaker);
        Assert.Equal("cue_after+title", one.Rule);
        Assert.True(one.Confidence is > 0.5 and < 0.9, $"confidence {one.Confidence}");
        // Two presidents: the one the article is about (named most often) is "the president".
        var two = Single("President Aldous Kerrigan met President Ilse Marrow in Vienna. Kerrigan spoke for an hour. " +
                         "\"Let me be very clear about what will change now,\" the president said.");
        Assert.Equal("Aldous Kerrigan", two.Speaker);
        // Two presidents named equally often: unknown beats a guess, the description stays.
        var tie = Single("President Aldous Kerrigan met President Ilse Marrow in Vienna. \"Let me be very clear about what will change now,\" the president said.");
        Assert.Equal("the president", tie.Speaker);
    }

    [Fact]
    public void TheReportAndTheCompanyResolveToTheirOrganization()
    {
        var report = Single("The gap is narrowing, according to a Harlow Institute report. \"Poorer countries are catching up fast with the rich,\" the report said.");
        Assert.Equal("Harlow Institute", report.Speaker);
        Assert.Equal("cue_after+described", report.Rule);
        var company = Single("The Brightwave Company said on Wednesday it would remove the videos. \"We worked with health experts on every part of this,\" the company said.");
        Assert.Equal("Brightwave Company", company.Speaker);
        // No organization named before: the description is kept.
        Assert.Equal("the company", Single("\"We worked with health experts on every part of this,\" the company said.").Speaker);
    }

    [Fact]
    public void APartyTagInParenthesesStaysInsideTheAttribution()
    {
        var q = Single("\"Why would we ever make this any easier for them?\" Sen. Corra Vantley (R-S.C.) told reporters.");
        Assert.Equal("Corra Vantley", q.Speaker);
    }

    [Fact]
    public void ALongTitleBeforeTheSubjectStillMakesItTheSubject()
    {
        var text = "In a statement released late on Sunday, US Secretary of State Harriet Olowe called for the reporter's release.\n\n" +
                   "\"The United States condemns the arrest of a journalist doing his work.\"";
        var q = Single(text);
        Assert.Equal("Harriet Olowe", q.Speaker);
        Assert.Equal("previous_subject", q.Rule);
    }

    [Fact]
    public void TellingIsACueOfTheClauseSubject()
    {
        var q = Single("Carla Menendez would not give way on Thursday, telling reporters that the two members \"took actions that made it impossible to seat them.\"");
        Assert.Equal("Carla Menendez", q.Speaker);
    }

    [Fact]
    public void ItAfterTheQuoteGoesToTheOrganization()
    {
        var text = "Growth would pick up next year, the Harlow Institute said. \"Supported by strong profits, investment should keep rising in the north,\" it added.";
        var q = Single(text);
        Assert.Equal("Harlow Institute", q.Speaker);
        Assert.Equal("cue_after+pronoun", q.Rule);
    }

    [Fact]
    public void APossessiveDescriptionBeforeTheCueIsTheSpeakerNotTheOwner()
    {
        var q = Single("Of the money now owed to Edwin Marchetti, his lawyer said: \"It could be a very large sum indeed, that is no exaggeration.\"");
        Assert.Equal("his lawyer", q.Speaker);
    }

    [Fact]
    public void AGenericNounGoesToTheOrganizationNamedWithIt()
    {
        var ruling = Single("The Harlow Arts Council banned the show last week. \"The play breaks the rules on what can be staged in public,\" the council's ruling said.");
        Assert.Equal("Harlow Arts Council", ruling.Speaker);
        Assert.Equal("cue_after+described", ruling.Rule);
        var report = Single("Growth will slow in the south, the Harlow Institute said on Tuesday. However, the report warned: \"It remains to be seen whether the north will keep up.\"");
        Assert.Equal("Harlow Institute", report.Speaker);
    }
    // Fourth pass (batch 3's development errors), each rule on a sentence written for it.

    [Fact]
    public void ADashLineNamesThePersonAfterTheirTitles()
    {
        var q = Single("\u201cWe will not back down on this, not now and not ever.\u201d\n\n\u2014 Harbour Party Chair Wenna Tallis, in a post on Tuesday");
        Assert.Equal("Wenna Tallis", q.Speaker);
        Assert.Equal("dash", q.Rule);
    }

    [Fact]
    public void ALowercaseRoleBeforeTheNameStillStartsTheAttribution()
    {
        var q = Single("Sales rose again, the firm said. \"Every market grew except the north this year,\" mobile analyst Perpetua Hallam told the website.");
        Assert.Equal("Perpetua Hallam", q.Speaker);
        Assert.Equal("cue_after", q.Rule);
    }

    [Fact]
    public void ABarePluralBeforeTheVerbIsTheSpeakingGroup()
    {
        var q = Single("Crowds filled the square. \"We are not leaving! We are not leaving!\" protesters shouted as they marched.");
        Assert.Equal("protesters", q.Speaker);
    }

    [Fact]
    public void ATextedMessageHasItsSender()
    {
        var q = Single("Petrol ran short. \"Fill up your tank before tonight,\" a neighbour texted on Monday.");
        Assert.Equal("a neighbour", q.Speaker);
    }

    [Theory]
    [InlineData("Dorian Quell was also unhappy with the call. \"I was well behind the ball when it was played,\" said the Harrow player.")]
    [InlineData("Dorian Quell won in two sets. \"I played well and it was good to get through quickly,\" said the 24-year-old.")]
    [InlineData("Dorian Quell said the show would be worth the wait. \"I know many fans will be disappointed by the delay,\" added the British producer.")]
    public void AnEpithetIsThePersonJustNamed(string text)
    {
        var q = Single(text);
        Assert.Equal("Dorian Quell", q.Speaker);
        Assert.EndsWith("+epithet", q.Rule);
    }

    [Fact]
    public void AnEpithetWithoutACapitalOrAgeStaysADescription()
    {
        var q = Single("Dorian Quell left early. \"The budget will not survive the winter as it stands,\" said the senior official.");
        Assert.Equal("the senior official", q.Speaker);
    }

    [Fact]
    public void AQuoteAfterASentenceWithAPronounSubjectGoesToItsReferent()
    {
        var text = "Imelda Strand opened the fair on Monday. She praised the new devices on show. \"Phones and televisions now work together in every room.\"";
        var q = Single(text);
        Assert.Equal("Imelda Strand", q.Speaker);
        Assert.Equal("previous_subject+pronoun", q.Rule);
    }

    [Fact]
    public void AVerbJoinedByAndSharesTheSubjectOfTheQuoteBefore()
    {
        var quotes = Quotes("Dr Ansel Moray confirmed that \"it is not going to be easy\" and warned the city is \"heading the wrong way this winter.\"");
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Ansel Moray", q.Speaker));
        Assert.Equal("cue_before+joined", quotes[1].Rule);
    }

    [Fact]
    public void AShortPhraseBeforeTheCueIsPassedOver()
    {
        var q = Single("\"Overall it keeps getting stronger and I expect that to go on\" in 2006, said Tobias Venn, economist at Harrow Re.");
        Assert.Equal("Tobias Venn", q.Speaker);
    }

    [Fact]
    public void APlaceNameThatIsTheSurnameOfAPersonNamedIsThatPerson()
    {
        var text = "Defence Secretary Lloyd Austin wrote to the service chiefs. Austin urged them to act \"with all possible speed in every unit.\" Troops in Austin were told on Friday.";
        var austin = Corpus.FromTexts(("a", text)).Entities().In("a").Where(m => m.Text == "Austin").ToList();
        Assert.Equal(2, austin.Count);
        Assert.Equal(EntityKind.Person, austin[0].Kind);
        Assert.Equal("Lloyd Austin", austin[0].Canonical);
        Assert.NotEqual(EntityKind.Person, austin[1].Kind);
        Assert.Equal("Lloyd Austin", Single(text).Speaker);
    }
    [Fact]
    public void AccordingToOpeningTheSentenceNamesTheSpeaker()
    {
        var q = Single("According to Morwenna Pask, head of research at Tolland, the shift has one clear upside: \"One bad region will not sink the whole business any more.\"");
        Assert.Equal("Morwenna Pask", q.Speaker);
        Assert.StartsWith("according_to", q.Rule);
    }

    [Fact]
    public void AccordingToADocumentWithoutItsAuthorIsNoSpeaker()
    {
        var q = Assert.Single(Quotes("According to a statement from the harbour board's office, the talks were called \u201cuseful.\u201d"));
        Assert.NotEqual("a statement", q.Speaker);
        Assert.Null(q.Speaker);
    }

    [Fact]
    public void AQuoteOfSeveralSentencesIsContinuedFromWhereItEnds()
    {
        var text = "He took the bronze in the end. \"It hurts to look at it. It was my own mistake. I lost because of what I did,\" said Caspian Roe, who runs again on Friday. " +
                   "\"It will never happen again. My goal is to win the next one.\"";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.All(quotes, q => Assert.Equal("Caspian Roe", q.Speaker));
        Assert.Equal("previous_quote", quotes[1].Rule);
    }
    [Fact]
    public void ALowercaseParticleOpensTheSurnameAfterTheQuote()
    {
        var q = Single("Mayor Bastien de Valmont spoke on Tuesday. \"This is a wonderful city, full of surprises,\" de Valmont said.");
        Assert.Equal("Bastien de Valmont", q.Speaker);
    }

    [Fact]
    public void APostNominalIsNoPartOfTheName()
    {
        var people = Corpus.FromTexts(("a", "The new head of the council, Ronald Ashcombe QC, spoke on Monday.")).Entities().People.ToList();
        Assert.Equal("Ronald Ashcombe", Assert.Single(people).Canonical);
    }

    [Fact]
    public void APersonWithACueAfterTheQuoteBeforeTakesTheNextQuote()
    {
        var text = "\"The party should lead opinion, not follow it,\" said Hector Vane. The new chairman, Ronald Ashcombe, warned there was a real risk of trouble. " +
                   "\"What is going to happen to the young men on the margins of society?\"";
        var quotes = Quotes(text);
        Assert.Equal(2, quotes.Count);
        Assert.Equal("Hector Vane", quotes[0].Speaker);
        Assert.Equal("Ronald Ashcombe", quotes[1].Speaker);
    }
    [Fact]
    public void AGivenNameBeforeAKnownFirmAndASpeechVerbIsAPerson()
    {
        var text = "Barbara Roche said the plan was fair. Ms Roche, an MP for the north, spoke later. She said the plan would mean \"we would not need outside experts in this debate at all.\"";
        var roche = Corpus.FromTexts(("a", text)).Entities().In("a").Where(m => m.Text.Contains("Roche")).ToList();
        Assert.Equal(2, roche.Count);
        Assert.All(roche, m => Assert.Equal(EntityKind.Person, m.Kind));
        Assert.All(roche, m => Assert.Equal("Barbara Roche", m.Canonical));
        Assert.Equal("Barbara Roche", Single(text).Speaker);
    }
    [Fact]
    public void ASpokesmanForABodyIsNamedByTheBodysShortName()
    {
        var text = "The chart starts next month. A spokesman for the Harbour Shipping Federation (HSF) said it would be ready \"within the first half of the year\".";
        var q = Assert.Single(Quotes(text), q => q.Text.StartsWith("within"));
        Assert.Equal("HSF spokesman", q.Speaker);
        Assert.EndsWith("+spokesperson", q.Rule);
    }
}
