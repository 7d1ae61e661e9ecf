using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>numpy's broadcasting of a row over a batch (§3.3), which MathNet leaves to us.</summary>
public static class Broadcast
{
    /// <summary>The 1×n row repeated <paramref name="rows"/> times: what <c>x + b</c> adds to every row of x.</summary>
    public static Matrix<double> Rows(Matrix<double> row, int rows)
    {
        ArgumentNullException.ThrowIfNull(row);
        // Column-major storage: column j is one run of `rows` copies of row[0, j].
        var values = new double[rows * row.ColumnCount];
        for (int j = 0; j < row.ColumnCount; j++)
        {
            Array.Fill(values, row[0, j], j * rows, rows);
        }
        return Matrix<double>.Build.Dense(rows, row.ColumnCount, values);
    }
}
