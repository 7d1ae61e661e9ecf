using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;

namespace Backprop.Display;

/// <summary>Draws a traced graph like the book's figures: forward values above each edge, gradients below in red.</summary>
internal static class GraphSvg
{
    private const double Radius = 21;
    private const double LabelSize = 13;
    private const double BackwardGap = 7;

    public static string Render(ComputationalGraph graph) =>
        $"<div style=\"max-width:100%;overflow-x:auto\">{RenderSvg(graph)}</div>";

    public static string RenderSvg(ComputationalGraph graph)
    {
        var layout = new GraphLayout(graph);
        var backwardNodes = graph.Output is null
            ? new HashSet<GraphNode>()
            : ComputationalGraph.TopologicalOrder(graph.Output).ToHashSet();

        double left = 24 + graph.Nodes.Where(n => n.Op == GraphOp.Input && layout.Column(n) == 0)
            .Select(n => TextWidth(n.Label, 14)).DefaultIfEmpty(0).Max();
        bool parallel = graph.Edges.GroupBy(e => (e.From, e.To)).Any(g => g.Count() > 1);
        double top = graph.Nodes.Any(n => n.Constant is not null) ? 76 : parallel ? 72 : 44;
        double X(GraphNode n) => left + layout.Column(n) * GraphLayout.ColumnWidth;
        double Y(GraphNode n) => top + layout.Row(n) * GraphLayout.RowHeight;

        double outLength = GraphLayout.ColumnWidth * 0.72;
        double right = layout.Roots.Select(r => X(r) + outLength + 8 + TextWidth(r.Label, 14))
            .DefaultIfEmpty(left).Max() + 16;
        double width = Math.Max(right, left + (layout.Columns - 1) * GraphLayout.ColumnWidth + Radius + 16);
        double height = top + (layout.Rows - 1) * GraphLayout.RowHeight + (parallel ? 80 : 52);

        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-graph\" viewBox=\"0 0 {Html.Px(width)} {Html.Px(height)}\" ");
        svg.Append(CultureInfo.InvariantCulture,
            $"width=\"{Html.Px(width)}\" height=\"{Html.Px(height)}\" font-family=\"{Html.FontStack}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"paper\" width=\"100%\" height=\"100%\" fill=\"{Html.Paper}\" rx=\"6\"/>");

        foreach (var group in graph.Edges.GroupBy(e => (e.From, e.To)))
        {
            GraphEdge[] bundle = group.ToArray();
            for (int k = 0; k < bundle.Length; k++)
            {
                double bend = (k - (bundle.Length - 1) / 2.0) * 120;
                GraphEdge edge = bundle[k];
                double fromRadius = edge.From.Op == GraphOp.Input ? 4 : Radius;
                bool backward = backwardNodes.Contains(edge.To);
                // data-edge / data-out / data-node: the stepper (GraphStepper) finds each part of the figure by them.
                svg.Append(CultureInfo.InvariantCulture, $"<g data-edge=\"{edge.To.Id}:{edge.InputIndex}\">");
                Arrow(svg, (X(edge.From), Y(edge.From)), (X(edge.To), Y(edge.To)), fromRadius, Radius, bend,
                    edge.Value, backward ? edge.Grad : null);
                svg.Append("</g>");
            }
        }

