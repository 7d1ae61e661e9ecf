using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;
using Markdig.Renderers.Html;

namespace Backprop.Notebooks;

/// <summary>
/// Markdig's $..$ parser, read the way Jupyter reads a markdown cell: a formula never reaches into a code span
/// (Markdig tries math before it sees the backtick, so "costs $3 (`$"{x}"`)" would pair the price with the C#
/// string's dollar), and a $$..$$ formula may run over several lines of a paragraph (Markdig allows no newline in
/// inline math, and would then read the TeX as markdown: <c>\,</c> becomes a comma, <c>_{\text{rows}}</c> loses its braces).
/// </summary>
internal sealed class CodeSpanAwareMathParser : MathInlineParser, IMarkdownExtension
{
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice;
        var before = processor.Inline;
        if (!base.Match(processor, ref slice))
        {
            slice = start;
            processor.Inline = before;
            return MatchMultiLineDisplay(processor, ref slice);
        }

        if (processor.Inline is MathInline math && math.Content.ToString().Contains('`'))
        {
            slice = start;
            processor.Inline = before;
            return false;
        }

        return true;
    }

    // As an extension added after the math extension, it swaps that extension's parser for this one.
    public void Setup(MarkdownPipelineBuilder pipeline) => pipeline.InlineParsers.Replace<MathInlineParser>(new CodeSpanAwareMathParser());

    public void Setup(MarkdownPipeline pipeline, IMarkdownRenderer renderer)
    {
    }

    // $$ at the start of a formula that spans lines, up to the next unescaped $$ of the same paragraph.
    private static bool MatchMultiLineDisplay(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int open = slice.Start;
        if (slice.PeekCharExtra(1) != '$' || slice.PeekCharExtra(2) == '$')
        {
            return false;
        }

        int close = -1;
        for (int i = open + 2; i < slice.End; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '$' && text[i + 1] == '$')
            {
                close = i;
                break;
            }
        }

        var content = new StringSlice(text, open + 2, close - 1);
        if (close < 0 || content.IsEmptyOrWhitespace() || !content.ToString().Contains('\n') || content.ToString().Contains('`'))
        {
            return false;
        }

        int inlineStart = processor.GetSourcePosition(open, out int line, out int column);
        var math = new MathInline
        {
            Delimiter = '$',
            DelimiterCount = 2,
            Content = content,
            Span = new Markdig.Syntax.SourceSpan(inlineStart, inlineStart + close + 1 - open),
            Line = line,
            Column = column,
        };
        math.GetAttributes().AddClass("math");
        processor.Inline = math;
        slice.Start = close + 2;
        return true;
    }
}
