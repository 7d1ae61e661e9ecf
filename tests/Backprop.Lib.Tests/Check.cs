using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The one closeness check and random-input helper every test class shares.</summary>
internal static class Check
{
    private static double MaxAbs(Matrix<double> m) => m.Enumerate().Max(Math.Abs);

    /// <summary>max|a − b| / max(|a|, |b|, 1): a relative error that stays sane near zero.</summary>
    public static double RelativeError(Matrix<double> a, Matrix<double> b)
    {
        Assert.Equal(a.RowCount, b.RowCount);
        Assert.Equal(a.ColumnCount, b.ColumnCount);
        return MaxAbs(a - b) / Math.Max(1.0, Math.Max(MaxAbs(a), MaxAbs(b)));
    }

    public static void AssertClose(Matrix<double> expected, Matrix<double> actual, double tolerance = 1e-7)
    {
        double error = RelativeError(expected, actual);
        Assert.True(error < tolerance, $"relative error {error:E3} >= {tolerance:E0}\nexpected:\n{expected}\nactual:\n{actual}");
    }

    /// <summary>Uniform values in [−scale, scale), reproducible from the seed.</summary>
    public static Matrix<double> RandomMatrix(int rows, int cols, int seed, double scale = 1.0)
    {
        var random = new Random(seed);
        var values = Enumerable.Range(0, rows * cols).Select(_ => scale * (2 * random.NextDouble() - 1)).ToArray();
        return Matrix<double>.Build.Dense(rows, cols, values);
    }

    /// <summary>∂(Σ dout ⊙ layer(x))/∂x by central differences: what layer.Backward(dout) must return.</summary>
    public static Matrix<double> NumericalInputGradient(ILayer layer, Matrix<double> x, Matrix<double> dout) =>
        Functions.NumericalGradient(v => layer.Forward(v).PointwiseMultiply(dout).Enumerate().Sum(), x);

    public static Matrix<double> M(double[,] values) => Matrix<double>.Build.DenseOfArray(values);
}
