namespace Backprop;

/// <summary>Marker style of a trace: colour and size of points or bars.</summary>
public sealed record TraceMarker(string? Color = null, double? Size = null);
