using System;
using System.Linq;
using System.Text;

namespace Backprop.Display;

/// <summary>A heatmap trace of the static chart picture: one rectangle per cell, coloured by plotly's Greys or RdBu scale.</summary>
internal static class HeatmapSvg
{
    // plotly.js's own stops, so the picture matches the interactive chart.
    private static readonly (double At, int R, int G, int B)[] Greys = [(0, 0, 0, 0), (1, 255, 255, 255)];

    private static readonly (double At, int R, int G, int B)[] RdBu =
        [(0, 5, 10, 172), (0.35, 106, 137, 247), (0.5, 190, 190, 190), (0.6, 220, 170, 132), (0.7, 230, 145, 90), (1, 178, 10, 28)];

    public static void Draw(StringBuilder svg, Trace trace, AxisScale x, AxisScale y)
    {
        var z = trace.Z!;
        var values = z.SelectMany(r => r).Where(double.IsFinite).DefaultIfEmpty(0).ToList();
        double min = trace.ZMin ?? values.Min(), max = trace.ZMax ?? values.Max();
        var stops = Equals(trace.ColorScale, "Greys") ? Greys : RdBu;
        double w = Math.Abs(x[1] - x[0]), h = Math.Abs(y[1] - y[0]);
        for (int r = 0; r < z.Count; r++)
        {
            for (int c = 0; c < z[r].Count; c++)
            {
                double v = z[r][c];
                if (!double.IsFinite(v))
                {
                    continue;
                }

                double t = max > min ? (v - min) / (max - min) : 0.5;
                string fill = Colour(stops, trace.ReverseScale == true ? 1 - t : t);
                svg.Append($"<rect x=\"{Html.Px(Math.Min(x[c - 0.5], x[c + 0.5]))}\" y=\"{Html.Px(Math.Min(y[r - 0.5], y[r + 0.5]))}\" ")
                    .Append($"width=\"{Html.Px(w + 0.5)}\" height=\"{Html.Px(h + 0.5)}\" fill=\"{fill}\"/>");
            }
        }
    }

    private static string Colour((double At, int R, int G, int B)[] stops, double t)
    {
        t = Math.Clamp(t, 0, 1);
        int i = 1;
        while (i < stops.Length - 1 && stops[i].At < t)
        {
            i++;
        }

        var (a, b) = (stops[i - 1], stops[i]);
        double f = b.At > a.At ? (t - a.At) / (b.At - a.At) : 0;
        int Mix(int p, int q) => (int)Math.Round(p + (q - p) * f);
        return $"#{Mix(a.R, b.R):x2}{Mix(a.G, b.G):x2}{Mix(a.B, b.B):x2}";
    }
}
