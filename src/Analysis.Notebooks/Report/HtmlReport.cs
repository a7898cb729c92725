using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Analysis.Notebooks.Ipynb;
using Analysis.Notebooks.Results;
using Markdig;
using Markdig.Renderers;
using Markdig.Renderers.Html;
using Markdig.Syntax;

namespace Analysis.Notebooks.Report;

/// <summary>
/// One self-contained HTML page for a run: every notebook with markdown rendered, code and outputs inline, and a
/// table of contents. Nothing is fetched: library scripts that outputs carry (tagged <c>data-library="NAME"</c>,
/// such as plotly.js with a notebook's first chart) are kept once, in the page head.
/// </summary>
public static partial class HtmlReport
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    [GeneratedRegex("""<script\b[^>]*\bdata-library="(?<name>[^"]+)"[^>]*>.*?</script>\s*""", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex LibraryScript();

    [GeneratedRegex(@"\x1b\[[0-9;]*m")]
    private static partial Regex AnsiEscape();

    [GeneratedRegex(@"[^a-z0-9]+")]
    private static partial Regex NonSlug();

    public static void Write(IReadOnlyList<NotebookRun> runs, string path)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(Path.GetFullPath(path))!);
        File.WriteAllText(path, Render(runs), new UTF8Encoding(false));
    }

    public static string Render(IReadOnlyList<NotebookRun> runs)
    {
        var libraries = new Dictionary<string, string>();
        var toc = new StringBuilder();
        var body = new StringBuilder();
        foreach (var run in runs) RenderNotebook(run, libraries, toc, body);
        var page = new StringBuilder();
        page.Append("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<title>Notebook report</title>\n")
            .Append("<style>").Append(Style).Append("</style>\n");
        foreach (var script in libraries.Values) page.Append(script);
        page.Append("</head>\n<body>\n<nav class=\"toc\"><h2>Contents</h2><ul>").Append(toc).Append("</ul></nav>\n<main>\n")
            .Append($"<header><h1>Notebook report</h1><p>{runs.Count} notebook(s), generated {DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC.</p>{Summary(runs)}</header>\n")
            .Append(body)
            .Append("</main>\n<script>window.addEventListener('load', function () { document.body.setAttribute('data-rendered', 'true'); });</script>\n</body>\n</html>\n");
        return page.ToString();
    }

    private static string Summary(IReadOnlyList<NotebookRun> runs)
    {
        var rows = runs.Select(r => $"<tr><td><a href=\"#{Slug(r.Name)}\">{Encode(r.Name)}</a></td>" +
            $"<td class=\"{(r.Failure is null ? "ok" : "failed")}\">{Status(r)}</td>" +
            $"<td>{r.Duration.TotalSeconds:F1} s</td><td>{Encode(Parameters(r))}</td></tr>");
        return $"<table class=\"summary\"><thead><tr><th>notebook</th><th>status</th><th>time</th><th>injected parameters</th></tr></thead><tbody>{string.Concat(rows)}</tbody></table>";
    }

    /// <summary>"ok", "failed in cell N", "interrupted in cell N", or why the notebook did not run.</summary>
    private static string Status(NotebookRun run) =>
        run.Executed.Metadata["papermill"]?["not_run"] is JsonValue why ? Encode($"not run: {why}")
        : run.Failure is not { } failure ? "ok"
        : failure.Status == CellStatus.Interrupted ? $"interrupted in cell {failure.Index}"
        : $"failed in cell {failure.Index}";

    private static string Parameters(NotebookRun run) => run.Executed.Metadata["papermill"]?["parameters"] is JsonObject given
        ? string.Join(", ", given.Select(p => $"{p.Key} = {p.Value}"))
        : "";

    private static void RenderNotebook(NotebookRun run, Dictionary<string, string> libraries, StringBuilder toc, StringBuilder body)
    {
        var id = Slug(run.Name);
        toc.Append($"<li><a href=\"#{id}\">{Encode(run.Name)}</a><ul>");
        body.Append($"<section class=\"notebook\" id=\"{id}\">\n<p class=\"notebook-file\">{Encode(run.Name)}.ipynb</p>\n");
        foreach (var cell in run.Executed.Cells)
        {
            if (cell.CellType == "markdown") body.Append("<div class=\"markdown\">").Append(RenderMarkdown(cell.Source, id, toc)).Append("</div>\n");
            else if (cell.IsCode) RenderCode(cell, libraries, body);
        }
        body.Append("</section>\n");
        toc.Append("</ul></li>");
    }

    /// <summary>Markdown to HTML, with heading ids prefixed by the notebook's and the headings listed in the contents.</summary>
    private static string RenderMarkdown(string source, string notebookId, StringBuilder toc)
    {
        var document = Markdig.Markdown.Parse(source, Markdown);
        foreach (var heading in document.Descendants<HeadingBlock>())
        {
            var text = heading.Inline is null ? "" : string.Concat(heading.Inline.Descendants<Markdig.Syntax.Inlines.LiteralInline>().Select(l => l.Content.ToString()));
            var headingId = $"{notebookId}-{Slug(text)}";
            heading.GetAttributes().Id = headingId;
            if (heading.Level <= 2) toc.Append($"<li class=\"level{heading.Level}\"><a href=\"#{headingId}\">{Encode(text)}</a></li>");
        }
        using var writer = new StringWriter();
        var renderer = new HtmlRenderer(writer);
        Markdown.Setup(renderer);
        renderer.Render(document);
        return writer.ToString();
    }

    private static void RenderCode(NotebookCell cell, Dictionary<string, string> libraries, StringBuilder body)
    {
        var status = cell.Metadata["papermill"]?["status"]?.GetValue<string>() ?? "";
        var label = cell.ExecutionCount is { } n ? $"In [{n}]" : "In [ ]";
        body.Append($"<div class=\"cell code {status}\"><div class=\"prompt\">{label}</div><pre class=\"source\"><code>{Encode(cell.Source)}</code></pre>\n");
        foreach (var output in cell.Outputs) body.Append("<div class=\"output\">").Append(RenderOutput(output, libraries)).Append("</div>\n");
        body.Append("</div>\n");
    }

    private static string RenderOutput(JsonObject output, Dictionary<string, string> libraries)
    {
        switch ((string?)output["output_type"])
        {
            case "stream":
                return $"<pre class=\"stream {Encode((string?)output["name"] ?? "")}\">{Encode(Notebook.JoinText(output["text"]))}</pre>";
            case "error":
                var traceback = output["traceback"] is JsonArray lines ? string.Join("\n", lines.Select(l => (string?)l)) : "";
                return $"<pre class=\"error\">{Encode(AnsiEscape().Replace($"{output["ename"]}: {output["evalue"]}\n{traceback}", ""))}</pre>";
            default:
                if (output["data"] is not JsonObject data) return "";
                if (data["text/html"] is { } html) return HoistLibraries(Notebook.JoinText(html), libraries);
                if (data["image/svg+xml"] is { } svg) return Notebook.JoinText(svg);
                if (data["image/png"] is { } png) return $"<img src=\"data:image/png;base64,{Notebook.JoinText(png).Trim()}\">";
                return $"<pre class=\"text\">{Encode(Notebook.JoinText(data["text/plain"]))}</pre>";
        }
    }

    /// <summary>Removes tagged library scripts from an output, keeping the first of each name for the page head.</summary>
    private static string HoistLibraries(string html, Dictionary<string, string> libraries) =>
        LibraryScript().Replace(html, m =>
        {
            libraries.TryAdd(m.Groups["name"].Value, m.Value);
            return "";
        });

    private static string Slug(string text) => NonSlug().Replace(text.ToLowerInvariant(), "-").Trim('-');

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    private const string Style = """
        body { font-family: "DejaVu Sans", Arial, sans-serif; margin: 0; display: flex; color: #1d1d1f; }
        nav.toc { position: sticky; top: 0; height: 100vh; overflow: auto; width: 16rem; flex: none; padding: 1rem; background: #f4f5f7; box-sizing: border-box; font-size: 0.9rem; }
        nav.toc ul { padding-left: 1rem; } nav.toc a { color: #1d4e89; text-decoration: none; }
        main { padding: 1rem 2rem; min-width: 0; flex: 1; }
        section.notebook { border-top: 3px solid #1d4e89; margin-top: 2rem; }
        .notebook-file { color: #888; font-size: 0.8rem; margin: 0.3rem 0 0; }
        .cell.code { margin: 0.8rem 0; }
        .prompt { color: #888; font-family: "DejaVu Sans Mono", monospace; font-size: 0.8rem; }
        pre { background: #f7f7f9; padding: 0.5rem; overflow-x: auto; font-family: "DejaVu Sans Mono", monospace; font-size: 0.85rem; margin: 0.2rem 0; }
        pre.source { border-left: 3px solid #1d4e89; }
        pre.stderr, pre.error { background: #fdecea; color: #8a1c1c; }
        .cell.failed pre.source { border-left-color: #c62828; }
        .output { overflow-x: auto; margin: 0.3rem 0; }
        table { border-collapse: collapse; font-size: 0.85rem; margin: 0.4rem 0; }
        th, td { border: 1px solid #d0d4da; padding: 0.2rem 0.5rem; text-align: left; vertical-align: top; max-width: 28rem; }
        th { background: #eef1f5; } td.ok { color: #2e7d32; } td.failed { color: #c62828; }
        """;
}
