using System.Globalization;
using System.Linq;
using System.Text;

namespace Backprop.Display;

/// <summary>Draws a graph figure like the book's: forward values above each edge, gradients below in red.</summary>
internal static class GraphSvg
{
    private const double Radius = GraphLayout.Radius;
    private const double LabelSize = GraphLayout.LabelSize;

    public static string Render(ComputationalGraph graph) => Render(GraphDrawing.Of(graph));

    public static string RenderSvg(ComputationalGraph graph) => RenderSvg(GraphDrawing.Of(graph));

    // A figure wider than its column shrinks to fit (text and all) rather than being cut off or scrolled away.
    public static string Render(GraphDrawing drawing) =>
        $"<div class=\"bp-graph-frame\" style=\"max-width:100%\">{RenderSvg(drawing)}</div>";

    public static string RenderSvg(GraphDrawing drawing)
    {
        var layout = new GraphLayout(drawing);
        string width = Html.Px(layout.Width), height = Html.Px(layout.Height);
        var svg = new StringBuilder();
        svg.Append(CultureInfo.InvariantCulture,
            $"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-graph\" viewBox=\"0 0 {width} {height}\" ");
        svg.Append(CultureInfo.InvariantCulture,
            $"width=\"{width}\" height=\"{height}\" style=\"max-width:100%;height:auto\" font-family=\"{Html.FontStack}\" role=\"img\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<rect class=\"paper\" width=\"100%\" height=\"100%\" fill=\"{Html.Paper}\" rx=\"6\"/>");

        // data-edge / data-out / data-node: the stepper (GraphStepper) finds each part of the figure by them.
        // The layout lists the edges' shapes first, in the drawing's order, then the outputs'.
        for (int i = 0; i < drawing.Edges.Count; i++)
        {
            GraphDrawing.Edge edge = drawing.Edges[i];
            svg.Append(CultureInfo.InvariantCulture, $"<g data-edge=\"{edge.To.Id}:{edge.InputIndex}\">");
            Arrow(svg, layout.Shapes[i]);
            svg.Append("</g>");
        }

        for (int j = 0; j < drawing.Outputs.Count; j++)
        {
            TextBox name = layout.OutputNames[j];
            svg.Append(CultureInfo.InvariantCulture, $"<g data-out=\"{drawing.Outputs[j].From.Id}\">");
            Arrow(svg, layout.Shapes[drawing.Edges.Count + j]);
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"output-name\" x=\"{Html.Px(name.Left)}\" y=\"{Html.Px(TextBox.Baseline(name.CenterY, GraphLayout.NameSize))}\" font-size=\"{GraphLayout.NameSize}\" fill=\"{Html.Ink}\">{Html.Escape(name.Text)}</text>");
            svg.Append("</g>");
        }

        var names = layout.Names.ToList();
        foreach (GraphDrawing.Node node in drawing.Nodes)
        {
            var (x, y) = layout.Position(node);
            TextBox? name = node.IsInput || node.Name is null || drawing.Outputs.Any(o => o.From == node) ? null : names[0];
            if (name is not null)
            {
                names.RemoveAt(0);
            }

            svg.Append(CultureInfo.InvariantCulture, $"<g data-node=\"{node.Id}\">");
            Node(svg, node, x, y, name);
            svg.Append("</g>");
        }

