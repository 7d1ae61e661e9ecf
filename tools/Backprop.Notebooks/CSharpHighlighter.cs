using System.Linq;
using System.Net;
using System.Text;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;

namespace Backprop.Notebooks;

/// <summary>Highlights C# as HTML spans (keywords, strings, comments, numbers, directives) from Roslyn's own tokens.</summary>
public static class CSharpHighlighter
{
    public static string ToHtml(string code)
    {
        var root = CSharpSyntaxTree.ParseText(code, ScriptSession.ParseOptions).GetRoot();
        var sb = new StringBuilder();
        foreach (var token in root.DescendantTokens(descendIntoTrivia: true))
        {
            AppendTrivia(sb, token.LeadingTrivia);
            Append(sb, token.Text, TokenClass(token));
            AppendTrivia(sb, token.TrailingTrivia);
        }

        return sb.ToString();
    }

    private static void AppendTrivia(StringBuilder sb, SyntaxTriviaList trivia)
    {
        foreach (var t in trivia)
        {
            if (t.HasStructure)
            {
                continue; // directive trivia: its tokens come through DescendantTokens(descendIntoTrivia: true)
            }

            var kind = t.Kind();
            var css = kind switch
            {
                SyntaxKind.SingleLineCommentTrivia or SyntaxKind.MultiLineCommentTrivia
                    or SyntaxKind.SingleLineDocumentationCommentTrivia or SyntaxKind.MultiLineDocumentationCommentTrivia => "c",
                SyntaxKind.DisabledTextTrivia or SyntaxKind.PreprocessingMessageTrivia => "d",
                _ => null,
            };
            Append(sb, t.ToFullString(), css);
        }
    }

    private static string? TokenClass(SyntaxToken token)
    {
        var kind = token.Kind();
        if (token.Parent is { } p && p.Ancestors(ascendOutOfTrivia: false).Prepend(p).Any(n => n is Microsoft.CodeAnalysis.CSharp.Syntax.DirectiveTriviaSyntax))
        {
            return "d";
        }

        if (SyntaxFacts.IsKeywordKind(kind) || (kind == SyntaxKind.IdentifierToken && token.Text is "var" or "await" or "async" or "dynamic" or "nameof"))
        {
            return "k";
        }

        return kind switch
        {
            SyntaxKind.StringLiteralToken or SyntaxKind.CharacterLiteralToken or SyntaxKind.InterpolatedStringStartToken
                or SyntaxKind.InterpolatedStringEndToken or SyntaxKind.InterpolatedStringTextToken
                or SyntaxKind.InterpolatedVerbatimStringStartToken or SyntaxKind.InterpolatedRawStringEndToken
                or SyntaxKind.InterpolatedSingleLineRawStringStartToken or SyntaxKind.InterpolatedMultiLineRawStringStartToken
                or SyntaxKind.SingleLineRawStringLiteralToken or SyntaxKind.MultiLineRawStringLiteralToken
                or SyntaxKind.Utf8StringLiteralToken => "s",
            SyntaxKind.NumericLiteralToken => "n",
            SyntaxKind.IdentifierToken when token.Parent is Microsoft.CodeAnalysis.CSharp.Syntax.TypeDeclarationSyntax
                or Microsoft.CodeAnalysis.CSharp.Syntax.GenericNameSyntax => "t",
            _ => null,
        };
    }

    private static void Append(StringBuilder sb, string text, string? css)
    {
        if (text.Length == 0)
        {
            return;
        }

        var encoded = WebUtility.HtmlEncode(text);
        if (css is null)
        {
            sb.Append(encoded);
        }
        else
        {
            sb.Append("<span class=\"").Append(css).Append("\">").Append(encoded).Append("</span>");
        }
    }
}
