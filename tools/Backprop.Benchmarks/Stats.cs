using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Benchmarks;

/// <summary>Min, median and max of a few rounds, printed the way the tables show them.</summary>
internal readonly record struct Stats(double Min, double Median, double Max)
{
    public static Stats Of(IEnumerable<double> values)
    {
        double[] v = values.OrderBy(x => x).ToArray();
        double median = v.Length % 2 == 1 ? v[v.Length / 2] : (v[(v.Length / 2) - 1] + v[v.Length / 2]) / 2;
        return new Stats(v[0], median, v[^1]);
    }

    public string Format(string format) =>
        $"{Median.ToString(format)} [{Min.ToString(format)}..{Max.ToString(format)}]";
}
