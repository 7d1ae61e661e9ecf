using System;
using System.Collections.Generic;
using System.Linq;
using DrawnNode = Backprop.Display.GraphDrawing.Node;

namespace Backprop.Display;

/// <summary>
/// A figure's geometry in pixels: node centres, edge curves, and the box of every text on it. The spacing grows
/// until no two boxes overlap, so a label never covers another label, a node or a name, whatever the values.
/// </summary>
internal sealed class GraphLayout
{
    public const double Radius = 21;
    public const double LabelSize = 13;
    public const double NameSize = 14;
    public const double BackwardGap = 7;
    private const double Margin = 8;
    private const double MinColumn = 110;
    private const double Growth = 1.1;
    private const double MaxRowHeight = 160;

    // Where along an edge its texts may stand, in order of preference.
    private static readonly double[] Spots = [0.5, 0.42, 0.58, 0.34, 0.66, 0.26, 0.74, 0.18, 0.82];

    private readonly GraphGrid _grid;
    private readonly Dictionary<DrawnNode, (double X, double Y)> _at = [];

    public GraphLayout(GraphDrawing drawing)
    {
        Drawing = drawing;
        _grid = new GraphGrid(drawing);
        double[] gaps = Enumerable.Range(0, Math.Max(_grid.Columns - 1, 0)).Select(NeededGap).ToArray();
        double rowHeight = 96;
        for (int attempt = 0; ; attempt++)
        {
            double[] columnX = Place(gaps, rowHeight);
            var clash = FirstOverlap();
            if (clash is null || attempt == 60)
            {
                break;
            }

            // Texts one above the other make every row taller; anything else (texts side by side, a text on a
            // steep line) widens the gap between the columns where it happens.
            var (a, b) = clash.Value;
            double overlapX = Math.Min(a.Right, b.Right) - Math.Max(a.Left, b.Left);
            double overlapY = Math.Min(a.Bottom, b.Bottom) - Math.Max(a.Top, b.Top);
            bool stacked = a.Kind != "node" && b.Kind is not ("line" or "node") && overlapY < overlapX && rowHeight < MaxRowHeight;
            if (!stacked && gaps.Length > 0)
            {
                double x = (Math.Max(a.Left, b.Left) + Math.Min(a.Right, b.Right)) / 2;
                int gap = Math.Clamp(Array.FindLastIndex(columnX, cx => cx <= x), 0, gaps.Length - 1);
                gaps[gap] *= Growth;
            }
            else
            {
                rowHeight *= Growth;
            }
        }
    }

    public GraphDrawing Drawing { get; }

    public double Width { get; private set; }

    public double Height { get; private set; }

    /// <summary>Every edge and output arrow, with its curve and where its texts go.</summary>
    public IReadOnlyList<EdgeShape> Shapes { get; private set; } = [];

    /// <summary>Every text and node circle on the figure: what the no-overlap guarantee is about.</summary>
    public IReadOnlyList<TextBox> Boxes { get; private set; } = [];

    /// <summary>Where each output arrow's name goes, in the order of <see cref="GraphDrawing.Outputs"/>.</summary>
    public IReadOnlyList<TextBox> OutputNames { get; private set; } = [];

    /// <summary>Where the names of the operation nodes go, in node order.</summary>
    public IReadOnlyList<TextBox> Names { get; private set; } = [];

    public (double X, double Y) Position(DrawnNode node) => _at[node];

    /// <summary>
    /// The first two boxes that overlap, or a text that a line runs through (as a box of no size), or null:
    /// the layout's promise is that this is null.
    /// </summary>
    public (TextBox A, TextBox B)? FirstOverlap()
    {
        for (int i = 0; i < Boxes.Count; i++)
        {
            for (int j = i + 1; j < Boxes.Count; j++)
            {
                if (Boxes[i].Overlaps(Boxes[j]))
                {
                    return (Boxes[i], Boxes[j]);
                }
            }
        }

        foreach (EdgeShape shape in Shapes)
        {
            var own = shape.Boxes().ToList();
            foreach (var point in shape.Points)
            {
                TextBox? covered = Boxes.FirstOrDefault(b => b.Kind != "node" && b.Covers(point) && !own.Contains(b));
                if (covered is not null)
                {
                    return (covered, new TextBox("line", "", point.X, point.Y, point.X, point.Y));
                }
            }
        }

        return null;
    }

