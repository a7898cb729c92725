using Analysis.Model;
using Microsoft.Data.Analysis;

namespace Analysis.Tables;

/// <summary>
/// DataFrames for articles, their segmentation, what cleaning set apart, and the load report (schemas in
/// docs/loader.md). Every table except load_report rows of skipped files carries <c>article_id</c>.
/// </summary>
public static class ArticleTables
{
    /// <summary>articles: one row per article.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<Article> articles) => TableBuilder.Build(articles,
        Column<Article>.Text("article_id", a => a.Id),
        Column<Article>.Text("file", a => a.File),
        Column<Article>.Text("outlet", a => a.Outlet),
        Column<Article>.Text("headline", a => a.Headline),
        Column<Article>.Date("published", a => a.Published),
        Column<Article>.Bool("published_inferred", a => a.PublishedInferred),
        Column<Article>.Text("byline", a => a.Byline),
        Column<Article>.Int("words", a => a.Words),
        Column<Article>.Int("paragraphs", a => a.Paragraphs.Count),
        Column<Article>.Int("sentences", a => a.Sentences.Count),
        Column<Article>.Text("published_basis", a => a.PublishedBasis),
        Column<Article>.Text("url", a => a.Url),
        Column<Article>.Text("encoding", a => a.Encoding),
        Column<Article>.Int("removed", a => a.Removed.Count),
        Column<Article>.Int("posts", a => a.Posts.Count),
        Column<Article>.Text("warnings", a => a.Warnings.Count == 0 ? null : string.Join("; ", a.Warnings)));

    /// <summary>paragraphs: one row per paragraph of the clean body.</summary>
    public static DataFrame ToParagraphsDataFrame(this IEnumerable<Article> articles) => TableBuilder.Build(
        articles.SelectMany(a => a.Paragraphs.Select(p => (A: a, P: p))),
        Column<(Article A, Paragraph P)>.Text("article_id", r => r.A.Id),
        Column<(Article A, Paragraph P)>.Int("paragraph", r => r.P.Index),
        Column<(Article A, Paragraph P)>.Int("start", r => r.P.Start),
        Column<(Article A, Paragraph P)>.Int("end", r => r.P.End),
        Column<(Article A, Paragraph P)>.Int("raw_start", r => r.A.Map.ToRaw(r.P.Span).Start),
        Column<(Article A, Paragraph P)>.Int("raw_end", r => r.A.Map.ToRaw(r.P.Span).End),
        Column<(Article A, Paragraph P)>.Int("words", r => Segmentation.Tokenizer.CountWords(r.A.Text.AsSpan(r.P.Start, r.P.End - r.P.Start))),
        Column<(Article A, Paragraph P)>.Text("text", r => r.P.Span.Of(r.A.Text)));

    /// <summary>sentences: one row per sentence of the clean body.</summary>
    public static DataFrame ToSentencesDataFrame(this IEnumerable<Article> articles) => TableBuilder.Build(
        articles.SelectMany(a => a.Sentences.Select(s => (A: a, S: s))),
        Column<(Article A, Sentence S)>.Text("article_id", r => r.A.Id),
        Column<(Article A, Sentence S)>.Int("sentence", r => r.S.Index),
        Column<(Article A, Sentence S)>.Int("paragraph", r => r.S.Paragraph),
        Column<(Article A, Sentence S)>.Int("start", r => r.S.Start),
        Column<(Article A, Sentence S)>.Int("end", r => r.S.End),
        Column<(Article A, Sentence S)>.Int("raw_start", r => r.A.Map.ToRaw(r.S.Span).Start),
        Column<(Article A, Sentence S)>.Int("raw_end", r => r.A.Map.ToRaw(r.S.Span).End),
        Column<(Article A, Sentence S)>.Int("words", r => Segmentation.Tokenizer.CountWords(r.S.Text)),
        Column<(Article A, Sentence S)>.Text("text", r => r.S.Text));

    /// <summary>removed: one row per piece cleaning removed or set apart (raw offsets).</summary>
    public static DataFrame ToRemovedDataFrame(this IEnumerable<Article> articles) => TableBuilder.Build(
        articles.SelectMany(a => a.Removed.Select(p => (A: a, P: p))),
        Column<(Article A, RemovedPiece P)>.Text("article_id", r => r.A.Id),
        Column<(Article A, RemovedPiece P)>.Text("kind", r => r.P.Kind),
        Column<(Article A, RemovedPiece P)>.Text("reason", r => r.P.Reason),
        Column<(Article A, RemovedPiece P)>.Int("raw_start", r => r.P.RawStart),
        Column<(Article A, RemovedPiece P)>.Int("raw_end", r => r.P.RawEnd),
        Column<(Article A, RemovedPiece P)>.Text("text", r => r.P.Text));

    /// <summary>posts: one row per embedded social-media post (raw offsets).</summary>
    public static DataFrame ToPostsDataFrame(this IEnumerable<Article> articles) => TableBuilder.Build(
        articles.SelectMany(a => a.Posts.Select(p => (A: a, P: p))),
        Column<(Article A, SocialPost P)>.Text("article_id", r => r.A.Id),
        Column<(Article A, SocialPost P)>.Text("author", r => r.P.Author),
        Column<(Article A, SocialPost P)>.Text("handle", r => r.P.Handle),
        Column<(Article A, SocialPost P)>.Date("date", r => r.P.Date),
        Column<(Article A, SocialPost P)>.Int("raw_start", r => r.P.RawStart),
        Column<(Article A, SocialPost P)>.Int("raw_end", r => r.P.RawEnd),
        Column<(Article A, SocialPost P)>.Text("text", r => r.P.Text));

    /// <summary>load_report: one row per input (file, table row, or manifest row).</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LoadReportEntry> report) => TableBuilder.Build(report,
        Column<LoadReportEntry>.Text("file", r => r.File),
        Column<LoadReportEntry>.Text("article_id", r => r.ArticleId),
        Column<LoadReportEntry>.Text("status", r => r.Status switch
        {
            LoadStatus.Loaded => "loaded", LoadStatus.LoadedWithWarnings => "loaded_with_warnings", _ => "skipped",
        }),
        Column<LoadReportEntry>.Text("reason", r => r.Reason));
}
