namespace Backprop;

/// <summary>plotly.js font: family and size.</summary>
public sealed record PlotFont(string? Family = null, double? Size = null, string? Color = null);
