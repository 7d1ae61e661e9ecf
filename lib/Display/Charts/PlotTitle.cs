namespace Backprop;

/// <summary>A plotly.js title object: { "text": ... }.</summary>
public sealed record PlotTitle(string Text);
