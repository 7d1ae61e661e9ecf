using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Text;

namespace Backprop.Notebooks;

/// <summary>
/// Puts a cancellation check at the top of every loop body of a cell, on the same line, so a timeout or an interrupt
/// stops a user's infinite loop cooperatively and the session (its variables) survives. Keeps line numbers; maps
/// positions back so compiler columns are those of the user's text.
/// </summary>
internal sealed class LoopCancellationInjector
{
    private const string Check = " global::Backprop.Notebooks.CellCancellation.Check(); ";
    private readonly List<(int Position, int Length)> _insertions = new();

    private LoopCancellationInjector(string rewritten) => Code = rewritten;

    public string Code { get; private set; }

    public static LoopCancellationInjector Inject(string code, CSharpParseOptions options)
    {
        var tree = CSharpSyntaxTree.ParseText(code, options);
        var edits = new SortedDictionary<int, string>();
        void Add(int position, string text) => edits[position] = edits.TryGetValue(position, out var t) ? t + text : text;

        foreach (var loop in tree.GetRoot().DescendantNodes().OfType<StatementSyntax>())
        {
            var body = loop switch
            {
                ForStatementSyntax f => f.Statement,
                CommonForEachStatementSyntax f => f.Statement,
                WhileStatementSyntax w => w.Statement,
                DoStatementSyntax d => d.Statement,
                _ => null,
            };
            if (body is null || body.IsMissing)
            {
                continue;
            }

            if (body is BlockSyntax block)
            {
                Add(block.OpenBraceToken.Span.End, Check);
            }
            else
            {
                Add(body.SpanStart, "{" + Check);
                Add(body.Span.End, " }");
            }
        }

        var injector = new LoopCancellationInjector(code);
        if (edits.Count == 0)
        {
            return injector;
        }

        var text = SourceText.From(code);
        injector.Code = text.WithChanges(edits.Select(e => new TextChange(new TextSpan(e.Key, 0), e.Value))).ToString();
        injector._insertions.AddRange(edits.Select(e => (e.Key, e.Value.Length)));
        return injector;
    }

    /// <summary>Maps a position in the rewritten code back to the user's code.</summary>
    public int ToOriginal(int position)
    {
        var shift = 0;
        foreach (var (at, length) in _insertions)
        {
            var start = at + shift;
            if (position < start)
            {
                break;
            }

            if (position < start + length)
            {
                return at;
            }

            shift += length;
        }

        return position - shift;
    }
}
