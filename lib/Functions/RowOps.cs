using Backprop.LinearAlgebra;
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
        DenseOps.SoftmaxRows(x, y);
        return y;
    }

    /// <summary>Index of the largest entry of each row (numpy's <c>argmax(axis=1)</c>).</summary>
    public static int[] ArgmaxRows(Matrix<double> x) => DenseOps.ArgmaxRows(x);
}
