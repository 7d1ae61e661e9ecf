using MathNet.Numerics.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>
/// The buffers a layer writes its results into: kept while the batch shape stays the same, so a
/// training step makes no garbage (a 100×784 double matrix would land on the large-object heap).
/// </summary>
internal static class Workspace
{
    public static Matrix<double> Reuse(ref Matrix<double>? buffer, int rows, int columns)
    {
        if (buffer is null || buffer.RowCount != rows || buffer.ColumnCount != columns)
        {
            buffer = Matrix<double>.Build.Dense(rows, columns);
        }

        return buffer;
    }
}
