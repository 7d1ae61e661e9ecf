namespace Backprop;

/// <summary>plotly.js margins in pixels: l, r, t, b.</summary>
public sealed record PlotMargin(double L, double R, double T, double B);