    // How many placed texts and lines a candidate's texts would touch, and how many texts its line would cross.
    private static int Conflicts(EdgeShape candidate, List<TextBox> boxes, List<EdgeShape> placed) =>
        candidate.Boxes().Sum(b => boxes.Count(b.Overlaps) + placed.Count(p => p.Crosses(b)))
        + boxes.Count(b => b.Kind != "node" && candidate.Crosses(b));

    /// <summary>Rough text width: CJK glyphs are square, Latin ones a bit over half the size (wide fonts included).</summary>
    public static double TextWidth(string text, double size) => text.Sum(ch => ch >= 0x1100 ? size : size * 0.62);

    // Wide enough for the widest text between two neighbouring columns: edge labels, and the names of inputs
    // that stand in the right-hand column.
    private double NeededGap(int gap)
    {
        double labels = Drawing.Edges.Where(e => _grid.Column(e.From) == gap && _grid.Column(e.To) == gap + 1)
            .SelectMany(e => new[] { e.Forward, e.Backward }).OfType<GraphDrawing.Label>()
            .Select(l => TextWidth(l.Text, LabelSize) + 2 * Radius + 16).DefaultIfEmpty(0).Max();
        double names = Drawing.Nodes.Where(n => n.IsInput && _grid.Column(n) == gap + 1)
            .Select(n => TextWidth(n.Label, NameSize) + Radius + 16).DefaultIfEmpty(0).Max();
        return Math.Max(MinColumn, Math.Max(labels, names));
    }

