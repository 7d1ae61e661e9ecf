using System;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>numpy's fancy indexing <c>x[batch_mask]</c> (§4.2.3): the chosen rows of a matrix, in order, as a new matrix.</summary>
public static class MatrixRows
{
    /// <summary>Rows <paramref name="batchMask"/>[0], [1], … of x (repeats allowed, as <c>np.random.choice</c> draws them).</summary>
    public static Matrix<double> Rows(this Matrix<double> x, int[] batchMask)
    {
        ArgumentNullException.ThrowIfNull(x);
        ArgumentNullException.ThrowIfNull(batchMask);
        foreach (int row in batchMask)
        {
            if ((uint)row >= (uint)x.RowCount)
            {
                throw new ArgumentOutOfRangeException(nameof(batchMask), Pick($"Rows: row {row} is not a row of the {x.RowCount}×{x.ColumnCount} matrix.",
                    $"Rows: {row}번 행은 {x.RowCount}×{x.ColumnCount} 행렬에 없습니다."));
            }
        }

        // Straight from the column-major storage: MathNet's indexer costs a virtual call per element,
        // and one batch of MNIST is 78,400 of them.
        double[] source = x.AsColumnMajorArray() ?? x.ToColumnMajorArray();
        int height = x.RowCount, count = batchMask.Length;
        var batch = new double[count * x.ColumnCount];
        for (int j = 0; j < x.ColumnCount; j++)
        {
            ReadOnlySpan<double> column = source.AsSpan(j * height, height);
            Span<double> target = batch.AsSpan(j * count, count);
            for (int r = 0; r < count; r++)
            {
                target[r] = column[batchMask[r]];
            }
        }
        return Matrix<double>.Build.Dense(count, x.ColumnCount, batch);
    }
}
