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

    /// <summary>
    /// Adds the injected cell; throws ArgumentException naming an unknown parameter, a value not of its variable's type
    /// or a missing parameters cell.
    /// </summary>
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
        var declared = Declared(cell.Source);
        var unknown = parameters.Keys.Where(k => !declared.ContainsKey(k)).ToArray();
        if (unknown.Length > 0)
        {
            throw new ArgumentException(
                $"unknown parameter '{unknown[0]}': the parameters cell ({cell.Describe()}) assigns {(declared.Count == 0 ? "nothing" : string.Join(", ", declared.Keys.Order()))}.");
        }

        var code = new StringBuilder("// Injected parameters\n");
        foreach (var (name, value) in parameters)
        {
            code.Append(name).Append(" = ").Append(ParameterLiteral.For(name, declared[name], value, $"the parameters cell ({cell.Describe()})")).Append(";\n");
        }

        var injected = new NotebookCell(CellKind.Code, KernelNames.CSharp, code.ToString().TrimEnd('\n'));
        injected.Metadata["polyglot_notebook"] = new System.Text.Json.Nodes.JsonObject { ["kernelName"] = KernelNames.CSharp };
        injected.AddTag(InjectedTag);
        document.Cells.Insert(index + 1, injected);
        document.Renumber();
    }

    /// <summary>
    /// A failure of the injected cell said in terms of -p: its line 1 is a comment and line k + 1 assigns the k-th
    /// parameter, so "(2,14): error CS0029: …" becomes "-p iterations=abc: error CS0029: …".
    /// </summary>
    public static string Explain(NotebookCell injected, string message)
    {
        var match = System.Text.RegularExpressions.Regex.Match(message, @"^\((\d+),\d+\): ");
        var lines = injected.Source.Split('\n');
        if (!match.Success || !int.TryParse(match.Groups[1].Value, CultureInfo.InvariantCulture, out var line) || line < 2 || line > lines.Length)
        {
            return $"-p: {message}";
        }

        var assignment = lines[line - 1].TrimEnd(';');
        return $"-p {assignment.Replace(" = ", "=", StringComparison.Ordinal)}: {message[match.Length..]}";
    }

    // Each name the cell declares or assigns, with its C# type when the cell spells it (int x, var x = 5) or null.
    private static Dictionary<string, string?> Declared(string source)
    {
        var tree = CSharpSyntaxTree.ParseText(CellDirectives.Parse(source).Code, ScriptSession.ParseOptions);
        var names = new Dictionary<string, string?>(StringComparer.Ordinal);
        foreach (var node in tree.GetRoot().DescendantNodes())
        {
            switch (node)
            {
                case VariableDeclaratorSyntax { Parent: VariableDeclarationSyntax declaration } v:
                    names[v.Identifier.ValueText] = declaration.Type.IsVar
                        ? v.Initializer?.Value is LiteralExpressionSyntax literal ? ParameterLiteral.TypeOfLiteral(literal.Token.Value) : null
                        : declaration.Type.ToString();
                    break;
                case AssignmentExpressionSyntax { Left: IdentifierNameSyntax id }:
                    names.TryAdd(id.Identifier.ValueText, null);
                    break;
            }
        }

        return names;
    }
}
