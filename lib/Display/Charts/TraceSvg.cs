using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;

namespace Backprop.Display;

/// <summary>The traces of the static chart picture: lines (broken where y is not a number), markers, grouped bars, heatmaps.</summary>
internal static class TraceSvg
{
    // plotly.js's default colour sequence, so the picture and the interactive chart agree.
    private static readonly string[] Colorway =
        ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22", "#17becf"];

    public static string Color(Trace trace, int index) => trace.Line?.Color ?? trace.Marker?.Color ?? Colorway[index % Colorway.Length];

    public static void Draw(StringBuilder svg, IReadOnlyList<Trace> data, AxisScale x, AxisScale y, string? barMode)
    {
        var bars = data.Where(t => t.Type == "bar").ToList();
        for (int i = 0; i < data.Count; i++)
        {
            Trace trace = data[i];
            string color = Color(trace, i);
            switch (trace.Type)
            {
                case "heatmap":
                    HeatmapSvg.Draw(svg, trace, x, y);
                    break;
                case "bar":
                    int slot = barMode == "group" ? bars.IndexOf(trace) : 0, slots = barMode == "group" ? bars.Count : 1;
                    Bars(svg, trace, color, x, y, slot, slots);
                    break;
                default:
                    var points = Points(trace, x).ToList();
                    if (trace.Mode?.Contains("lines", StringComparison.Ordinal) != false)
                    {
                        Line(svg, points, trace.Line, color, y);
                    }

                    if (trace.Mode?.Contains("markers", StringComparison.Ordinal) == true)
                    {
                        foreach (var (px, v) in points.Where(p => double.IsFinite(p.Y)))
                        {
                            svg.Append($"<circle cx=\"{Html.Px(px)}\" cy=\"{Html.Px(y[v])}\" r=\"{Html.Px(trace.Marker?.Size / 2 ?? 3)}\" fill=\"{color}\"/>");
                        }
                    }

                    break;
            }
        }
    }

    /// <summary>The small picture in front of a legend entry: a line (dashed if the trace is) or a block.</summary>
    public static void Swatch(StringBuilder svg, Trace trace, string color, double x, double y) => svg.Append(trace.Type == "bar"
        ? $"<rect x=\"{Html.Px(x + 4)}\" y=\"{Html.Px(y - 6)}\" width=\"14\" height=\"12\" fill=\"{color}\"/>"
        : $"<line x1=\"{Html.Px(x)}\" x2=\"{Html.Px(x + 22)}\" y1=\"{Html.Px(y)}\" y2=\"{Html.Px(y)}\" stroke=\"{color}\" stroke-width=\"2\"{Dash(trace.Line)}/>");

    private static IEnumerable<(double X, double Y)> Points(Trace trace, AxisScale x)
    {
        var ys = trace.Y ?? [];
        var categories = x.Categories;
        for (int i = 0; i < ys.Count; i++)
        {
            object? at = trace.X is { } xs && i < xs.Count ? xs[i] : (double)i;
            double value = at is string name && categories is not null ? IndexOf(categories, name) : at is double d ? d : i;
            yield return (x[value], ys[i]);
        }
    }

    private static void Line(StringBuilder svg, List<(double X, double Y)> points, TraceLine? style, string color, AxisScale y)
    {
        var path = new StringBuilder();
        bool pen = false;
        foreach (var (px, v) in Thinned(points))
        {
            if (!double.IsFinite(v))
            {
                pen = false;
                continue;
            }

            path.Append(pen ? " L" : " M").Append(Html.Px(px)).Append(' ').Append(Html.Px(y[v]));
            pen = true;
        }

        svg.Append($"<path d=\"{path.ToString().Trim()}\" fill=\"none\" stroke=\"{color}\" stroke-width=\"{Html.Px(style?.Width ?? 2)}\" stroke-linejoin=\"round\"{Dash(style)}/>");
    }

    // 10,000 loss values on 600 pixels: the lowest and highest value of each pixel column draw the same picture.
    private static IEnumerable<(double X, double Y)> Thinned(List<(double X, double Y)> points)
    {
        if (points.Count < 2000 || !points.All(p => double.IsFinite(p.Y)))
        {
            return points;
        }

        return points.GroupBy(p => Math.Round(p.X)).SelectMany(column =>
        {
            var (low, high) = (column.MinBy(p => p.Y), column.MaxBy(p => p.Y));
            return column.First() == low ? new[] { low, high } : new[] { high, low };
        });
    }

    private static void Bars(StringBuilder svg, Trace trace, string color, AxisScale x, AxisScale y, int slot, int slots)
    {
        double group = x.Band * 0.8, width = group / slots;
        foreach (var (center, v) in Points(trace, x).Where(p => double.IsFinite(p.Y)))
        {
            double left = center - group / 2 + slot * width, y0 = y[0], y1 = y[v];
            svg.Append($"<rect x=\"{Html.Px(left)}\" y=\"{Html.Px(Math.Min(y0, y1))}\" width=\"{Html.Px(width)}\" height=\"{Html.Px(Math.Abs(y1 - y0))}\" fill=\"{color}\">")
                .Append($"<title>{Html.Escape(trace.Name)} {Html.Full(v)}</title></rect>");
        }
    }

    private static string Dash(TraceLine? style) => style?.Dash switch
    {
        "dash" => " stroke-dasharray=\"8 5\"",
        "dot" => " stroke-dasharray=\"2 4\"",
        _ => string.Empty,
    };

    private static int IndexOf(IReadOnlyList<string> list, string item)
    {
        for (int i = 0; i < list.Count; i++)
        {
            if (list[i] == item)
            {
                return i;
            }
        }

        return -1;
    }
}
