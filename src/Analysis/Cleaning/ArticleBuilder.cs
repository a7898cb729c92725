using Analysis.Model;
using Analysis.Segmentation;

namespace Analysis.Cleaning;

/// <summary>Runs cleaning and segmentation on a raw text and assembles the <see cref="Article"/>.</summary>
public static class ArticleBuilder
{
    /// <summary>Builds an article from raw text; metadata fields left null are filled from the text where possible.</summary>
    public static Article Build(string id, string raw, string file = "", string? outlet = null, string? headline = null,
        DateOnly? published = null, string? url = null, string? encoding = null, IReadOnlyList<string>? warnings = null)
    {
        var text = raw.Replace("\r\n", "\n").Replace('\r', '\n');
        var map = OffsetMap.Identity(text.Length);
        var paragraphs = Segmenter.Paragraphs(text);
        var sentences = Segmenter.Sentences(text, paragraphs);
        return new Article
        {
            Id = id, File = file, Outlet = outlet, Headline = headline, Published = published, Url = url,
            Encoding = encoding, Raw = raw, Text = text, Map = map, Paragraphs = paragraphs, Sentences = sentences,
            Words = Segmenter.CountWords(text), Warnings = warnings ?? [],
        };
    }
}
