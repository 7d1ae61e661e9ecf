using System.Collections.Generic;
using System.Globalization;
using System.Linq;

namespace Backprop.Display;

/// <summary>
/// What a graph figure shows, whatever traced it: nodes, and on each edge the text above (forward) and below
/// (backward, red). A scalar graph writes numbers there; the Affine figure of §5.6 writes names and shapes.
/// </summary>
internal sealed class GraphDrawing(IReadOnlyList<GraphDrawing.Node> nodes, IReadOnlyList<GraphDrawing.Edge> edges,
    IReadOnlyList<GraphDrawing.Output> outputs)
{
    public IReadOnlyList<Node> Nodes { get; } = nodes;

    public IReadOnlyList<Edge> Edges { get; } = edges;

    /// <summary>The arrows leaving the figure on the right, like price in Figure 5-14.</summary>
    public IReadOnlyList<Output> Outputs { get; } = outputs;

    /// <summary>The figure of a traced scalar graph: four significant digits, the exact value in each tooltip.</summary>
    public static GraphDrawing Of(ComputationalGraph graph)
    {
        var backward = graph.Output is null ? [] : ComputationalGraph.TopologicalOrder(graph.Output).ToHashSet();
        var drawn = graph.Nodes.ToDictionary(n => n, n => new Node(n.Id, n.Op == GraphOp.Input, n.Symbol, n.Name, n.Label,
            n.Constant is double c ? Html.Compact(c) : null, $"{n.Label} = {Html.Full(n.Value)}"));
        var edges = graph.Edges.Select(e => new Edge(drawn[e.From], drawn[e.To], e.InputIndex, Number(e.Value),
            backward.Contains(e.To) ? Number(e.Grad) : null)).ToList();
        var consumed = graph.Edges.Select(e => e.From).ToHashSet();
        var outputs = graph.Nodes.Where(n => n.Op != GraphOp.Input && !consumed.Contains(n))
            .Select(n => new Output(drawn[n], Number(n.Value), n == graph.Output ? Number(n.Grad) : null)).ToList();
        return new GraphDrawing(graph.Nodes.Select(n => drawn[n]).ToList(), edges, outputs);
    }

    // Four significant digits are plenty on a figure (the book's show one or two); the tooltip has every digit.
    private static Label Number(double value)
    {
        string text = double.IsFinite(value) ? value.ToString("G4", CultureInfo.InvariantCulture).Replace("E", "e") : Html.Compact(value);
        return new(text == "-0" ? "0" : text, Html.Full(value));
    }

    /// <summary>
    /// A node: an input (just its label) or an operation (its symbol in a circle, its name below). Id is the traced
    /// node's <see cref="GraphNode.Id"/>, so a page can find it again; Constant is the fixed operand of ×c and +c
    /// nodes, drawn entering from above (Figure 5-19); Tip is what hovering shows.
    /// </summary>
    public sealed record Node(int Id, bool IsInput, string Symbol, string? Name, string Label, string? Constant, string Tip);

    /// <summary>An edge into input <paramref name="InputIndex"/> of <paramref name="To"/>; no backward text before Backward.</summary>
    public sealed record Edge(Node From, Node To, int InputIndex, Label Forward, Label? Backward);

    /// <summary>An arrow out of a node nobody consumes, ending in the node's name.</summary>
    public sealed record Output(Node From, Label Forward, Label? Backward);

    /// <summary>A text on the figure and the exact thing it abbreviates, shown on hover.</summary>
    public sealed record Label(string Text, string Tip);
}
