using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Serialization;
using Backprop.Display;

namespace Backprop;

/// <summary>
/// A plotly.js figure (traces + layout) that renders itself in notebooks; build one with <see cref="Chart"/>.
/// Every method returns a new figure, so a chart kept in a variable never changes behind the reader's back.
/// </summary>
[TypeFormatterSource(typeof(FigureFormatterSource), PreferredMimeTypes = ["text/html", "image/svg+xml", "text/plain"])]
public sealed record Figure : IHtmlDisplay
{
    /// <summary>The plotly.js version the figure JSON is written for; the kit ships this one (no CDN).</summary>
    public const string PlotlyVersion = "2.28.0";

    private static readonly JsonSerializerOptions JsonOptions = new()
    {
        PropertyNamingPolicy = JsonNamingPolicy.CamelCase,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
        NumberHandling = JsonNumberHandling.AllowNamedFloatingPointLiterals,
    };

    public IReadOnlyList<Trace> Data { get; init; } = [];

    public FigureLayout Layout { get; init; } = new();

    /// <summary>Overlays the traces of <paramref name="other"/> on this figure (a function and its derivative).</summary>
    public Figure And(Figure other) => this with { Data = Data.Concat(other.Data).ToArray() };

    public Figure And(Trace trace) => this with { Data = Data.Append(trace).ToArray() };

    public Figure WithTitle(string title) => this with { Layout = Layout with { Title = new PlotTitle(title) } };

    public Figure WithAxisTitles(string? x, string? y) => this with
    {
        Layout = Layout with
        {
            XAxis = (Layout.XAxis ?? new Axis()) with { Title = x is null ? null : new PlotTitle(x) },
            YAxis = (Layout.YAxis ?? new Axis()) with { Title = y is null ? null : new PlotTitle(y) },
        },
    };

    public Figure WithYRange(double min, double max) => this with
    {
        Layout = Layout with { YAxis = (Layout.YAxis ?? new Axis()) with { Range = [min, max] } },
    };

    public Figure WithSize(double? width, double height) => this with { Layout = Layout with { Width = width, Height = height } };

    /// <summary>plotly.js JSON: { "data": [...], "layout": {...} }, camelCase, nulls left out.</summary>
    public string ToJson() => JsonSerializer.Serialize(new { data = Data, layout = EffectiveLayout() }, JsonOptions);

    /// <summary>
    /// The static picture, replaced by the interactive chart where the page has plotly.js: works offline in every
    /// front end (Verso, VS Code, JupyterLab, a browser), showing the picture where no plotly.js is loaded.
    /// </summary>
    public string ToHtml() => PlotlyHtml.Render(ToJson(), ToSvg(), EffectiveLayout().Height ?? 380, Layout.Width);

    /// <summary>The chart as a static SVG picture: what GitHub, nbviewer, nbconvert and print show.</summary>
    public string ToSvg() => ChartSvg.Render(Data, EffectiveLayout());

    public override string ToString() =>
        $"Figure{(Layout.Title is null ? "" : $" \"{Layout.Title.Text}\"")}: " +
        string.Join(", ", Data.Select(t => $"{t.Type} {t.Name ?? ""}".Trim() + $" ({Count(t)} points)"));

    private static int Count(Trace t) => t.Y?.Count ?? t.Z?.Sum(row => row.Count) ?? 0;

    // The title starts at the plot's left edge: centred, a long one runs under plotly's toolbar (top right).
    private FigureLayout EffectiveLayout() => Layout with
    {
        Title = Layout.Title is { } title ? title with { X = title.X ?? 0, XRef = title.XRef ?? "paper", XAnchor = title.XAnchor ?? "left" } : null,
        Font = Layout.Font ?? new PlotFont(Html.FontStack, 13, Html.Ink),
        Margin = Layout.Margin ?? new PlotMargin(64, 24, Layout.Title is null ? 24 : 56, 56),
        Height = Layout.Height ?? 380,
    };
}
