using System;

namespace Backprop.LinearAlgebra;

/// <summary>
/// A rows×columns mask of bits, column after column like MathNet's storage (column j's bits start at word
/// j·WordsPerColumn): ReLU's mask at an eighth of a bool[,]'s memory, written and read four rows at a time.
/// </summary>
internal sealed class BitMask(int rows, int columns)
{
    public int Rows { get; } = rows;

    public int Columns { get; } = columns;

    public int WordsPerColumn { get; } = (rows + 63) / 64;

    public ulong[] Words { get; } = new ulong[((rows + 63) / 64) * columns];

    public bool this[int row, int column] => (Words[(column * WordsPerColumn) + (row >> 6)] >> (row & 63) & 1) != 0;

    /// <summary>The mask as the book's boolean array, [row, column].</summary>
    public bool[,] ToArray()
    {
        var result = new bool[Rows, Columns];
        for (int i = 0; i < Rows; i++)
        {
            for (int j = 0; j < Columns; j++)
            {
                result[i, j] = this[i, j];
            }
        }

        return result;
    }
}
