using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The book's <c>common/functions.py</c> and <c>gradient.py</c>: activations, softmax, loss, numerical gradient (§3–§4).</summary>
public static class Functions
{
    /// <summary>The guard the book adds inside the log so log(0) never happens.</summary>
    public const double DefaultDelta = 1e-7;

    public static Matrix<double> Sigmoid(Matrix<double> x) => x.Map(v => 1.0 / (1.0 + Math.Exp(-v)));

    public static Matrix<double> Relu(Matrix<double> x) => x.Map(v => Math.Max(0.0, v));

    /// <summary>Softmax of every row (one sample per row), each row's maximum subtracted first, for overflow.</summary>
    public static Matrix<double> Softmax(Matrix<double> x)
    {
        double[] max = x.FoldByRow((double m, double v) => Math.Max(m, v), double.NegativeInfinity);
        var exp = x.MapIndexed((i, _, v) => Math.Exp(v - max[i]));
        var sum = exp.RowSums();
        return exp.MapIndexed((i, _, e) => e / sum[i]);
    }

    /// <summary>Softmax of a single sample.</summary>
    public static Vector<double> Softmax(Vector<double> x) => Softmax(x.ToRowMatrix()).Row(0);

    /// <summary>Mean over the batch of −log(y[i, t[i]] + delta); one-hot t counts as its argmax, as in the book.</summary>
    public static double CrossEntropyError(Matrix<double> y, Labels t, double delta = DefaultDelta)
    {
        ArgumentNullException.ThrowIfNull(t);
        Shape.RequireRows(y, "CrossEntropyError", "y");
        t.Check(y, "CrossEntropyError");
        int[] answers = t.ClassIndices();
        double sum = 0;
        for (int i = 0; i < answers.Length; i++)
        {
            sum += Math.Log(y[i, answers[i]] + delta);
        }
        return -sum / y.RowCount;
    }

    /// <summary>The index of the largest entry of each row (numpy's <c>argmax(axis=1)</c>: the first one on ties).</summary>
    public static int[] Argmax(Matrix<double> x) => x.EnumerateRows().Select(row => row.MaximumIndex()).ToArray();

    /// <summary>
    /// ∂f/∂x by central differences, h = 1e-4 (§4.3). Perturbs x in place one element at a time
    /// and restores each element exactly, so f may read x (e.g. a network's own weights).
    /// </summary>
    public static Matrix<double> NumericalGradient(Func<Matrix<double>, double> f, Matrix<double> x)
    {
        ArgumentNullException.ThrowIfNull(f);
        const double h = 1e-4;
        var grad = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int j = 0; j < x.ColumnCount; j++)
        {
            for (int i = 0; i < x.RowCount; i++)
            {
                double original = x[i, j];
                x[i, j] = original + h;
                double fxh1 = f(x);
                x[i, j] = original - h;
                double fxh2 = f(x);
                x[i, j] = original;
                grad[i, j] = (fxh1 - fxh2) / (2 * h);
            }
        }
        return grad;
    }
}
