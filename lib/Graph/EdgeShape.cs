using System;
using System.Collections.Generic;
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
        return new EdgeShape(start, control, end, normal, forward, Away(mid, up, 4, forward.Text), backward,
            Away(mid, normal, BackwardOffset + 4, backward?.Text ?? ""));
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
    public IEnumerable<(double X, double Y)> Points()
    {
        double ox = Backward is null ? 0 : Normal.X * BackwardOffset, oy = Backward is null ? 0 : Normal.Y * BackwardOffset;
        for (int i = 1; i < 24; i++)
        {
            double t = i / 24.0, a = (1 - t) * (1 - t), b = 2 * t * (1 - t), c = t * t;
            double x = a * Start.X + b * Control.X + c * End.X, y = a * Start.Y + b * Control.Y + c * End.Y;
            yield return (x, y);
            yield return (x + ox, y + oy);
        }
    }

    public EdgeShape Moved(double dx, double dy) => this with
    {
        Start = (Start.X + dx, Start.Y + dy),
        Control = (Control.X + dx, Control.Y + dy),
        End = (End.X + dx, End.Y + dy),
        ForwardAt = (ForwardAt.X + dx, ForwardAt.Y + dy),
        BackwardAt = (BackwardAt.X + dx, BackwardAt.Y + dy),
    };

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
