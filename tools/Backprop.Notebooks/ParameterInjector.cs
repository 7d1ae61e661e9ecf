using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Notebooks;

/// <summary>
/// Papermill's convention for C#: values from the command line go into a cell tagged "injected-parameters",
/// placed right after the cell tagged "parameters", as assignments to the variables that cell declares.
/// </summary>
public static class ParameterInjector
{
    public const string ParametersTag = "parameters";
    public const string InjectedTag = "injected-parameters";

    /// <summary>Adds the injected cell; throws ArgumentException naming an unknown parameter or a missing parameters cell.</summary>
    public static void Inject(NotebookDocument document, IReadOnlyDictionary<string, string> parameters, bool requireParametersCell = true)
    {
        if (parameters.Count == 0)
        {
            return;
        }

        var index = document.Cells.FindIndex(c => c.Kind == CellKind.Code && c.HasTag(ParametersTag));
        if (index < 0 && !requireParametersCell)
        {
            return;
        }

        if (index < 0)
        {
            throw new ArgumentException($"parameters were given ({string.Join(", ", parameters.Keys)}) but no cell is tagged '{ParametersTag}'.");
        }

        var cell = document.Cells[index];
        var declared = DeclaredNames(cell.Source);
        var unknown = parameters.Keys.Where(k => !declared.Contains(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"unknown parameter '{unknown[0]}': the parameters cell ({cell.Describe()}) assigns {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Order()))}.");
        }

        var code = new StringBuilder("// Injected parameters\n");
        foreach (var (name, value) in parameters)
        {
            code.Append(name).Append(" = ").Append(Literal(value)).Append(";\n");
        }

        var injected = new NotebookCell(CellKind.Code, KernelNames.CSharp, code.ToString().TrimEnd('\n'));
        injected.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = KernelNames.CSharp };
        injected.AddTag(InjectedTag);
        document.Cells.Insert(index + 1, injected);
        for (var i = 0; i < document.Cells.Count; i++)
        {
            document.Cells[i].Number = i + 1;
        }
    }

    /// <summary>A C# literal for a command-line value: numbers, bools and quoted strings as written, other text quoted.</summary>
    public static string Literal(string value)
    {
        var v = value.Trim();
        var numeric = v.Length > 0 && (char.IsDigit(v[0]) || v[0] is '-' or '.')
            && double.TryParse(v.TrimEnd('d', 'D', 'f', 'F', 'm', 'M'), NumberStyles.Float, CultureInfo.InvariantCulture, out _);
        if (v is "true" or "false" || numeric)
        {
            return v;
        }

        if (v.Length >= 2 && v[0] == '"' && v[^1] == '"')
        {
            return v;
        }

        return SymbolDisplay(value);
    }

    private static string SymbolDisplay(string value) =>
        Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(value, quote: true);

    private static HashSet<string> DeclaredNames(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(CellDirectives.Parse(source).Code, ScriptSession.ParseOptions);
        var names = new HashSet<string>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax v:
                    names.Add(v.Identifier.ValueText);
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id }:
                    names.Add(id.Identifier.ValueText);
                    break;
            }
        }

        return names;
    }
}
