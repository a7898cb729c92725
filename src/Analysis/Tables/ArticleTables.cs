using Analysis.Model;
using Microsoft.Data.Analysis;

namespace Analysis.Tables;

/// <summary>DataFrames for articles and their segmentation (schemas documented in the README).</summary>
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
        Column<Article>.Int("sentences", a => a.Sentences.Count));

    /// <summary>load_report: one row per input.</summary>
    public static DataFrame ToDataFrame(this IEnumerable<LoadReportEntry> report) => TableBuilder.Build(report,
        Column<LoadReportEntry>.Text("file", r => r.File),
        Column<LoadReportEntry>.Text("article_id", r => r.ArticleId),
        Column<LoadReportEntry>.Text("status", r => r.Status switch
        {
            LoadStatus.Loaded => "loaded", LoadStatus.LoadedWithWarnings => "loaded_with_warnings", _ => "skipped",
        }),
        Column<LoadReportEntry>.Text("reason", r => r.Reason));
}
