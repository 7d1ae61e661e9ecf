using System;
using System.IO;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Tests;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>Formulas in published pages: typeset by the embedded KaTeX, offline; pages without math stay lean.</summary>
public sealed class MathPageTests
{
    // Both math tests read the same executed fixture; running it once keeps the suite's time down.
    private static readonly Lazy<Task<NotebookRunResult>> MathRun = new(() => NotebookRunner.RunAsync(Path.Combine(Fixtures, "math.dib"), new RunOptions()));

    [SkippableFact]
    public async Task MathPage_EmbedsKatexOnce_AndLeavesDollarsInProseAndCodeAlone()
    {
        var html = HtmlPublisher.Render(await MathRun.Value);
        Assert.Single(Regex.Matches(html, "KaTeX 0.16.22, embedded"));
        Assert.Single(Regex.Matches(html, "katex.render\\("));
        Assert.Equal(20 + 1, Regex.Matches(html, "url\\(data:font/woff2;base64,").Count); // KaTeX's 20 fonts and the pages' Hangul font
        Assert.DoesNotContain("url(fonts/", html);
        Assert.DoesNotContain("format(\"truetype\")", html);
        Assert.Contains("<span class=\"math\">\\(\\frac{\\partial L}{\\partial x}", html);
        Assert.Contains("<div class=\"math\">", html);
        Assert.Contains("<span class=\"math display\">\\(z = t^2", html);
        Assert.Contains("An apple costs $5 and an orange $3, so two of each cost $16.", html);
        Assert.Contains("<code>var s = $&quot;{x}&quot;;</code>", html);
        Assert.Contains("Console.WriteLine($&quot;total: {100 * 2}&quot;);", html);
    }

    [SkippableFact]
    public async Task MathPage_TypesetsFormulasOffline_InHeadlessChromium()
    {
        var result = await MathRun.Value;
        Assert.True(result.Succeeded, string.Join("\n", result.Failures));
        var page = Path.Combine(NewScratch(), "math.html");
        HtmlPublisher.Publish(result, page);

        var dom = HeadlessChromium.DumpDom(page);
        Assert.Equal(3, Regex.Matches(dom, "<span class=\"katex-html\"").Count);
        Assert.Equal(2, Regex.Matches(dom, "<span class=\"katex-display\"").Count);
        Assert.Matches("<span class=\"katex-error\"[^>]*>\\\\frac\\{1\\}\\{</span>", dom);

        // What a reader sees: KaTeX keeps the TeX only in its hidden MathML annotation; the unparsable formula stays as text.
        var visible = Regex.Replace(dom[dom.IndexOf("<body", StringComparison.Ordinal)..], "<math.*?</math>", string.Empty, RegexOptions.Singleline);
        visible = Regex.Replace(visible, "<span class=\"katex-error\"[^>]*>[^<]*</span>", string.Empty);
        Assert.DoesNotContain("\\frac", visible);
        Assert.DoesNotContain("\\(", visible);
        Assert.DoesNotContain("\\[", visible);
    }

    [SkippableFact]
    public void PageWithoutMath_EmbedsNoKatex()
    {
        const string Source = "#!markdown\n\nApples cost $5 and pears $3 (`$\"{price}\"`).\n\n#!csharp\n\nConsole.WriteLine($\"{5}$\");\n";
        var document = NotebookDocument.Parse(Source, "/x/prices.dib");
        var html = HtmlPublisher.Render(new NotebookRunResult("/x/prices.dib", document, [], TimeSpan.Zero, null));
        Assert.Contains("Apples cost $5 and pears $3 (<code>$&quot;{price}&quot;</code>).", html);
        Assert.DoesNotContain("katex", html, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public void DisplayFormula_OverSeveralLines_StaysOneFormula_WithItsTeXIntact()
    {
        const string Source = "#!markdown\n\nMultiply:\n\n$$\\frac{\\partial L}{\\partial y}\\, y^2\n= \\sum_{\\text{rows}} y\\,(1 - y).$$\n\nThen `$$` in code, and $$a\nb$$ costs $5.\n";
        var document = NotebookDocument.Parse(Source, "/x/multiline.dib");
        var html = HtmlPublisher.Render(new NotebookRunResult("/x/multiline.dib", document, [], TimeSpan.Zero, null));
        Assert.Contains("<span class=\"math display\">\\(\\frac{\\partial L}{\\partial y}\\, y^2\n= \\sum_{\\text{rows}} y\\,(1 - y).\\)</span>", html);
        Assert.Contains("<span class=\"math display\">\\(a\nb\\)</span> costs $5.", html);
        Assert.Contains("<code>$$</code>", html);
    }

    [Fact]
    public void InlineFormula_FollowedByAKoreanParticle_IsStillAFormula_WhilePricesStayText()
    {
        const string Source = "#!markdown\n\n역전파의 값은 $y - t$입니다. $t^2$을 미분하면 $2t$이고, 사과는 $5, 귤은 $3입니다.\n";
        var document = NotebookDocument.Parse(Source, "/x/particles.dib");
        var html = HtmlPublisher.Render(new NotebookRunResult("/x/particles.dib", document, [], TimeSpan.Zero, null));
        Assert.Contains("<span class=\"math\">\\(y - t\\)</span>입니다.", html);
        Assert.Contains("<span class=\"math\">\\(t^2\\)</span>을 미분하면 <span class=\"math\">\\(2t\\)</span>이고", html);
        Assert.Contains("사과는 $5, 귤은 $3입니다.", html);
    }
}
