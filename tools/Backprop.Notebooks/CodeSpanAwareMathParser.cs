using Markdig;
using Markdig.Extensions.Mathematics;
using Markdig.Helpers;
using Markdig.Parsers;
using Markdig.Renderers;

namespace Backprop.Notebooks;

/// <summary>
/// Markdig's $..$ parser, except a formula never reaches into a code span: Markdig tries math before it sees the
/// backtick, so "costs $3 (`$"{x}"`)" would pair the price with the C# string's dollar. Jupyter reads code first.
/// </summary>
internal sealed class CodeSpanAwareMathParser : MathInlineParser, IMarkdownExtension
{
    public override bool Match(InlineProcessor processor, ref StringSlice slice)
    {
        var start = slice;
        var before = processor.Inline;
        if (!base.Match(processor, ref slice))
        {
            return false;
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
}
