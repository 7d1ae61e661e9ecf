using System;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using Markdig;
using Markdig.Syntax;
using Markdig.Syntax.Inlines;

namespace Backprop.Notebooks;

/// <summary>
/// What the course index says about a lesson, read from the notebook's own first markdown cell so it cannot drift:
/// the "# Lesson N · …" title ("# 1강 · …"), the book sections of the "*Deep Learning from Scratch* §…" line
/// ("*밑바닥부터 시작하는 딥러닝* 5장 오차역전파법, §…"), the first paragraph.
/// </summary>
public sealed partial record LessonInfo(string Title, string? Sections, string? SummaryHtml)
{
    private static readonly MarkdownPipeline Plain = new MarkdownPipelineBuilder().Build();

    /// <summary>The notebook's lesson facts; a notebook without a title heading is named by its file.</summary>
    public static LessonInfo From(NotebookDocument? document, string path)
    {
        var stem = Path.GetFileNameWithoutExtension(path);
        var first = document?.Cells.FirstOrDefault(c => c.Kind == CellKind.Markdown);
        if (first is null)
        {
            return new LessonInfo(stem, null, null);
        }

        var markdown = Markdown.Parse(first.Source, Plain);
        var heading = markdown.OfType<HeadingBlock>().FirstOrDefault(h => h.Level == 1);
        var title = heading?.Inline is { } inline ? Text(inline).Trim() : stem;
        string? sections = null, summary = null;
        foreach (var paragraph in markdown.OfType<ParagraphBlock>())
        {
            var text = first.Source.Substring(paragraph.Span.Start, paragraph.Span.Length);
            if (sections is null && PageText.All.Any(t => text.Contains(t.BookTitle, StringComparison.Ordinal)))
            {
                var found = SectionPattern().Matches(text).Select(m => m.Value.Trim()).ToList();
                sections = found.Count > 0 ? string.Join(", ", found) : PageText.Of(path).WholeChapter;
                continue;
            }

            summary = Paragraph().Replace(MarkdownHtml.ToHtml(text).Trim(), "$1");
            break;
        }

        return new LessonInfo(title.Length > 0 ? title : stem, sections, summary);
    }

    private static string Text(ContainerInline inline) => string.Concat(inline.Descendants<LiteralInline>().Select(l => l.Content.ToString()));

    // "§5.1–§5.4", "§5.6.1–§5.6.2", "§5.5".
    [GeneratedRegex(@"§\d+(?:\.\d+)*(?:\s*[–-]\s*§?\d+(?:\.\d+)*)?")]
    private static partial Regex SectionPattern();

    [GeneratedRegex(@"^<p>(.*)</p>$", RegexOptions.Singleline)]
    private static partial Regex Paragraph();
}
