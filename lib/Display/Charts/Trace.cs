using System.Collections.Generic;
using System.Text.Json.Serialization;

namespace Backprop;

/// <summary>One plotly.js trace (line, scatter, bar, heatmap): the data of a <see cref="Figure"/>.</summary>
public sealed record Trace
{
    public required string Type { get; init; }

    public string? Name { get; init; }

    public string? Mode { get; init; }

    /// <summary>Numbers or category names.</summary>
    public IReadOnlyList<object>? X { get; init; }

    public IReadOnlyList<double>? Y { get; init; }

    /// <summary>Heatmap cells, row by row.</summary>
    public IReadOnlyList<IReadOnlyList<double>>? Z { get; init; }

    public TraceMarker? Marker { get; init; }

    public TraceLine? Line { get; init; }

    [JsonPropertyName("colorscale")]
    public object? ColorScale { get; init; }

    [JsonPropertyName("reversescale")]
    public bool? ReverseScale { get; init; }

    [JsonPropertyName("showscale")]
    public bool? ShowScale { get; init; }

    [JsonPropertyName("zmin")]
    public double? ZMin { get; init; }

    [JsonPropertyName("zmax")]
    public double? ZMax { get; init; }

    [JsonPropertyName("hovertemplate")]
    public string? HoverTemplate { get; init; }
}
