using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>The inputs every layer check tries: batch 1, an odd batch, zeros, large values (fixed seeds, so every run agrees).</summary>
internal static class Cases
{
    public static string Described => Pick("batch 1 and 5, zeros, large values", "배치 크기 1과 5, 영행렬, 큰 값");

    /// <summary>Inputs x for an element-wise layer, each with a name for the hint.</summary>
    public static IEnumerable<(string Name, Matrix<double> X)> ElementWise()
    {
        yield return (Pick("a batch of 1", "배치 크기 1"), Random(1, 4, 1));
        yield return (Pick("a batch of 5", "배치 크기 5"), Random(5, 3, 2));
        yield return (Pick("zeros", "영행렬"), Matrix<double>.Build.Dense(2, 3));
        yield return (Pick("large values", "큰 값"), Matrix<double>.Build.DenseOfArray(new[,] { { 40.0, -40.0, 800.0 }, { -800.0, 2.5, -0.5 } }));
    }

    /// <summary>An upstream gradient for x: a different number in every place, so a misplaced one shows.</summary>
    public static Matrix<double> Dout(Matrix<double> x, int seed = 7) => Random(x.RowCount, x.ColumnCount, seed);

    /// <summary>Values in (−2, 2), rounded to a quarter so a hint's numbers read easily, none exactly 0.</summary>
    public static Matrix<double> Random(int rows, int columns, int seed)
    {
        var random = new Random(seed);
        return Matrix<double>.Build.Dense(rows, columns, (_, _) =>
        {
            double v = Math.Round((random.NextDouble() * 4 - 2) * 4) / 4;
            return v == 0 ? 0.75 : v;
        });
    }
}
