using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>Shape checks shared by every layer, so each error names the layer and both shapes.</summary>
internal static class Shape
{
    public static string Of(Matrix<double> m) => $"{m.RowCount}×{m.ColumnCount}";

    public static void RequireRows(Matrix<double> x, string where, string name = "x")
    {
        if (x.RowCount == 0)
        {
            throw new ArgumentException(Messages.ZeroRows(where, name, x), name);
        }
    }

    public static void RequireSame(Matrix<double> actual, Matrix<double> expected, string where, string name, string expectedName)
    {
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
        {
            throw new ArgumentException(Messages.NotSameShape(where, name, actual, expectedName, expected), name);
        }
    }

    /// <summary>A layer's input batch has rows; the message names "layer.Forward".</summary>
    public static void RequireBatch(Matrix<double> x, string layer) => RequireRows(x, $"{layer}.Forward");

    /// <summary>Backward comes after a Forward; the message names "layer.Backward".</summary>
    public static void RequireForward(bool done, string layer)
    {
        if (!done)
        {
            throw new InvalidOperationException(Messages.ForwardFirst(layer));
        }
    }
}