    // Returns where each column stands, in the figure's final coordinates.
    private double[] Place(double[] gaps, double rowHeight)
    {
        double[] columnX = new double[_grid.Columns];
        for (int c = 1; c < columnX.Length; c++)
        {
            columnX[c] = columnX[c - 1] + gaps[c - 1];
        }

        foreach (DrawnNode node in Drawing.Nodes)
        {
            _at[node] = (columnX[_grid.Column(node)], _grid.Row(node) * rowHeight);
        }

        double outLength = Math.Max(90, Drawing.Outputs.SelectMany(o => new[] { o.Forward, o.Backward })
            .OfType<GraphDrawing.Label>().Select(l => TextWidth(l.Text, LabelSize) + 24).DefaultIfEmpty(0).Max());
        var names = Drawing.Outputs.Select(o => TextBox.Start("output-name", o.From.Label, _at[o.From].X + Radius + outLength + 8, _at[o.From].Y, NameSize)).ToList();
        var boxes = Drawing.Nodes.SelectMany(NodeBoxes).Concat(names).ToList();

        var outputs = new List<EdgeShape>();
        foreach (var output in Drawing.Outputs)
        {
            var (x, y) = _at[output.From];
            outputs.Add(EdgeShape.Between((x, y), (x + Radius + outLength, y), Radius, 0, 0, output.Forward, output.Backward));
        }

        // Short edges choose first; each edge's texts go to the first spot along it that is still free.
        boxes.AddRange(outputs.SelectMany(s => s.Boxes()));
        var placed = new List<EdgeShape>(outputs);
        var edges = new Dictionary<GraphDrawing.Edge, EdgeShape>();
        foreach (var bundle in Drawing.Edges.GroupBy(e => (e.From, e.To)).OrderBy(b => _grid.Column(b.Key.To) - _grid.Column(b.Key.From)))
        {
            GraphDrawing.Edge[] parallel = bundle.ToArray();
            for (int k = 0; k < parallel.Length; k++)
            {
                GraphDrawing.Edge e = parallel[k];
                double bend = (k - (parallel.Length - 1) / 2.0) * 120;
                EdgeShape At(double along) => EdgeShape.Between(_at[e.From], _at[e.To], e.From.IsInput ? 4 : Radius, Radius, bend, e.Forward, e.Backward, along);
                EdgeShape shape = At(Spots[0]);
                int fewest = Conflicts(shape, boxes, placed);
                foreach (double spot in Spots.Skip(1).TakeWhile(_ => fewest > 0))
                {
                    EdgeShape candidate = At(spot);
                    int conflicts = Conflicts(candidate, boxes, placed);
                    (shape, fewest) = conflicts < fewest ? (candidate, conflicts) : (shape, fewest);
                }

                edges[e] = shape;
                placed.Add(shape);
                boxes.AddRange(shape.Boxes());
            }
        }

        var shapes = Drawing.Edges.Select(e => edges[e]).Concat(outputs).ToList();
        Names = NameBoxes(boxes, shapes).ToList();

        // Shift everything so the figure starts a margin from the top-left corner.
        double dx = Margin - boxes.Select(b => b.Left).DefaultIfEmpty(0).Min();
        double dy = Margin - boxes.Select(b => b.Top).DefaultIfEmpty(0).Min();
        foreach (DrawnNode node in Drawing.Nodes)
        {
            _at[node] = (_at[node].X + dx, _at[node].Y + dy);
        }

        Shapes = shapes.Select(s => s.Moved(dx, dy)).ToList();
        Boxes = boxes.Select(b => b.Moved(dx, dy)).ToList();
        OutputNames = names.Select(b => b.Moved(dx, dy)).ToList();
        Names = Names.Select(b => b.Moved(dx, dy)).ToList();
        Width = Boxes.Select(b => b.Right).DefaultIfEmpty(0).Max() + Margin;
        Height = Boxes.Select(b => b.Bottom).DefaultIfEmpty(0).Max() + Margin;
        return columnX.Select(x => x + dx).ToArray();
    }

    private IEnumerable<TextBox> NodeBoxes(DrawnNode node)
    {
        var (x, y) = _at[node];
        if (node.IsInput)
        {
            yield return TextBox.End("input", node.Label, x - 6, y, NameSize);
            yield break;
        }

        yield return new TextBox("node", node.Symbol, x - Radius, y - Radius, x + Radius, y + Radius);
        if (node.Constant is string constant)
        {
            yield return TextBox.Middle("constant", constant, x, y - Radius - 35, LabelSize);
            yield return new TextBox("stem", constant, x - 1, y - Radius - 26, x + 1, y - Radius);
        }

    }

    // A node's name goes below it, or, where an edge arrives from below, to the first free place around it.
    private IEnumerable<TextBox> NameBoxes(List<TextBox> boxes, List<EdgeShape> shapes)
    {
        foreach (DrawnNode node in Drawing.Nodes.Where(n => !n.IsInput && n.Name is not null && !Drawing.Outputs.Any(o => o.From == n)))
        {
            var (x, y) = _at[node];
            string name = node.Name!;
            TextBox[] spots =
            [
                TextBox.Middle("node-name", name, x, y + Radius + 14, 12),
                TextBox.Start("node-name", name, x + Radius * 0.75, y + Radius + 7, 12),
                TextBox.End("node-name", name, x - Radius * 0.75, y + Radius + 7, 12),
                TextBox.Middle("node-name", name, x, y - Radius - 11, 12),
                TextBox.Start("node-name", name, x + Radius * 0.75, y - Radius - 7, 12),
            ];
            TextBox chosen = spots.FirstOrDefault(b => !boxes.Any(b.Overlaps) && !shapes.Any(s => s.Crosses(b))) ?? spots[0];
            boxes.Add(chosen);
            yield return chosen;
        }
    }
}
