using System.IO;
using System.Linq;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>A published page never runs script from markdown: sanitised HTML first, the Content-Security-Policy behind it.</summary>
public sealed class MarkdownScriptTests
{
    private const string Attacks = """
        #!markdown

        # Attacks

        <script>window.pwned = 'script';</script>

        An image: <img src="missing.png" onerror="window.pwned = 'onerror'">

        [a markdown link](javascript:window.pwned='link') and <a href=" JaVa&#x53;cript:window.pwned='raw link'">a raw one</a>
        and <a href="data:text/html,<script>parent.pwned=1</script>">data</a>.

        <svg onload="window.pwned = 'svg'"><circle r="5"/></svg>
        <iframe src="javascript:parent.pwned='iframe'"></iframe>
        <div onclick="window.pwned = 'click'" id="clickable">click me</div>

        #!csharp

        HTML("<img src=\"missing.png\" onerror=\"window.pwned = 'output'\">")
        """;

    [Fact]
    public void Markdown_IsSanitised_ScriptShownAsText()
    {
        var markdown = "#!markdown\n\n<script>alert(1)</script>\n\n<img src=x onerror=alert(1)> [x](javascript:alert(1)) <b class=\"k\">bold</b>\n";
        var document = NotebookDocument.Parse(markdown, "/x/attacks.dib");
        var page = HtmlPublisher.Render(new NotebookRunResult("/x/attacks.dib", document, [], System.TimeSpan.Zero, null));
        var html = page[page.IndexOf("<div class=\"cell markdown\">", System.StringComparison.Ordinal)..];

        Assert.DoesNotContain("<script", html);
        Assert.Contains("&lt;script&gt;alert(1)&lt;/script&gt;", html);
        Assert.DoesNotContain("onerror", html);
        Assert.DoesNotContain("javascript:", html);
        Assert.Contains("<img src=\"x\">", html);
        Assert.Contains("<b class=\"k\">bold</b>", html);
    }

    [Fact]
    public async Task PublishedPage_RunsNoScriptFromMarkdown_InChromium()
    {
        var scratch = NewScratch();
        var notebook = WriteNotebook(scratch, "attacks.dib", Attacks);
        var result = await NotebookRunner.RunAsync(notebook, new RunOptions());
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var page = Path.Combine(scratch, "attacks.html");
        HtmlPublisher.Publish(result, page);
        Assert.Contains("Content-Security-Policy", File.ReadAllText(page));

        await using var browser = await ChromiumSession.StartAsync();
        await browser.OpenAsync(page);
        await browser.EvaluateAsync("document.querySelectorAll('a, #clickable').forEach(a => a.click())");
        await Task.Delay(500);

        // The output's onerror= is the kit's trust in code outputs; the policy still stops it.
        Assert.Equal("undefined", (string?)await browser.EvaluateAsync("typeof window.pwned"));
        Assert.Equal("file:", (string?)await browser.EvaluateAsync("location.protocol"));
        Assert.Empty((await browser.EvaluateAsync("[...document.querySelectorAll('.markdown :is([href^=\"javascript\" i], [href^=\"data\" i], [src^=\"javascript\" i], iframe, svg, [onerror], [onload], [onclick])')].map(e => e.outerHTML)"))!.AsArray());
        Assert.Contains("window.pwned = 'script';", (string?)await browser.EvaluateAsync("document.body.innerText"));
        Assert.All(browser.Requests.Where(u => !u.StartsWith("data:", System.StringComparison.Ordinal)), u => Assert.StartsWith("file:", u));
    }
}
