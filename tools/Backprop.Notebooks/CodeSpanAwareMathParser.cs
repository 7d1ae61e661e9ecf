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
/// string's dollar), a $$..$$ formula may run over several lines of a paragraph (Markdig allows no newline in
/// inline math, and would then read the TeX as markdown: <c>\,</c> becomes a comma, <c>_{\text{rows}}</c> loses its braces),
/// and a $..$ formula may be followed by a letter of another script: Korean attaches its particles to the formula
/// ("$y - t$입니다"), where Markdig wants a space or punctuation after the closing $.
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
            return MatchMultiLineDisplay(processor, ref slice) || MatchBeforeParticle(processor, ref slice);
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

    // $..$ on one line whose closing $ touches a non-ASCII letter, as Jupyter reads it. The rules Markdig applies
    // otherwise still hold: no space inside either $, no ASCII letter or digit after the closing one ("$5 and $3").
    private static bool MatchBeforeParticle(InlineProcessor processor, ref StringSlice slice)
    {
        string text = slice.Text;
        int open = slice.Start;
        if (slice.PeekCharExtra(1) is '$' or ' ' or '\t' || (open > 0 && char.IsAsciiLetterOrDigit(text[open - 1])))
        {
            return false;
        }

        int close = -1;
        for (int i = open + 1; i < slice.End && text[i] != '\n'; i++)
        {
            if (text[i] == '\\')
            {
                i++;
            }
            else if (text[i] == '$')
            {
                close = i;
                break;
            }
        }

        if (close < 0 || char.IsWhiteSpace(text[close - 1]) || close + 1 >= text.Length || !char.IsLetter(text[close + 1])
            || char.IsAscii(text[close + 1]) || text.IndexOf('`', open, close - open) >= 0)
        {
            return false;
        }

        return Emit(processor, ref slice, open, close, delimiters: 1);
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

        return Emit(processor, ref slice, open, close, delimiters: 2);
    }

    // The formula between the delimiters at open and close, as Markdig's own parser would have made it.
    private static bool Emit(InlineProcessor processor, ref StringSlice slice, int open, int close, int delimiters)
    {
        int inlineStart = processor.GetSourcePosition(open, out int line, out int column);
        var math = new MathInline
        {
            Delimiter = '$',
            DelimiterCount = delimiters,
            Content = new StringSlice(slice.Text, open + delimiters, close - 1),
            Span = new Markdig.Syntax.SourceSpan(inlineStart, inlineStart + close + delimiters - 1 - open),
            Line = line,
            Column = column,
        };
        math.GetAttributes().AddClass("math");
        processor.Inline = math;
        slice.Start = close + delimiters;
        return true;
    }
}
