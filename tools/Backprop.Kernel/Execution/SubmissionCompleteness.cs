using System;
using System.Linq;
using Backprop.Notebooks;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Backprop.Kernel.Execution;

/// <summary>is_complete by Roslyn's own parser: may the console run this, or wait for more lines?</summary>
internal static class SubmissionCompleteness
{
    private static readonly CSharpParseOptions ScriptOptions =
        new(LanguageVersion.Latest, kind: SourceCodeKind.Script);

    public static IsCompleteResult Check(string code)
    {
        // Directives (#!time, #r "nuget:...") are read by the engine's own parser, as when the cell runs.
        var directives = CellDirectives.Parse(code);
        if (directives.Errors.Count > 0)
        {
            return new IsCompleteResult("invalid");
        }

        if (string.IsNullOrWhiteSpace(directives.Code))
        {
            return new IsCompleteResult("complete");
        }

        var tree = CSharpSyntaxTree.ParseText(directives.Code, ScriptOptions);
        if (!ScriptSession.IsComplete(directives.Code))
        {
            return new IsCompleteResult("incomplete", new string(' ', 4 * OpenBraces(tree)));
        }

        return tree.GetDiagnostics().Any(d => d.Severity == DiagnosticSeverity.Error)
            ? new IsCompleteResult("invalid")
            : new IsCompleteResult("complete");
    }

    private static int OpenBraces(SyntaxTree tree)
    {
        var depth = 0;
        foreach (var token in tree.GetRoot().DescendantTokens())
        {
            if (token.IsMissing)
            {
                continue;
            }

            if (token.IsKind(SyntaxKind.OpenBraceToken))
            {
                depth++;
            }
            else if (token.IsKind(SyntaxKind.CloseBraceToken))
            {
                depth = Math.Max(0, depth - 1);
            }
        }

        return depth;
    }
}
