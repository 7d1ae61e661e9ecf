using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading.Tasks;

namespace Backprop.Notebooks.Tests;

/// <summary>The published course as a reader sees it: headless Chromium, offline, on screen and in print.</summary>
public sealed class CourseSiteTests(CourseSiteFixture site) : IClassFixture<CourseSiteFixture>
{
    // A4 less the print stylesheet's 12 mm margins, in CSS pixels.
    private const int PrintWidth = 703;

    [Fact]
    public async Task Index_ListsEveryLessonWithItsTitleSectionsAndSummary()
    {
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(Path.Combine(site.Folder, "site", "index.html"));

        var lessons = (await browser.EvaluateAsync(
            "[...document.querySelectorAll('ol.lessons li')].map(li => [li.querySelector('h2 a').textContent, li.querySelector('h2 a').getAttribute('href'), li.querySelector('.sections').textContent, li.querySelector('p').textContent])"))!.AsArray();

        Assert.Equal(CourseSiteFixture.Titles, lessons.Select(l => (string)l![0]!));
        Assert.Equal(site.Pages.Select(p => p.HtmlFile), lessons.Select(l => (string)l![1]!));
        Assert.Equal(["Deep Learning from Scratch §5.1–§5.2", "Deep Learning from Scratch §5.5", "Deep Learning from Scratch §5.7.4"], lessons.Select(l => (string)l![2]!));
        Assert.Equal("What lesson 2 is about, in one paragraph.", (string)lessons[1]![3]!);
        Assert.Equal("Backpropagation in C#", (string?)await browser.EvaluateAsync("document.querySelector('h1').textContent"));
    }

