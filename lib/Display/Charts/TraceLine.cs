namespace Backprop;

/// <summary>Line style of a trace; Dash is plotly's "solid", "dash", "dot".</summary>
public sealed record TraceLine(string? Color = null, double? Width = null, string? Dash = null);
