using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.RegularExpressions;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.CSharp;
using Microsoft.CodeAnalysis.CSharp.Syntax;

namespace Backprop.Lessons.Tests;

/// <summary>
/// What a lesson prints from its clock (lessons 5 and 6 time numerical differentiation, backprop and the training loop):
/// the variables computed from a Stopwatch or its Elapsed time, followed through the notebook's code, and for each
/// interpolated string with such a hole, a pattern that finds that hole's text in the cell's output.
/// </summary>
public static class ClockValues
{
    private static readonly string[] Clocks = ["Stopwatch", "Elapsed", "ElapsedMilliseconds", "ElapsedTicks"];

    /// <summary>The names whose value comes from the clock, across every code cell of a notebook (a timing may span cells).</summary>
    public static IReadOnlySet<string> Names(IEnumerable<string> cells)
    {
        var assignments = cells.SelectMany(Parse).SelectMany(root => root.DescendantNodes()).Select(node => node switch
        {
            VariableDeclaratorSyntax { Initializer: { } init } v => (Name: v.Identifier.Text, Value: (SyntaxNode)init.Value),
            AssignmentExpressionSyntax { Left: IdentifierNameSyntax left } a => (Name: left.Identifier.Text, Value: a.Right),
            _ => (Name: string.Empty, Value: null!),
        }).Where(a => a.Value is not null).ToList();
        var timed = new HashSet<string>(StringComparer.Ordinal);
        bool grew = true;
        while (grew)
        {
            grew = false;
            foreach (var (name, value) in assignments.Where(a => !timed.Contains(a.Name)))
            {
                if (Identifiers(value).Any(id => timed.Contains(id) || Clocks.Contains(id)))
                {
                    grew |= timed.Add(name);
                }
            }
        }

        return timed;
    }

    /// <summary>
    /// One pattern per interpolated string of the cell that has a clock hole: its text parts literally, each hole as a
    /// group; the groups named "clock" hold the clock's values.
    /// </summary>
    public static IReadOnlyList<Regex> Patterns(string cell, IReadOnlySet<string> names) =>
        Parse(cell).SelectMany(root => root.DescendantNodes().OfType<InterpolatedStringExpressionSyntax>())
            .Where(s => s.Contents.OfType<InterpolationSyntax>().Any(h => IsClock(h, names)))
            .Select(s => Pattern(s, names))
            .ToList();

    private static Regex Pattern(InterpolatedStringExpressionSyntax text, IReadOnlySet<string> names)
    {
        var pattern = new StringBuilder();
        foreach (var part in text.Contents)
        {
            pattern.Append(part is InterpolationSyntax hole
                ? IsClock(hole, names) ? @"\s*(?<clock>\S+)" : @"\s*\S+"
                : Regex.Escape(((InterpolatedStringTextSyntax)part).TextToken.ValueText));
        }

        // Whole words only: "{seconds:0.00} s" is not the start of "200 steps".
        return new Regex($@"(?<!\w){pattern}(?!\w)");
    }

    private static bool IsClock(InterpolationSyntax hole, IReadOnlySet<string> names) =>
        Identifiers(hole.Expression).Any(id => names.Contains(id) || Clocks.Contains(id));

    private static IEnumerable<string> Identifiers(SyntaxNode node) =>
        node.DescendantNodesAndSelf().OfType<IdentifierNameSyntax>().Select(i => i.Identifier.Text);

    private static IEnumerable<SyntaxNode> Parse(string code) => [CellCode.Parse(code)];
}
