using System;
using System.IO;
using System.Threading.Tasks;
using Backprop.Tests;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

public sealed class HtmlPublisherTests
{
    [SkippableFact]
    public async Task Page_RendersMarkdownCodeAndOutputs()
    {
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "errors.dib"), new RunOptions());
        var html = HtmlPublisher.Render(result);
        Assert.Contains("<span class=\"k\">var</span>", html);
        Assert.Contains("<pre class=\"error\">", html);
        Assert.Contains("undefinedName", html);
        Assert.DoesNotContain("plotly.js 2.28.0", html);

        var basics = HtmlPublisher.Render(await NotebookRunner.RunAsync(Path.Combine(Fixtures, "basics.dib"), new RunOptions()));
        Assert.Contains("<h1 id=\"basics\">Basics</h1>", basics);
        Assert.Contains("\\(a^2 + b^2\\)", basics);
        Assert.Contains($"<pre class=\"stdout\">apples: {100 * 2}", basics);
        Assert.Contains("Noto Sans CJK KR", basics);
    }

    [SkippableFact]
    public async Task ChartPage_DrawsOffline_InHeadlessChromium()
    {
        Assert.NotNull(PlotlyScript.Text);
        var result = await NotebookRunner.RunAsync(Path.Combine(Fixtures, "chart.dib"), new RunOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var scratch = NewScratch();
        var page = Path.Combine(scratch, "chart.html");
        HtmlPublisher.Publish(result, page);
        Assert.Contains("plotly.js 2.28.0", File.ReadAllText(page));

        var dom = HeadlessChromium.DumpDom(page);
        Assert.Contains("main-svg", dom);
        Assert.Contains("class=\"trace scatter", dom);
        Assert.Contains("js-line", dom);
    }

    [SkippableFact]
    public void Index_NamesNotebooksWithoutTitleByFile_AndKeepsStatusDiscreet()
    {
        var ok = new NotebookRunResult("/x/a.dib", null, [], TimeSpan.FromSeconds(1.5), null);
        var bad = new NotebookRunResult("/x/b.ipynb", null, [], TimeSpan.Zero, "b.ipynb: invalid JSON");
        var html = HtmlPublisher.RenderIndex([(ok, "a.html"), (bad, "b.html")]);
        Assert.Contains("<h2><a href=\"a.html\">a</a></h2><div class=\"run-status\">ran: 0 of 0 code cells in 1.5 s</div>", html);
        Assert.Contains("<h2><a href=\"b.html\">b</a></h2><div class=\"run-status bad\">could not run</div>", html);
    }
}
