using System;
using System.Collections.Generic;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Backprop.Lessons.Tests;

/// <summary>
/// A code cell as the editions must share it: Roslyn's tokens of the cell parsed as a script, without comments, with
/// the text of every string literal (and of each interpolated string's text parts) replaced by a placeholder, while
/// interpolation holes, their format clauses, numbers, identifiers and the #r / using lines stay exactly as written.
/// </summary>
public static class CellCode
{
    public const string Text = "\"…\"";

    /// <summary>A code cell as the notebook engines read it: a C# script (top-level statements, #r directives).</summary>
    public static SyntaxNode Parse(string code) => CSharpSyntaxTree.ParseText(code, CSharpParseOptions.Default.WithKind(SourceCodeKind.Script)).GetRoot();

    /// <summary>The cell's tokens after normalisation, each with the (1-based) line of the cell it is on.</summary>
    public static IReadOnlyList<(string Text, int Line)> Normalise(string code)
    {
        var tokens = new List<(string, int)>();
        foreach (var token in Parse(code).DescendantTokens(descendIntoTrivia: true))
        {
            if (token.IsKind(SyntaxKind.EndOfFileToken) || token.IsKind(SyntaxKind.EndOfDirectiveToken))
            {
                continue;
            }

            var text = Normalised(token);
            if (text is not null)
            {
                tokens.Add((text, token.GetLocation().GetLineSpan().StartLinePosition.Line + 1));
            }
        }

        return tokens;
    }

    /// <summary>Null when the two cells are the same code; else the first line where they differ, in each.</summary>
    public static string? FirstDifference(string english, string korean)
    {
        var (a, b) = (Normalise(english), Normalise(korean));
        int i = 0;
        while (i < a.Count && i < b.Count && a[i].Text == b[i].Text)
        {
            i++;
        }

        if (i == a.Count && i == b.Count)
        {
            return null;
        }

        return $"English line {Where(english, a, i)}\n  Korean line {Where(korean, b, i)}";
    }

    // A literal's text may be translated; a #r's package and path may not, nor an interpolation's format clause.
    private static string? Normalised(SyntaxToken token)
    {
        var inDirective = token.Parent?.AncestorsAndSelf().Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.DirectiveTriviaSyntax) == true;
        if (inDirective)
        {
            return token.Text;
        }

        return token.Kind() switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.Utf8StringLiteralToken or SyntaxKind.CharacterLiteralToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8SingleLineRawStringLiteralToken or SyntaxKind.Utf8MultiLineRawStringLiteralToken => Text,
            SyntaxKind.InterpolatedStringTextToken when token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.InterpolatedStringTextSyntax => null,
            _ => token.Text,
        };
    }

    private static string Where(string code, IReadOnlyList<(string Text, int Line)> tokens, int i)
    {
        if (i >= tokens.Count)
        {
            return "(end of cell): nothing more";
        }

        var lines = code.Split('\n');
        int line = tokens[i].Line;
        return $"{line}: {lines[line - 1].Trim()}";
    }
}
