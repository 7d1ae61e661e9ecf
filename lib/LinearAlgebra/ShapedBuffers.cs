using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>
/// A layer's output buffers for the last few shapes it saw: training alternates a batch with the whole
/// training set and the test set, and each of those keeps its own buffer instead of a new 24 MB one per call.
/// </summary>
internal sealed class ShapedBuffers<T>(Func<int, int, T> create, Func<T, (int Rows, int Columns)> shape)
    where T : class
{
    private readonly T?[] _recent = new T?[3];

    public T For(int rows, int columns)
    {
        for (int i = 0; i < _recent.Length; i++)
        {
            if (_recent[i] is { } kept && shape(kept) == (rows, columns))
            {
                Array.Copy(_recent, 0, _recent, 1, i);
                return _recent[0] = kept;
            }
        }

        Array.Copy(_recent, 0, _recent, 1, _recent.Length - 1);
        return _recent[0] = create(rows, columns);
    }
}

/// <summary>The two kinds of <see cref="ShapedBuffers{T}"/> the layers use.</summary>
internal static class ShapedBuffers
{
    public static ShapedBuffers<Matrix<double>> Matrices() =>
        new((rows, columns) => Matrix<double>.Build.Dense(rows, columns), m => (m.RowCount, m.ColumnCount));

    public static ShapedBuffers<BitMask> Masks() =>
        new((rows, columns) => new BitMask(rows, columns), m => (m.Rows, m.Columns));
}
