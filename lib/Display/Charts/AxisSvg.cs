using System.Text;

namespace Backprop.Display;

/// <summary>One axis of the static chart picture: grid lines, the zero line, tick labels and the axis title.</summary>
internal static class AxisSvg
{
    private const string Grid = "#ebebeb";
    private const string Zero = "#9a9a9a";

    public static void Draw(StringBuilder svg, AxisScale scale, Axis? axis, bool horizontal, double left, double right, double top, double bottom)
    {
        bool labels = axis?.ShowTickLabels != false, grid = axis?.ShowGrid != false && scale.Categories is null;
        foreach (var (value, label) in scale.Ticks())
        {
            double at = scale[value];
            if (grid)
            {
                bool zero = value == 0 && axis?.ZeroLine != false;
                string colour = zero ? Zero : Grid;
                svg.Append(horizontal
                    ? $"<line x1=\"{Html.Px(at)}\" x2=\"{Html.Px(at)}\" y1=\"{Html.Px(top)}\" y2=\"{Html.Px(bottom)}\" stroke=\"{colour}\"/>"
                    : $"<line x1=\"{Html.Px(left)}\" x2=\"{Html.Px(right)}\" y1=\"{Html.Px(at)}\" y2=\"{Html.Px(at)}\" stroke=\"{colour}\"/>");
            }

            if (labels)
            {
                svg.Append(horizontal
                    ? $"<text x=\"{Html.Px(at)}\" y=\"{Html.Px(bottom + 16)}\" text-anchor=\"middle\">{Html.Escape(label)}</text>"
                    : $"<text x=\"{Html.Px(left - 6)}\" y=\"{Html.Px(at + 4)}\" text-anchor=\"end\">{Html.Escape(label)}</text>");
            }
        }

        if (axis?.Title is { } title)
        {
            double middle = horizontal ? (left + right) / 2 : (top + bottom) / 2;
            svg.Append(horizontal
                ? $"<text x=\"{Html.Px(middle)}\" y=\"{Html.Px(bottom + 40)}\" text-anchor=\"middle\" font-size=\"13\">{Html.Escape(title.Text)}</text>"
                : $"<text transform=\"translate({Html.Px(left - 46)} {Html.Px(middle)}) rotate(-90)\" text-anchor=\"middle\" font-size=\"13\">{Html.Escape(title.Text)}</text>");
        }
    }
}
