using System;
using System.Numerics;

namespace Backprop.Fast;

// The element-wise array operations MathNet routes through its provider (W - lr * dW, (y - t), x + b, …),
// a vector at a time. Each element is computed exactly as the managed provider computes it: one operation,
// one rounding, no fused multiply-add, so the results are bit for bit the same.
public sealed partial class FastLinearAlgebraProvider
{
    public void AddArrays(double[] x, double[] y, double[] result) => Map(x, y, result, static (a, b) => a + b, static (a, b) => a + b);

    public void SubtractArrays(double[] x, double[] y, double[] result) => Map(x, y, result, static (a, b) => a - b, static (a, b) => a - b);

    public void PointWiseMultiplyArrays(double[] x, double[] y, double[] result) => Map(x, y, result, static (a, b) => a * b, static (a, b) => a * b);

    public void PointWiseDivideArrays(double[] x, double[] y, double[] result) => Map(x, y, result, static (a, b) => a / b, static (a, b) => a / b);

    public void ScaleArray(double alpha, double[] x, double[] result)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(result);
        CheckLengths(x.Length, x.Length, result.Length);
        // As the managed provider: 0·x is all zeros, even where x is infinite or NaN.
        if (alpha == 0.0)
        {
            Array.Clear(result);
            return;
        }
        var va = new Vector<double>(alpha);
        int i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (va * new Vector<double>(x, i)).CopyTo(result, i);
        }
        for (; i < x.Length; i++)
        {
            result[i] = alpha * x[i];
        }
    }

    // y + alpha·x: the product rounded, then the sum, as the managed provider does.
    public void AddVectorToScaledVector(double[] y, double alpha, double[] x, double[] result)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(result);
        CheckLengths(x.Length, y.Length, result.Length);
        if (alpha == 0.0)
        {
            y.AsSpan().CopyTo(result);
            return;
        }
        var va = new Vector<double>(alpha);
        int i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            (new Vector<double>(y, i) + (va * new Vector<double>(x, i))).CopyTo(result, i);
        }
        for (; i < x.Length; i++)
        {
            result[i] = y[i] + (alpha * x[i]);
        }
    }

    private static void Map(
        double[] x, double[] y, double[] result, Func<Vector<double>, Vector<double>, Vector<double>> vector, Func<double, double, double> scalar)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(y);
        ArgumentNullException.ThrowIfNull(result);
        CheckLengths(x.Length, y.Length, result.Length);
        int i = 0;
        for (; i <= x.Length - Vector<double>.Count; i += Vector<double>.Count)
        {
            vector(new Vector<double>(x, i), new Vector<double>(y, i)).CopyTo(result, i);
        }
        for (; i < x.Length; i++)
        {
            result[i] = scalar(x[i], y[i]);
        }
    }

    private static void CheckLengths(int x, int y, int result)
    {
        if (x != y || x != result)
        {
            throw new ArgumentException($"The arrays must have the same length: {x}, {y} and {result}.");
        }
    }
}
