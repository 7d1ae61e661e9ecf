using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Backprop;

/// <summary>A plotly.js axis: title, range and the few options the lessons use.</summary>
public sealed record Axis
{
    public PlotTitle? Title { get; init; }

    /// <summary>"category" keeps class labels 0–9 as labels rather than numbers.</summary>
    public string? Type { get; init; }

    public IReadOnlyList<double>? Range { get; init; }

    /// <summary>"reversed" puts image row 0 at the top.</summary>
    [JsonPropertyName("autorange")]
    public object? AutoRange { get; init; }

    [JsonPropertyName("scaleanchor")]
    public string? ScaleAnchor { get; init; }

    [JsonPropertyName("zeroline")]
    public bool? ZeroLine { get; init; }

    [JsonPropertyName("gridcolor")]
    public string? GridColor { get; init; }

    [JsonPropertyName("showgrid")]
    public bool? ShowGrid { get; init; }

    [JsonPropertyName("showticklabels")]
    public bool? ShowTickLabels { get; init; }

    [JsonPropertyName("dtick")]
    public double? DTick { get; init; }
}
