using System;

namespace Backprop.Display;

/// <summary>The rectangle a text (or a node's circle) takes on a graph figure, as a browser measures it.</summary>
internal sealed record TextBox(string Kind, string Text, double Left, double Top, double Right, double Bottom)
{
    // A browser's box of an SVG text spans the font's ascent and descent: about 1.2 em around the centre line.
    private const double HalfHeight = 0.6;

    public double CenterY => (Top + Bottom) / 2;

    public double Height => Bottom - Top;

    /// <summary>Where the text's baseline goes so that its box is centred on <paramref name="centerY"/>.</summary>
    public static double Baseline(double centerY, double size) => centerY + 0.36 * size;

    public static TextBox Middle(string kind, string text, double x, double centerY, double size)
    {
        double w = GraphLayout.TextWidth(text, size);
        return new(kind, text, x - w / 2, centerY - HalfHeight * size, x + w / 2, centerY + HalfHeight * size);
    }

    public static TextBox Start(string kind, string text, double x, double centerY, double size) =>
        new(kind, text, x, centerY - HalfHeight * size, x + GraphLayout.TextWidth(text, size), centerY + HalfHeight * size);

    public static TextBox End(string kind, string text, double x, double centerY, double size) =>
        new(kind, text, x - GraphLayout.TextWidth(text, size), centerY - HalfHeight * size, x, centerY + HalfHeight * size);

    /// <summary>Half the box's extent along a direction: how far a label must stand off a line it labels.</summary>
    public static double Reach((double X, double Y) side, string text, double size) =>
        Math.Abs(side.X) * GraphLayout.TextWidth(text, size) / 2 + Math.Abs(side.Y) * HalfHeight * size;

    public bool Overlaps(TextBox other) =>
        Left < other.Right - 0.5 && other.Left < Right - 0.5 && Top < other.Bottom - 0.5 && other.Top < Bottom - 0.5;

    public bool Covers((double X, double Y) point) =>
        point.X > Left + 0.5 && point.X < Right - 0.5 && point.Y > Top + 0.5 && point.Y < Bottom - 0.5;

    public TextBox Moved(double dx, double dy) => this with { Left = Left + dx, Right = Right + dx, Top = Top + dy, Bottom = Bottom + dy };
}
