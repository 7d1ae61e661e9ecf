using System.Text.Json.Serialization;

namespace Backprop;

/// <summary>A plotly.js title object: { "text": ... }, optionally placed (x, xref, xanchor) for a figure's title.</summary>
public sealed record PlotTitle(string Text)
{
    public double? X { get; init; }

    [JsonPropertyName("xref")]
    public string? XRef { get; init; }

    [JsonPropertyName("xanchor")]
    public string? XAnchor { get; init; }
}
