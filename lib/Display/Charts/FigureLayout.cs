using System.Text.Json.Serialization;

namespace Backprop;

/// <summary>plotly.js layout of a <see cref="Figure"/>: titles, axes, bar grouping, size, colours.</summary>
public sealed record FigureLayout
{
    public PlotTitle? Title { get; init; }

    [JsonPropertyName("xaxis")]
    public Axis? XAxis { get; init; }

    [JsonPropertyName("yaxis")]
    public Axis? YAxis { get; init; }

    /// <summary>"group" puts bars of several traces side by side.</summary>
    [JsonPropertyName("barmode")]
    public string? BarMode { get; init; }

    [JsonPropertyName("showlegend")]
    public bool? ShowLegend { get; init; }

    public double? Width { get; init; }

    public double? Height { get; init; }

    public PlotMargin? Margin { get; init; }

    public PlotFont? Font { get; init; }

    // Explicit white so charts stay legible under dark notebook themes.
    [JsonPropertyName("paper_bgcolor")]
    public string? PaperColor { get; init; } = "#ffffff";

    [JsonPropertyName("plot_bgcolor")]
    public string? PlotColor { get; init; } = "#ffffff";
}
