namespace Analysis.Tests.Stories;

public class StoryTermsTests
{
    [Fact]
    public void Each_term_says_which_sentence_it_stands_in()
    {
        // Invented text: a headline, then two sentences; a name, a figure and a day in the second.
        var article = ArticleBuilder.Build("t", "Flooding closed the school. Later Mayor Helen Stroud moved 1,200 pupils on Oct. 22.",
            headline: "River floods town", published: new DateOnly(2023, 10, 23));
        var terms = new List<(string Term, StoryTermKind Kind, int Sentence)>();
        StoryTerms.Read(new AnnotatedArticle(article, Gazetteer.Default), 1, (term, kind, sentence) => terms.Add((term, kind, sentence)));

        Assert.Contains(("river", StoryTermKind.Word, -1), terms);
        Assert.Contains(("school", StoryTermKind.Word, 0), terms);
        Assert.Contains(("Helen Stroud", StoryTermKind.Name, 1), terms);
        Assert.Contains(("#1200", StoryTermKind.Number, 1), terms);
        Assert.Contains(("10-22", StoryTermKind.Day, 1), terms);
        Assert.DoesNotContain(terms, t => t.Term == "school" && t.Sentence != 0);
    }
}
