using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Display;

/// <summary>Left-to-right layered layout of a traced graph: a column per depth, rows in input order.</summary>
internal sealed class GraphLayout
{
    public const double ColumnWidth = 170;
    public const double RowHeight = 104;

    private readonly Dictionary<GraphNode, int> _column = [];
    private readonly Dictionary<GraphNode, double> _row = [];

    public GraphLayout(ComputationalGraph graph)
    {
        var consumers = graph.Nodes.ToDictionary(n => n, _ => new List<GraphNode>());
        foreach (GraphNode node in graph.Nodes)
        {
            foreach (GraphNode input in node.Inputs.Distinct())
            {
                consumers[input].Add(node);
            }
        }

        // Operations sit one column right of their deepest input; inputs sit just left of their first use,
        // so a late operand (the tax) gets a short edge instead of one crossing the whole figure.
        foreach (GraphNode node in graph.Nodes.Where(n => n.Op != GraphOp.Input))
        {
            _column[node] = 1 + node.Inputs.Select(i => i.Op == GraphOp.Input ? 0 : _column[i]).Max();
        }

        foreach (GraphNode node in graph.Nodes.Where(n => n.Op == GraphOp.Input))
        {
            _column[node] = consumers[node].Count == 0 ? 0 : consumers[node].Min(c => _column[c]) - 1;
        }

        Roots = graph.Nodes.Where(n => consumers[n].Count == 0 && n.Op != GraphOp.Input).ToList();
        double nextSlot = 0;
        foreach (GraphNode root in Roots)
        {
            PlaceRows(root, ref nextSlot);
        }

        foreach (GraphNode node in graph.Nodes.Where(n => !_row.ContainsKey(n)))
        {
            _row[node] = nextSlot++;
        }

        SeparateColumns();
        Columns = _column.Values.DefaultIfEmpty(0).Max() + 1;
        Rows = _row.Values.DefaultIfEmpty(0).Max() + 1;
    }

    /// <summary>Nodes whose value nobody consumes: each gets an outgoing arrow, like price in Figure 5-14.</summary>
    public IReadOnlyList<GraphNode> Roots { get; }

    public int Columns { get; }

    public double Rows { get; }

    public int Column(GraphNode node) => _column[node];

    public double Row(GraphNode node) => _row[node];

    // Leaves take consecutive rows in the order they feed the output; an operation sits between its inputs.
    private void PlaceRows(GraphNode node, ref double nextSlot)
    {
        if (_row.ContainsKey(node))
        {
            return;
        }

        if (node.Inputs.Count == 0)
        {
            _row[node] = nextSlot++;
            return;
        }

        foreach (GraphNode input in node.Inputs)
        {
            PlaceRows(input, ref nextSlot);
        }

        _row[node] = node.Inputs.Distinct().Average(i => _row[i]);
    }

    // Two nodes of one column never closer than a row, so circles and labels cannot collide.
    private void SeparateColumns()
    {
        foreach (var column in _column.GroupBy(p => p.Value))
        {
            double previous = double.NegativeInfinity;
            foreach (GraphNode node in column.Select(p => p.Key).OrderBy(n => _row[n]).ThenBy(n => n.Id))
            {
                _row[node] = Math.Max(_row[node], previous + 1);
                previous = _row[node];
            }
        }
    }
}