        foreach (GraphNode root in layout.Roots)
        {
            bool backward = root == graph.Output;
            svg.Append(CultureInfo.InvariantCulture, $"<g data-out=\"{root.Id}\">");
            Arrow(svg, (X(root), Y(root)), (X(root) + outLength, Y(root)), Radius, 0, 0, root.Value,
                backward ? root.Grad : null);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"output-name\" x=\"{Html.Px(X(root) + outLength + 8)}\" y=\"{Html.Px(Y(root) + 5)}\" font-size=\"14\" fill=\"{Html.Ink}\">{Html.Escape(root.Label)}</text>");
            svg.Append("</g>");
        }

        foreach (GraphNode node in graph.Nodes)
        {
            svg.Append(CultureInfo.InvariantCulture, $"<g data-node=\"{node.Id}\">");
            Node(svg, node, X(node), Y(node), layout.Roots.Contains(node));
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Node(StringBuilder svg, GraphNode node, double x, double y, bool isRoot)
    {
        string tip = Html.Escape($"{node.Label} = {Html.Full(node.Value)}");
        if (node.Op == GraphOp.Input)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"node input\"><title>{tip}</title><text x=\"{Html.Px(x - 6)}\" y=\"{Html.Px(y + 5)}\" text-anchor=\"end\" font-size=\"14\" fill=\"{Html.Ink}\">{Html.Escape(node.Label)}</text></g>");
            return;
        }

        svg.Append("<g class=\"node op\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{tip}</title>");
        if (node.Constant is double c)
        {
            // The fixed operand enters from above, as in Figure 5-19.
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Html.Px(x)}\" y1=\"{Html.Px(y - Radius - 26)}\" x2=\"{Html.Px(x)}\" y2=\"{Html.Px(y - Radius)}\" stroke=\"{Html.Ink}\" stroke-width=\"1.4\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"constant\" x=\"{Html.Px(x)}\" y=\"{Html.Px(y - Radius - 31)}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"{Html.Ink}\">{Html.Escape(Html.Compact(c))}</text>");
        }

        double symbolSize = node.Symbol.Length > 1 ? 14 : 19;
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{Html.Px(x)}\" cy=\"{Html.Px(y)}\" r=\"{Html.Px(Radius)}\" fill=\"{Html.Paper}\" stroke=\"{Html.Ink}\" stroke-width=\"1.6\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"symbol\" x=\"{Html.Px(x)}\" y=\"{Html.Px(y + symbolSize * 0.35)}\" text-anchor=\"middle\" font-size=\"{Html.Px(symbolSize)}\" fill=\"{Html.Ink}\">{Html.Escape(node.Symbol)}</text>");
        if (node.Name is not null && !isRoot)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"node-name\" x=\"{Html.Px(x)}\" y=\"{Html.Px(y + Radius + 15)}\" text-anchor=\"middle\" font-size=\"12\" font-style=\"italic\" fill=\"{Html.Muted}\">{Html.Escape(node.Name)}</text>");
        }

        svg.Append("</g>");
    }

    // One edge: the forward line with its value above; when a gradient is known, a red line back with the gradient below.
    private static void Arrow(StringBuilder svg, (double X, double Y) from, (double X, double Y) to,
        double fromRadius, double toRadius, double bend, double value, double? grad)
    {
        var mid = ((from.X + to.X) / 2, (from.Y + to.Y) / 2);
        var (dx, dy) = Unit(to.X - from.X, to.Y - from.Y);
        var control = (X: mid.Item1 - dy * bend, Y: mid.Item2 + dx * bend);
        var (sx, sy) = Unit(control.X - from.X, control.Y - from.Y);
        var (ex, ey) = Unit(to.X - control.X, to.Y - control.Y);
        var p1 = (X: from.X + sx * fromRadius, Y: from.Y + sy * fromRadius);
        var p2 = (X: to.X - ex * (toRadius + 1), Y: to.Y - ey * (toRadius + 1));
        // Normal pointing to the lower side of the edge: gradients live there.
        var (nx, ny) = (-dy, dx);

        svg.Append("<g class=\"edge\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<path class=\"forward\" d=\"{Curve(p1, control, p2, 0, 0)}\" fill=\"none\" stroke=\"{Html.Ink}\" stroke-width=\"1.4\"/>");
        Head(svg, p2, (ex, ey), Html.Ink);

        var labelAt = (X: 0.25 * p1.X + 0.5 * control.X + 0.25 * p2.X, Y: 0.25 * p1.Y + 0.5 * control.Y + 0.25 * p2.Y);
        Label(svg, "fwd", labelAt, (-nx, -ny), 4, value, Html.Ink);

        if (grad is double g)
        {
            double ox = nx * BackwardGap, oy = ny * BackwardGap;
            var back1 = (X: p2.X - ex * 6, Y: p2.Y - ey * 6);
            var back2 = (X: p1.X + sx * 6, Y: p1.Y + sy * 6);
            svg.Append("<g class=\"gradient\">");
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"backward\" d=\"{Curve(back1, control, back2, ox, oy)}\" fill=\"none\" stroke=\"{Html.Backward}\" stroke-width=\"1.4\"/>");
            Head(svg, (back2.X + ox, back2.Y + oy), (-sx, -sy), Html.Backward);
            Label(svg, "bwd", labelAt, (nx, ny), BackwardGap + 4, g, Html.Backward);
            svg.Append("</g>");
        }

        svg.Append("</g>");
    }

    private static void Label(StringBuilder svg, string cssClass, (double X, double Y) at, (double X, double Y) side,
        double gap, double value, string color)
    {
        string text = Html.Compact(value);
        double w = TextWidth(text, LabelSize), h = LabelSize;
        // Far enough along the normal that the text box clears the line whatever the edge's slope.
        double k = gap + Math.Abs(side.X) * w / 2 + Math.Abs(side.Y) * h / 2;
        double cx = at.X + side.X * k, cy = at.Y + side.Y * k;
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"{cssClass}\" x=\"{Html.Px(cx)}\" y=\"{Html.Px(cy + h * 0.36)}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"{color}\"><title>{Html.Full(value)}</title>{Html.Escape(text)}</text>");
    }

    private static void Head(StringBuilder svg, (double X, double Y) tip, (double X, double Y) d, string color)
    {
        double bx = tip.X - d.X * 9, by = tip.Y - d.Y * 9;
        svg.Append(CultureInfo.InvariantCulture,
            $"<path d=\"M{Html.Px(tip.X)},{Html.Px(tip.Y)} L{Html.Px(bx - d.Y * 4)},{Html.Px(by + d.X * 4)} L{Html.Px(bx + d.Y * 4)},{Html.Px(by - d.X * 4)} Z\" fill=\"{color}\"/>");
    }

    private static string Curve((double X, double Y) a, (double X, double Y) c, (double X, double Y) b, double ox, double oy) =>
        $"M{Html.Px(a.X + ox)},{Html.Px(a.Y + oy)} Q{Html.Px(c.X + ox)},{Html.Px(c.Y + oy)} {Html.Px(b.X + ox)},{Html.Px(b.Y + oy)}";

    private static (double X, double Y) Unit(double x, double y)
    {
        double length = Math.Sqrt(x * x + y * y);
        return length == 0 ? (1, 0) : (x / length, y / length);
    }

    /// <summary>Rough text width for layout: CJK glyphs are square, Latin ones a bit over half the size.</summary>
    internal static double TextWidth(string text, double size) =>
        text.Sum(ch => ch >= 0x1100 ? size : size * 0.58);
}
