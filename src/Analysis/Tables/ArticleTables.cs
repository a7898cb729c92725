using Microsoft.Data.Analysis;

namespace Analysis;

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
    public static DataFrame ToParagraphsDataFrame(this IEnumerable<Article> articles) => PerArticle(articles, a => a.Paragraphs,
        [
            Column<(Article A, Paragraph R)>.Int("paragraph", r => r.R.Index),
            .. Spans<Paragraph>(r => r.R.Span),
            Column<(Article A, Paragraph R)>.Int("words", r => Tokenizer.CountWords(r.A.Text.AsSpan(r.R.Start, r.R.End - r.R.Start))),
            Column<(Article A, Paragraph R)>.Text("text", r => r.R.Span.Of(r.A.Text)),
        ]);

    /// <summary>sentences: one row per sentence of the clean body.</summary>
    public static DataFrame ToSentencesDataFrame(this IEnumerable<Article> articles) => PerArticle(articles, a => a.Sentences,
        [
            Column<(Article A, Sentence R)>.Int("sentence", r => r.R.Index),
            Column<(Article A, Sentence R)>.Int("paragraph", r => r.R.Paragraph),
            .. Spans<Sentence>(r => r.R.Span),
            Column<(Article A, Sentence R)>.Int("words", r => Tokenizer.CountWords(r.R.Text)),
            Column<(Article A, Sentence R)>.Text("text", r => r.R.Text),
        ]);

    /// <summary>removed: one row per piece cleaning removed or set apart (raw offsets).</summary>
    public static DataFrame ToRemovedDataFrame(this IEnumerable<Article> articles) => PerArticle(articles, a => a.Removed,
        [
            Column<(Article A, RemovedPiece R)>.Text("kind", r => r.R.Kind),
            Column<(Article A, RemovedPiece R)>.Text("reason", r => r.R.Reason),
            .. RawSpan<RemovedPiece>(r => new(r.R.RawStart, r.R.RawEnd)),
            Column<(Article A, RemovedPiece R)>.Text("text", r => r.R.Text),
        ]);

    /// <summary>posts: one row per embedded social-media post (raw offsets).</summary>
    public static DataFrame ToPostsDataFrame(this IEnumerable<Article> articles) => PerArticle(articles, a => a.Posts,
        [
            Column<(Article A, SocialPost R)>.Text("author", r => r.R.Author),
            Column<(Article A, SocialPost R)>.Text("handle", r => r.R.Handle),
            Column<(Article A, SocialPost R)>.Date("date", r => r.R.Date),
            .. RawSpan<SocialPost>(r => new(r.R.RawStart, r.R.RawEnd)),
            Column<(Article A, SocialPost R)>.Text("text", r => r.R.Text),
        ]);

    /// <summary>A table with one row per item of every article, led by the article_id column.</summary>
    private static DataFrame PerArticle<T>(IEnumerable<Article> articles, Func<Article, IEnumerable<T>> items, Column<(Article A, T R)>[] columns) =>
        TableBuilder.Build(articles.SelectMany(a => items(a).Select(r => (A: a, R: r))),
            [Column<(Article A, T R)>.Text("article_id", r => r.A.Id), .. columns]);

    /// <summary>start, end (clean offsets) and raw_start, raw_end of a clean span.</summary>
    private static Column<(Article A, T R)>[] Spans<T>(Func<(Article A, T R), TextSpan> clean) =>
    [
        Column<(Article A, T R)>.Int("start", r => clean(r).Start),
        Column<(Article A, T R)>.Int("end", r => clean(r).End),
        .. RawSpan<T>(r => r.A.Map.ToRaw(clean(r))),
    ];

    /// <summary>raw_start, raw_end.</summary>
    private static Column<(Article A, T R)>[] RawSpan<T>(Func<(Article A, T R), TextSpan> raw) =>
    [
        Column<(Article A, T R)>.Int("raw_start", r => raw(r).Start),
        Column<(Article A, T R)>.Int("raw_end", r => raw(r).End),
    ];

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