    [Fact]
    public async Task KoreanText_IsDrawnWithTheEmbeddedFont_NotTheMachinesOwn()
    {
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(Path.Combine(site.Folder, "site", "index.html"));
        await browser.WaitForAsync("document.fonts.status === 'loaded'");

        var fonts = await browser.FontsUsedAsync("header.course p");

        var embedded = fonts.Single(f => (bool)f!["isCustomFont"]!);
        Assert.True((int)embedded!["glyphCount"]! >= "밑바닥부터시작하는딥러닝장오차역전파법".Length, fonts.ToJsonString());
        Assert.DoesNotContain(fonts, f => !(bool)f!["isCustomFont"]! && ((string)f["familyName"]!).Contains("CJK", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PreviousAndNextLinks_ResolveToTheNeighbouringLessons()
    {
        await using var browser = await ChromiumSession.StartAsync();
        for (int lesson = 1; lesson <= 3; lesson++)
        {
            await browser.OpenAsync(site.Page(lesson));
            Assert.Equal(CourseSiteFixture.Titles[lesson - 1], (string?)await browser.EvaluateAsync("document.title"));
            var links = (await browser.EvaluateAsync(
                "['prev', 'home', 'next'].map(c => { var a = document.querySelector('nav.site a.' + c); return a.hasAttribute('href') ? [a.href, a.textContent] : null; })"))!.AsArray();
            Assert.Equal(lesson == 1, links[0] is null);
            Assert.Equal(lesson == 3, links[2] is null);
            Assert.True(File.Exists(new Uri((string)links[1]![0]!).LocalPath));
            foreach (var (link, neighbour) in new[] { (links[0], lesson - 1), (links[2], lesson + 1) }.Where(l => l.Item1 is not null))
            {
                Assert.Equal(site.Page(neighbour), new Uri((string)link![0]!).LocalPath);
                Assert.Contains(CourseSiteFixture.Titles[neighbour - 1], (string)link[1]!);
            }
        }
    }

    [Fact]
    public async Task LessonPage_HasContentsFromItsHeadings_AndNoBuildNoise()
    {
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(site.Page(1));

        var contents = (await browser.EvaluateAsync("[...document.querySelectorAll('nav.toc a')].map(a => [a.textContent, !!document.getElementById(a.hash.slice(1))])"))!.AsArray();
        var text = (string)(await browser.EvaluateAsync("document.body.innerText"))!;

        Assert.Equal(["Charts", "Graphs"], contents.Select(c => (string)c![0]!));
        Assert.All(contents, c => Assert.True((bool)c![1]!));
        Assert.DoesNotContain("Installed Packages", text);
        Assert.DoesNotContain(site.Folder, text);
        Assert.Contains($"ran: {site.Pages[0].Result.Cells.Count} of {site.Pages[0].Result.Cells.Count} code cells", text);
    }

    [Fact]
    public async Task Charts_DrawInteractivelyOffline_LoadingNothing()
    {
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(site.Page(1));

        await browser.WaitForAsync("document.querySelectorAll('.bp-chart').length === 2 && [...document.querySelectorAll('.bp-chart')].every(c => c.querySelector('.main-svg'))");

        Assert.All(browser.Requests, url => Assert.True(url.StartsWith("file:", StringComparison.Ordinal) || url.StartsWith("data:", StringComparison.Ordinal), url));
        Assert.Equal(1, (int)(await browser.EvaluateAsync("document.querySelectorAll('script[data-bp-plotly]').length"))!);
    }

    [Theory]
    [InlineData(1)]
    [InlineData(2)]
    public async Task Print_FitsThePage_WithoutToolbarOrScrollbars(int lesson)
    {
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(site.Page(lesson));
        await browser.WaitForAsync("[...document.querySelectorAll('.bp-chart')].every(c => c.getAttribute('data-drawn'))");
        await browser.ViewportAsync(PrintWidth, 1000);
        await browser.PrintMediaAsync();

        var wide = await browser.EvaluateAsync($$"""
            [...document.querySelectorAll('body *')].filter(e => e.getClientRects().length > 0 && !e.closest('#js-plotly-tester'))
              .filter(e => { var r = e.getBoundingClientRect(); return r.right > {{PrintWidth}} + 1 || r.left < -1; })
              .map(e => e.tagName + '.' + e.getAttribute('class') + ' ' + Math.round(e.getBoundingClientRect().right))
            """);
        var scrolling = await browser.EvaluateAsync(
            "[...document.querySelectorAll('pre, .output, .source, div.math')].filter(e => e.scrollWidth > e.clientWidth + 1).map(e => e.className + ' ' + e.scrollWidth)");
        var toolbars = await browser.EvaluateAsync(
            "[...document.querySelectorAll('.modebar, .bp-plot')].filter(e => e.getClientRects().length > 0).length");
        var pictures = await browser.EvaluateAsync(
            "[...document.querySelectorAll('.bp-chart')].map(c => c.querySelector('.bp-chart-static svg').getBoundingClientRect().width)");

        Assert.True(wide!.AsArray().Count == 0, $"wider than the page: {wide.ToJsonString()}");
        Assert.True(scrolling!.AsArray().Count == 0, $"would scroll: {scrolling.ToJsonString()}");
        Assert.Equal(0, (int)toolbars!);
        Assert.All(pictures!.AsArray(), w => Assert.InRange((double)w!, 100, PrintWidth));
    }

    [Fact]
    public async Task ExecutedNotebook_RenderedByNbconvertWithoutScripts_ShowsEveryChartAsAPicture()
    {
        var executed = Path.Combine(site.Folder, "site", "01-charts.ipynb");
        var charts = JsonNode.Parse(File.ReadAllText(executed))!["cells"]!.AsArray()
            .SelectMany(c => c!["outputs"]?.AsArray() ?? [])
            .Select(o => o!["data"]).Where(d => d?["text/html"] is { } h && Text(h).Contains("bp-chart", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, charts.Count);
        Assert.All(charts, d => Assert.StartsWith("<svg", Text(d!["image/svg+xml"]!)));

        var folder = TestSupport.NewScratch();
        File.Copy(executed, Path.Combine(folder, "lesson.ipynb"));
        var (exit, _, stderr) = TestSupport.RunProcess("/usr/bin/jupyter", ["nbconvert", "--to", "html", "lesson.ipynb"], folder, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"nbconvert failed (Debian's jupyter-nbconvert is installed by .ci/run):\n{stderr}");
        await using var browser = await ChromiumSession.StartAsync();
        await browser.ScriptsOffAsync();
        await browser.OpenAsync(Path.Combine(folder, "lesson.html"));

        var areas = (await browser.EvaluateAsync(
            "[...document.querySelectorAll('.bp-chart')].map(c => { var r = c.querySelector('.bp-chart-static svg').getBoundingClientRect(); return r.width * r.height; })"))!.AsArray();

        Assert.Equal(2, areas.Count);
        Assert.All(areas, a => Assert.True((double)a! > 100 * 100, $"a chart's picture is {a} px²"));
        Assert.Equal(0, (int)(await browser.EvaluateAsync("document.querySelectorAll('.main-svg').length"))!);
    }

    [Fact]
    public async Task ExecutedNotebook_InAFrontEndThatRunsScripts_DrawsEveryChartWithTheKitsPlotly_LoadingNoUrl()
    {
        var folder = TestSupport.NewScratch();
        File.Copy(Path.Combine(site.Folder, "site", "01-charts.ipynb"), Path.Combine(folder, "lesson.ipynb"));
        var (exit, _, stderr) = TestSupport.RunProcess("/usr/bin/jupyter", ["nbconvert", "--to", "html", "lesson.ipynb"], folder, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"nbconvert failed (Debian's jupyter-nbconvert is installed by .ci/run):\n{stderr}");
        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(Path.Combine(folder, "lesson.html"));

        await browser.WaitForAsync("[...document.querySelectorAll('.bp-chart')].every(c => c.querySelector('.main-svg'))");

        Assert.Equal(1, (int)(await browser.EvaluateAsync("document.querySelectorAll('script[data-bp-plotly]').length"))!);
        var outside = browser.Requests.Where(u => !u.StartsWith("file:", StringComparison.Ordinal) && !u.StartsWith("data:", StringComparison.Ordinal)).ToList();
        Assert.True(outside.Count == 0 || outside.All(IsNbconvertsOwn), string.Join("\n", outside));
    }

    // nbconvert's page template itself links require.js and MathJax from CDNs; the charts never do.
    private static bool IsNbconvertsOwn(string url) =>
        url.Contains("require.js", StringComparison.Ordinal) || url.Contains("mathjax", StringComparison.OrdinalIgnoreCase)
        || url.Contains("jquery", StringComparison.OrdinalIgnoreCase);

    // nbformat stores multi-line strings as arrays of lines.
    private static string Text(JsonNode node) => node is JsonArray lines ? string.Concat(lines.Select(l => (string?)l)) : (string)node!;
}
