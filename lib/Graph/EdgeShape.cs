using System;
using System.Collections.Generic;
using System.Linq;
using Label = Backprop.Display.GraphDrawing.Label;

namespace Backprop.Display;

/// <summary>
/// One arrow of a graph figure: a quadratic curve from <paramref name="Start"/> to <paramref name="End"/>, its
/// forward text above it and, once Backward ran, the red return line with its gradient below (Figure 5-14).
/// </summary>
internal sealed record EdgeShape((double X, double Y) Start, (double X, double Y) Control, (double X, double Y) End,
    (double X, double Y) Normal, Label Forward, (double X, double Y) ForwardAt, Label? Backward, (double X, double Y) BackwardAt)
{
    /// <summary>
    /// The curve between two node centres, leaving a circle of the given radius at each end, with its texts at
    /// fraction <paramref name="along"/> of the way (the middle unless that spot is taken).
    /// </summary>
    public static EdgeShape Between((double X, double Y) from, (double X, double Y) to, double fromRadius, double toRadius,
        double bend, Label forward, Label? backward, double along = 0.5)
    {
        var (dx, dy) = Unit(to.X - from.X, to.Y - from.Y);
        var control = ((from.X + to.X) / 2 - dy * bend, (from.Y + to.Y) / 2 + dx * bend);
        var (sx, sy) = Unit(control.Item1 - from.X, control.Item2 - from.Y);
        var (ex, ey) = Unit(to.X - control.Item1, to.Y - control.Item2);
        var start = (from.X + sx * fromRadius, from.Y + sy * fromRadius);
        var end = (to.X - ex * (toRadius + 1), to.Y - ey * (toRadius + 1));
        // The normal points to the lower side of the edge: gradients live there.
        var normal = (-dy, dx);
        double a = (1 - along) * (1 - along), b = 2 * along * (1 - along), c = along * along;
        var mid = (a * start.Item1 + b * control.Item1 + c * end.Item1, a * start.Item2 + b * control.Item2 + c * end.Item2);
        var up = (-normal.Item1, -normal.Item2);
        var shape = new EdgeShape(start, control, end, normal, forward, Away(mid, up, 4, forward.Text), backward,
            Away(mid, normal, BackwardOffset + 4, backward?.Text ?? ""));
        return shape.WithPoints(Sample(shape));
    }

    /// <summary>How far the red return line runs beside the forward one.</summary>
    public const double BackwardOffset = GraphLayout.BackwardGap;

    public (double X, double Y) StartDirection => Unit(Control.X - Start.X, Control.Y - Start.Y);

    public (double X, double Y) EndDirection => Unit(End.X - Control.X, End.Y - Control.Y);

    public IEnumerable<TextBox> Boxes()
    {
        yield return TextBox.Middle("fwd", Forward.Text, ForwardAt.X, ForwardAt.Y, GraphLayout.LabelSize);
        if (Backward is not null)
        {
            yield return TextBox.Middle("bwd", Backward.Text, BackwardAt.X, BackwardAt.Y, GraphLayout.LabelSize);
        }
    }

    /// <summary>Points along the forward line and the red return line: what no other text may sit on.</summary>
    public IReadOnlyList<(double X, double Y)> Points { get; private init; } = [];

    /// <summary>Whether one of the lines runs through the box (a quick test on the lines' bounds first).</summary>
    public bool Crosses(TextBox box) =>
        box.Left < Bounds.Right && box.Right > Bounds.Left && box.Top < Bounds.Bottom && box.Bottom > Bounds.Top && Points.Any(box.Covers);

    private (double Left, double Top, double Right, double Bottom) Bounds { get; init; }

    private EdgeShape WithPoints((double X, double Y)[] points) => this with
    {
        Points = points,
        Bounds = (points.Min(p => p.X), points.Min(p => p.Y), points.Max(p => p.X), points.Max(p => p.Y)),
    };

    private static (double X, double Y)[] Sample(EdgeShape e)
    {
        double ox = e.Backward is null ? 0 : e.Normal.X * BackwardOffset, oy = e.Backward is null ? 0 : e.Normal.Y * BackwardOffset;
        var points = new List<(double X, double Y)>();
        for (int i = 1; i < 24; i++)
        {
            double t = i / 24.0, a = (1 - t) * (1 - t), b = 2 * t * (1 - t), c = t * t;
            double x = a * e.Start.X + b * e.Control.X + c * e.End.X, y = a * e.Start.Y + b * e.Control.Y + c * e.End.Y;
            points.Add((x, y));
            points.Add((x + ox, y + oy));
        }

        return points.ToArray();
    }

    public EdgeShape Moved(double dx, double dy) => (this with
    {
        Start = (Start.X + dx, Start.Y + dy),
        Control = (Control.X + dx, Control.Y + dy),
        End = (End.X + dx, End.Y + dy),
        ForwardAt = (ForwardAt.X + dx, ForwardAt.Y + dy),
        BackwardAt = (BackwardAt.X + dx, BackwardAt.Y + dy),
    }).WithPoints(Points.Select(p => (p.X + dx, p.Y + dy)).ToArray());

    public static (double X, double Y) Unit(double x, double y)
    {
        double length = Math.Sqrt(x * x + y * y);
        return length == 0 ? (1, 0) : (x / length, y / length);
    }

    // Far enough along the side that the text's box clears the line whatever the edge's slope.
    private static (double X, double Y) Away((double X, double Y) at, (double X, double Y) side, double gap, string text)
    {
        double k = gap + TextBox.Reach(side, text, GraphLayout.LabelSize);
        return (at.X + side.X * k, at.Y + side.Y * k);
    }
}
