using Analysis.Notebooks.Tests.Running;
using Microsoft.Playwright;
using static Analysis.Notebooks.Tests.Running.NotebookOutputs;

namespace Analysis.Notebooks.Tests.Report;

/// <summary>The report of the shared seeds run, opened in headless Chromium with no network: the charts must render.</summary>
[Collection(SeedsRunCollection.Name)]
public sealed class ReportBrowserTests(SeedsRunFixture run)
{
    private const string Chromium = "/usr/bin/chromium";

    /// <summary>Kept beside the test binaries so a person can look at it after the run.</summary>
    public static string ScreenshotPath { get; } = Path.Combine(AppContext.BaseDirectory, "report-screenshot.png");

    [Fact]
    public async Task ChartsRenderOfflineInHeadlessChromium()
    {
        Assert.SkipUnless(File.Exists(Chromium), $"no browser at {Chromium} (Debian package chromium)");
        var expectedCharts = run.Summary.Notebooks
            .SelectMany(n => AllOutputs(n.Executed)).Select(Html).OfType<string>().SelectMany(ChartData).Count();

        using var playwright = await Playwright.CreateAsync();
        await using var browser = await playwright.Chromium.LaunchAsync(new() { ExecutablePath = Chromium, Args = ["--no-sandbox"], Headless = true });
        var page = await browser.NewPageAsync(new() { ViewportSize = new() { Width = 1400, Height = 1000 } });
        var errors = new List<string>();
        var requests = new List<string>();
        page.PageError += (_, e) => errors.Add(e);
        page.Request += (_, r) => requests.Add(r.Url);

        await page.GotoAsync(new Uri(run.Summary.ReportPath).AbsoluteUri);
        await page.WaitForFunctionAsync("document.body.getAttribute('data-rendered') === 'true'");
        var plotted = await page.EvaluateAsync<int>("Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p._fullLayout).length");
        var drawn = await page.EvaluateAsync<int>("Array.from(document.querySelectorAll('.js-plotly-plot')).filter(p => p.querySelector('.main-svg .bars path')).length");
        var narrowestTitle = await page.EvaluateAsync<double>(
            "Math.min(...Array.from(document.querySelectorAll('.js-plotly-plot .gtitle')).map(t => t.getBBox().width))");
        await page.ScreenshotAsync(new() { Path = ScreenshotPath, FullPage = true });

        Assert.True(expectedCharts > 0);
        Assert.Equal(expectedCharts, plotted);
        Assert.Equal(expectedCharts, drawn);
        Assert.True(narrowestTitle > 0, "chart titles have no width: fonts are missing");
        Assert.Empty(errors);
        Assert.All(requests, url => Assert.True(url.StartsWith("file:") || url.StartsWith("data:"), $"network request: {url}"));
        Assert.True(new FileInfo(ScreenshotPath).Length > 10_000);
    }
}
