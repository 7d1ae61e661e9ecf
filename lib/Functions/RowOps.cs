using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The two row-wise operations numpy broadcasting gives the book for free, written once.</summary>
internal static class RowOps
{
    /// <summary>x + b with the 1×n row b added to every row of x (numpy's <c>x + b</c>).</summary>
    public static Matrix<double> AddRow(Matrix<double> x, Matrix<double> b)
    {
        var result = x.Clone();
        for (int j = 0; j < x.ColumnCount; j++)
        {
            double bj = b[0, j];
            for (int i = 0; i < x.RowCount; i++)
            {
                result[i, j] += bj;
            }
        }
        return result;
    }

    /// <summary>Softmax of every row; each row's own maximum is subtracted first, for overflow.</summary>
    public static Matrix<double> SoftmaxRows(Matrix<double> x)
    {
        var y = Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount);
        for (int i = 0; i < x.RowCount; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < x.ColumnCount; j++)
            {
                max = Math.Max(max, x[i, j]);
            }
            double sum = 0;
            for (int j = 0; j < x.ColumnCount; j++)
            {
                double e = Math.Exp(x[i, j] - max);
                y[i, j] = e;
                sum += e;
            }
            for (int j = 0; j < x.ColumnCount; j++)
            {
                y[i, j] /= sum;
            }
        }
        return y;
    }

    /// <summary>Index of the largest entry of each row (numpy's <c>argmax(axis=1)</c>).</summary>
    public static int[] ArgmaxRows(Matrix<double> x)
    {
        var result = new int[x.RowCount];
        for (int i = 0; i < x.RowCount; i++)
        {
            int best = 0;
            for (int j = 1; j < x.ColumnCount; j++)
            {
                if (x[i, j] > x[i, best])
                {
                    best = j;
                }
            }
            result[i] = best;
        }
        return result;
    }
}
