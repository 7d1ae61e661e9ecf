using System;
using System.Linq;
using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Renderers.Html;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Backprop.Notebooks;

/// <summary>
/// Markdown cells as HTML (Markdig, advanced extensions), with formulas marked for KaTeX as Jupyter reads them,
/// cleaned of script, event handlers and javascript: links (<see cref="HtmlSanitizer"/>).
/// </summary>
internal static class MarkdownHtml
{
    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseAdvancedExtensions().Use<CodeSpanAwareMathParser>().Build();

    public static string ToHtml(string markdown)
    {
        var document = Markdown.Parse(markdown, Pipeline);

        // Jupyter shows $$..$$ as a display formula even inside a line of text; Markdig makes that an inline span,
        // so mark it for KaTeX's display mode.
        foreach (var math in document.Descendants<MathInline>().Where(m => m.DelimiterCount >= 2))
        {
            math.GetAttributes().AddClass("display");
        }

        return HtmlSanitizer.Clean(document.ToHtml(Pipeline));
    }

    /// <summary>Whether rendered markdown holds a formula (Markdig's math elements: span.math inline, div.math block).</summary>
    public static bool HasMath(string html) =>
        html.Contains("<span class=\"math", StringComparison.Ordinal) || html.Contains("<div class=\"math", StringComparison.Ordinal);
}
