using System;
using System.Collections.Generic;
using System.Linq;
using DrawnNode = Backprop.Display.GraphDrawing.Node;

namespace Backprop.Display;

/// <summary>
/// Where each node of a figure sits, in columns and rows: a column per depth, left to right; rows in the order
/// the inputs feed the output, so a1, a2, a3 come out top to bottom as the book draws them.
/// </summary>
internal sealed class GraphGrid
{
    private readonly Dictionary<DrawnNode, int> _column = [];
    private readonly Dictionary<DrawnNode, double> _row = [];
    private readonly Dictionary<DrawnNode, List<DrawnNode>> _inputs;
    private readonly Dictionary<DrawnNode, List<DrawnNode>> _consumers;

    public GraphGrid(GraphDrawing drawing)
    {
        _inputs = drawing.Nodes.ToDictionary(n => n, n => drawing.Edges.Where(e => e.To == n).OrderBy(e => e.InputIndex).Select(e => e.From).ToList());
        _consumers = drawing.Nodes.ToDictionary(n => n, n => drawing.Edges.Where(e => e.From == n).Select(e => e.To).Distinct().ToList());

        // Operations sit one column right of their deepest input; inputs sit just left of their first use,
        // so a late operand (the tax) gets a short edge instead of one crossing the whole figure.
        foreach (DrawnNode node in drawing.Nodes.Where(n => !n.IsInput))
        {
            _column[node] = 1 + _inputs[node].Select(i => i.IsInput ? 0 : _column[i]).DefaultIfEmpty(0).Max();
        }

        foreach (DrawnNode node in drawing.Nodes.Where(n => n.IsInput))
        {
            _column[node] = _consumers[node].Count == 0 ? 0 : _consumers[node].Min(c => _column[c]) - 1;
        }

        double nextSlot = 0;
        foreach (DrawnNode root in drawing.Nodes.Where(n => _consumers[n].Count == 0 && !n.IsInput))
        {
            PlaceRows(root, ref nextSlot);
        }

        foreach (DrawnNode node in drawing.Nodes.Where(n => !_row.ContainsKey(n)))
        {
            _row[node] = nextSlot++;
        }

        SeparateColumns();
        ClearLongEdges(drawing);
        SeparateColumns();
        double top = _row.Values.DefaultIfEmpty(0).Min();
        foreach (DrawnNode node in _row.Keys.ToList())
        {
            _row[node] -= top;
        }

        Columns = _column.Values.DefaultIfEmpty(0).Max() + 1;
    }

    public int Columns { get; }

    public int Column(DrawnNode node) => _column[node];

    public double Row(DrawnNode node) => _row[node];

    // Leaves take consecutive rows in the order they feed the output; an operation sits between its inputs,
    // except that a value handed to many nodes (1/S in Figure 5-29) does not pull each of them towards itself.
    private void PlaceRows(DrawnNode node, ref double nextSlot)
    {
        if (_row.ContainsKey(node))
        {
            return;
        }

        List<DrawnNode> inputs = _inputs[node];
        if (inputs.Count == 0)
        {
            _row[node] = nextSlot++;
            return;
        }

        foreach (DrawnNode input in inputs)
        {
            PlaceRows(input, ref nextSlot);
        }

        var distinct = inputs.Distinct().ToList();
        int fewest = distinct.Min(i => _consumers[i].Count);
        _row[node] = distinct.Where(i => _consumers[i].Count == fewest).Average(i => _row[i]);
    }

    // Two nodes of one column never closer than a row, so circles and labels cannot collide.
    private void SeparateColumns()
    {
        foreach (var column in _column.GroupBy(p => p.Value))
        {
            double previous = double.NegativeInfinity;
            foreach (DrawnNode node in column.Select(p => p.Key).OrderBy(n => _row[n]))
            {
                _row[node] = Math.Max(_row[node], previous + 1);
                previous = _row[node];
            }
        }
    }

    // An edge that skips columns (exp(a2) on its way to its × node) must not run through a node standing in
    // between (the sum S): such a node moves half a row off, between the lines that pass its column.
    private void ClearLongEdges(GraphDrawing drawing)
    {
        var longEdges = drawing.Edges.Where(e => _column[e.To] - _column[e.From] > 1).ToList();
        double Along(GraphDrawing.Edge e, int column) =>
            _row[e.From] + (_row[e.To] - _row[e.From]) * (column - _column[e.From]) / (_column[e.To] - _column[e.From]);
        bool Clear(DrawnNode node, double row) => longEdges
            .Where(e => _column[e.From] < _column[node] && _column[node] < _column[e.To])
            .All(e => Math.Abs(row - Along(e, _column[node])) >= 0.5);

        foreach (DrawnNode node in _column.Keys.OrderBy(n => _column[n]).ToList())
        {
            double row = _row[node];
            _row[node] = Enumerable.Range(0, 40).Select(i => row + (i % 2 == 1 ? 0.5 : -0.5) * ((i + 1) / 2)).First(r => Clear(node, r));
        }
    }
}
