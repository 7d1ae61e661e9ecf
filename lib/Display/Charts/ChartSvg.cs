using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Backprop.Display;

/// <summary>
/// A figure drawn as a static SVG picture (title, legend, axes with titles, lines, bars, heatmaps): what front ends
/// that run no script show (GitHub, nbviewer, nbconvert, Verso offline, a printed page), and what a chart shows
/// before plotly.js takes over.
/// </summary>
internal static class ChartSvg
{
    public const double DefaultWidth = 720;
    private const double LegendRow = 20;

    public static string Render(IReadOnlyList<Trace> data, FigureLayout layout)
    {
        double width = layout.Width ?? DefaultWidth, height = layout.Height ?? 380;
        PlotMargin margin = layout.Margin ?? new PlotMargin(64, 24, 24, 56);
        var legend = data.Any(t => t.ShowScale is not null || t.Type == "heatmap") || layout.ShowLegend == false
            ? []
            : data.Select((t, i) => (Name: t.Name, Color: TraceSvg.Color(t, i), Trace: t)).Where(e => e.Name is not null).ToList();
        bool showLegend = layout.ShowLegend == true ? legend.Count > 0 : legend.Count > 1;
        var rows = showLegend ? LegendRows(legend.Select(e => e.Name!).ToList(), width - margin.L - margin.R) : [];
        double top = margin.T + (rows.Count > 0 ? rows.Count * LegendRow + 6 : 0), left = margin.L, right = width - margin.R, bottom = height - margin.B;

        var (x, y) = Scales(data, layout, ref left, ref right, ref top, ref bottom);
        var svg = new StringBuilder();
        svg.Append($"<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"bp-chart-svg\" viewBox=\"0 0 {Html.Px(width)} {Html.Px(height)}\" ")
            .Append($"width=\"{Html.Px(width)}\" height=\"{Html.Px(height)}\" role=\"img\" style=\"max-width:100%;height:auto;background:{Html.Paper}\" ")
            .Append($"font-family=\"{Html.Escape(Html.FontStack)}\" font-size=\"12\" fill=\"{Html.Ink}\">");
        svg.Append($"<rect width=\"{Html.Px(width)}\" height=\"{Html.Px(height)}\" fill=\"{Html.Paper}\"/>");
        if (layout.Title is { } title)
        {
            svg.Append($"<title>{Html.Escape(title.Text)}</title>");
            svg.Append($"<text x=\"{Html.Px(margin.L)}\" y=\"{Html.Px(Math.Max(18, margin.T - 26))}\" font-size=\"16\">{Html.Escape(title.Text)}</text>");
        }

        AxisSvg.Draw(svg, x, layout.XAxis, horizontal: true, left, right, top, bottom);
        AxisSvg.Draw(svg, y, layout.YAxis, horizontal: false, left, right, top, bottom);
        // Named by its geometry: two pictures on one page that share the name also share the rectangle.
        string clip = $"bp-clip-{(int)left}-{(int)top}-{(int)right}-{(int)bottom}";
        svg.Append($"<clipPath id=\"{clip}\"><rect x=\"{Html.Px(left)}\" y=\"{Html.Px(top)}\" width=\"{Html.Px(right - left)}\" height=\"{Html.Px(bottom - top)}\"/></clipPath>");
        svg.Append($"<g clip-path=\"url(#{clip})\">");
        TraceSvg.Draw(svg, data, x, y, layout.BarMode);
        svg.Append("</g>");
        for (int r = 0; r < rows.Count; r++)
        {
            double cursor = margin.L, baseline = margin.T + r * LegendRow + 10;
            foreach (int i in rows[r])
            {
                var (name, color, trace) = legend[i];
                TraceSvg.Swatch(svg, trace, color, cursor, baseline - 4);
                svg.Append($"<text x=\"{Html.Px(cursor + 26)}\" y=\"{Html.Px(baseline)}\">{Html.Escape(name)}</text>");
                cursor += LegendWidth(name!);
            }
        }

        return svg.Append("</svg>").ToString();
    }

    private static (AxisScale X, AxisScale Y) Scales(IReadOnlyList<Trace> data, FigureLayout layout, ref double left, ref double right, ref double top, ref double bottom)
    {
        if (data.FirstOrDefault(t => t.Type == "heatmap" && t.Z is { Count: > 0 }) is { } map)
        {
            int rows = map.Z!.Count, columns = map.Z.Max(r => r.Count);
            if (layout.YAxis?.ScaleAnchor == "x")
            {
                // Square cells, centred: an image keeps its aspect ratio.
                double cell = Math.Min((right - left) / columns, (bottom - top) / rows);
                double padX = (right - left - cell * columns) / 2, padY = (bottom - top - cell * rows) / 2;
                (left, right, top, bottom) = (left + padX, right - padX, top + padY, bottom - padY);
            }

            bool reversed = Equals(layout.YAxis?.AutoRange, "reversed");
            return (AxisScale.Numbers(-0.5, columns - 0.5, left, right), AxisScale.Numbers(-0.5, rows - 0.5, reversed ? top : bottom, reversed ? bottom : top));
        }

        var categories = data.SelectMany(t => t.X ?? []).OfType<string>().Distinct().ToList();
        var (x0, x1) = Extent(data.SelectMany(t => t.X ?? []).OfType<double>(), layout.XAxis?.Range, pad: 0, includeZero: false);
        AxisScale x = categories.Count > 0 ? AxisScale.Bands(categories, left, right) : AxisScale.Numbers(x0, x1, left, right, layout.XAxis?.DTick);
        bool bars = data.Any(t => t.Type == "bar");
        var (y0, y1) = Extent(data.SelectMany(t => t.Y ?? []), layout.YAxis?.Range, pad: 0.05, includeZero: bars);
        return (x, AxisScale.Numbers(y0, y1, bottom, top, layout.YAxis?.DTick));
    }

    private static (double Min, double Max) Extent(IEnumerable<double> values, IReadOnlyList<double>? range, double pad, bool includeZero)
    {
        if (range is { Count: 2 })
        {
            return (range[0], range[1]);
        }

        var finite = values.Where(double.IsFinite).ToList();
        if (includeZero)
        {
            finite.Add(0);
        }

        if (finite.Count == 0)
        {
            return (0, 1);
        }

        double min = finite.Min(), max = finite.Max(), span = max - min;
        return (min - span * pad, max + span * pad);
    }

    // Legend entries flow left to right and wrap, like a line of text.
    private static List<List<int>> LegendRows(List<string> names, double width)
    {
        var rows = new List<List<int>> { new() };
        double used = 0;
        for (int i = 0; i < names.Count; i++)
        {
            double w = LegendWidth(names[i]);
            if (used + w > width && rows[^1].Count > 0)
            {
                rows.Add(new());
                used = 0;
            }

            rows[^1].Add(i);
            used += w;
        }

        return rows;
    }

    private static double LegendWidth(string name) => 26 + 7.2 * name.Length + 18;
}
