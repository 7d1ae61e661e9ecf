using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Display;

/// <summary>
/// Maps data values of one axis onto pixels for the static chart picture: a number line with round ticks
/// (1, 2 or 5 × 10ⁿ, as plotly picks them) or evenly spaced categories.
/// </summary>
internal sealed class AxisScale
{
    private readonly double _min;
    private readonly double _max;
    private readonly double _from;
    private readonly double _to;
    private readonly double? _dtick;

    private AxisScale(double min, double max, double from, double to, IReadOnlyList<string>? categories, double? dtick = null)
    {
        _min = min;
        _max = max;
        _from = from;
        _to = to;
        _dtick = dtick;
        Categories = categories;
    }

    /// <summary>Category names in order, or null for a number line.</summary>
    public IReadOnlyList<string>? Categories { get; }

    /// <summary>Pixels one category takes (a band); for a number line, one data unit.</summary>
    public double Band => Math.Abs(_to - _from) / (_max - _min);

    public static AxisScale Numbers(double min, double max, double from, double to, double? dtick = null)
    {
        if (!(max > min))
        {
            (min, max) = (min - 1, max + 1);
        }

        return new AxisScale(min, max, from, to, null, dtick);
    }

    /// <summary>Categories 0..n−1 centred in bands: category i sits at value i, the bands span −0.5..n−0.5.</summary>
    public static AxisScale Bands(IReadOnlyList<string> categories, double from, double to) =>
        new(-0.5, categories.Count - 0.5, from, to, categories);

    public double this[double value] => _from + (value - _min) / (_max - _min) * (_to - _from);

    /// <summary>Tick values with their labels, inside the axis range.</summary>
    public IEnumerable<(double Value, string Label)> Ticks()
    {
        if (Categories is not null)
        {
            return Categories.Select((c, i) => ((double)i, c));
        }

        double step = _dtick ?? NiceStep((_max - _min) / 5);
        double first = Math.Ceiling(_min / step - 1e-9) * step;
        int count = (int)Math.Floor((_max - first) / step + 1e-9) + 1;
        return Enumerable.Range(0, Math.Max(0, Math.Min(count, 50)))
            .Select(i => first + i * step)
            .Select(v => (v, Html.Compact(Math.Abs(v) < step * 1e-9 ? 0 : v)));
    }

    private static double NiceStep(double rough)
    {
        double power = Math.Pow(10, Math.Floor(Math.Log10(rough)));
        double fraction = rough / power;
        return power * (fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10);
    }
}