        svg.Append("</svg>");
        return svg.ToString();
    }

    private static void Node(StringBuilder svg, GraphDrawing.Node node, double x, double y, TextBox? name)
    {
        string tip = Html.Escape(node.Tip);
        if (node.IsInput)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<g class=\"node input\"><title>{tip}</title><text x=\"{Html.Px(x - 6)}\" y=\"{Html.Px(TextBox.Baseline(y, GraphLayout.NameSize))}\" text-anchor=\"end\" font-size=\"{GraphLayout.NameSize}\" fill=\"{Html.Ink}\">{Html.Escape(node.Label)}</text></g>");
            return;
        }

        svg.Append("<g class=\"node op\">");
        svg.Append(CultureInfo.InvariantCulture, $"<title>{tip}</title>");
        if (node.Constant is string constant)
        {
            // The fixed operand enters from above, as in Figure 5-19.
            svg.Append(CultureInfo.InvariantCulture,
                $"<line x1=\"{Html.Px(x)}\" y1=\"{Html.Px(y - Radius - 26)}\" x2=\"{Html.Px(x)}\" y2=\"{Html.Px(y - Radius)}\" stroke=\"{Html.Ink}\" stroke-width=\"1.4\"/>");
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"constant\" x=\"{Html.Px(x)}\" y=\"{Html.Px(TextBox.Baseline(y - Radius - 35, LabelSize))}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"{Html.Ink}\">{Html.Escape(constant)}</text>");
        }

        double symbolSize = node.Symbol.Length > 1 ? 14 : 19;
        svg.Append(CultureInfo.InvariantCulture,
            $"<circle cx=\"{Html.Px(x)}\" cy=\"{Html.Px(y)}\" r=\"{Html.Px(Radius)}\" fill=\"{Html.Paper}\" stroke=\"{Html.Ink}\" stroke-width=\"1.6\"/>");
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"symbol\" x=\"{Html.Px(x)}\" y=\"{Html.Px(y + symbolSize * 0.35)}\" text-anchor=\"middle\" font-size=\"{Html.Px(symbolSize)}\" fill=\"{Html.Ink}\">{Html.Escape(node.Symbol)}</text>");
        if (name is not null)
        {
            svg.Append(CultureInfo.InvariantCulture,
                $"<text class=\"node-name\" x=\"{Html.Px(name.Left)}\" y=\"{Html.Px(TextBox.Baseline(name.CenterY, 12))}\" font-size=\"12\" font-style=\"italic\" fill=\"{Html.Muted}\">{Html.Escape(name.Text)}</text>");
        }

        svg.Append("</g>");
    }

    // One edge: the forward line with its text above; when a gradient is known, a red line back with it below.
    private static void Arrow(StringBuilder svg, EdgeShape e)
    {
        svg.Append("<g class=\"edge\">");
        svg.Append(CultureInfo.InvariantCulture,
            $"<path class=\"forward\" d=\"{Curve(e.Start, e.Control, e.End, 0, 0)}\" fill=\"none\" stroke=\"{Html.Ink}\" stroke-width=\"1.4\"/>");
        Head(svg, e.End, e.EndDirection, Html.Ink);
        Label(svg, "fwd", e.ForwardAt, e.Forward, Html.Ink);

        if (e.Backward is GraphDrawing.Label grad)
        {
            var (sx, sy) = e.StartDirection;
            var (ex, ey) = e.EndDirection;
            double ox = e.Normal.X * EdgeShape.BackwardOffset, oy = e.Normal.Y * EdgeShape.BackwardOffset;
            var back1 = (X: e.End.X - ex * 6, Y: e.End.Y - ey * 6);
            var back2 = (X: e.Start.X + sx * 6, Y: e.Start.Y + sy * 6);
            svg.Append("<g class=\"gradient\">");
            svg.Append(CultureInfo.InvariantCulture,
                $"<path class=\"backward\" d=\"{Curve(back1, e.Control, back2, ox, oy)}\" fill=\"none\" stroke=\"{Html.Backward}\" stroke-width=\"1.4\"/>");
            Head(svg, (back2.X + ox, back2.Y + oy), (-sx, -sy), Html.Backward);
            Label(svg, "bwd", e.BackwardAt, grad, Html.Backward);
            svg.Append("</g>");
        }

        svg.Append("</g>");
    }

    private static void Label(StringBuilder svg, string cssClass, (double X, double Y) at, GraphDrawing.Label label, string color) =>
        svg.Append(CultureInfo.InvariantCulture,
            $"<text class=\"{cssClass}\" x=\"{Html.Px(at.X)}\" y=\"{Html.Px(TextBox.Baseline(at.Y, LabelSize))}\" text-anchor=\"middle\" font-size=\"{LabelSize}\" fill=\"{color}\"><title>{Html.Escape(label.Tip)}</title>{Html.Escape(label.Text)}</text>");

    private static void Head(StringBuilder svg, (double X, double Y) tip, (double X, double Y) d, string color)
    {
        double bx = tip.X - d.X * 9, by = tip.Y - d.Y * 9;
        svg.Append(CultureInfo.InvariantCulture,
            $"<path d=\"M{Html.Px(tip.X)},{Html.Px(tip.Y)} L{Html.Px(bx - d.Y * 4)},{Html.Px(by + d.X * 4)} L{Html.Px(bx + d.Y * 4)},{Html.Px(by - d.X * 4)} Z\" fill=\"{color}\"/>");
    }

    private static string Curve((double X, double Y) a, (double X, double Y) c, (double X, double Y) b, double ox, double oy) =>
        $"M{Html.Px(a.X + ox)},{Html.Px(a.Y + oy)} Q{Html.Px(c.X + ox)},{Html.Px(c.Y + oy)} {Html.Px(b.X + ox)},{Html.Px(b.Y + oy)}";
}
