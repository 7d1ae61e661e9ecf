using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Scripting;
using Microsoft.CodeAnalysis.CSharp.Syntax;
using Microsoft.CodeAnalysis.Scripting;

namespace Backprop.Notebooks;

/// <summary>Symbol completions from the script compilation's semantic model: members after a dot, else names in scope.</summary>
internal static class Completions
{
    public static CompletionList Get(Script? previous, ScriptOptions options, string code, int cursor, CancellationToken cancellationToken)
    {
        cursor = Math.Clamp(cursor, 0, code.Length);
        var directives = CellDirectives.Parse(code);
        var script = previous is null ? CSharpScript.Create(directives.Code, options) : previous.ContinueWith(directives.Code, options);
        var compilation = script.GetCompilation();
        var tree = compilation.SyntaxTrees.Last();
        var model = compilation.GetSemanticModel(tree);
        var root = tree.GetRoot(cancellationToken);

        var start = cursor;
        while (start > 0 && (char.IsLetterOrDigit(code[start - 1]) || code[start - 1] == '_'))
        {
            start--;
        }

        var prefix = code[start..cursor];
        IEnumerable<ISymbol> symbols;
        var dot = start > 0 ? root.FindToken(start - 1) : default;
        if (dot.IsKind(SyntaxKind.DotToken) && dot.Parent is MemberAccessExpressionSyntax access)
        {
            var target = model.GetSymbolInfo(access.Expression, cancellationToken).Symbol;
            if (target is INamespaceOrTypeSymbol container && target is not ILocalSymbol)
            {
                symbols = model.LookupStaticMembers(start, container).Concat(container is INamespaceSymbol ns ? ns.GetMembers() : []);
            }
            else
            {
                var type = model.GetTypeInfo(access.Expression, cancellationToken).Type;
                symbols = type is null ? [] : model.LookupSymbols(start, type, includeReducedExtensionMethods: true).Where(s => !s.IsStatic || s is IMethodSymbol { MethodKind: MethodKind.ReducedExtension });
            }
        }
        else
        {
            symbols = model.LookupSymbols(start);
        }

        var items = symbols
            .Where(s => s.CanBeReferencedByName && s.Name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase))
            .Where(s => s.DeclaredAccessibility is Accessibility.Public or Accessibility.NotApplicable || s is ILocalSymbol or IFieldSymbol or IPropertySymbol or IMethodSymbol)
            .GroupBy(s => s.Name)
            .Select(g => new CompletionItem(g.Key, g.First().Kind.ToString()))
            .OrderBy(i => i.Text, StringComparer.OrdinalIgnoreCase)
            .ToArray();
        return new CompletionList(items, start, cursor);
    }
}
