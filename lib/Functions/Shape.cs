using System;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>Shape checks shared by every layer, so each error names the layer and both shapes.</summary>
internal static class Shape
{
    public static string Of(Matrix<double> m) => $"{m.RowCount}×{m.ColumnCount}";

    public static void RequireRows(Matrix<double> x, string where, string name = "x")
    {
        if (x.RowCount == 0)
        {
            throw new ArgumentException(Pick($"{where}: {name} is {Of(x)}, a batch of zero rows; give at least one sample.",
                $"{where}: {name}의 모양은 {Of(x)}, 행이 하나도 없는 배치입니다. 샘플을 하나 이상 넣으세요."), name);
        }
    }

    public static void RequireSame(Matrix<double> actual, Matrix<double> expected, string where, string name, string expectedName)
    {
        if (actual.RowCount != expected.RowCount || actual.ColumnCount != expected.ColumnCount)
        {
            throw new ArgumentException(
                Pick($"{where}: {name} is {Of(actual)} but {expectedName} is {Of(expected)}; they must have the same shape.",
                    $"{where}: {name}의 모양은 {Of(actual)}인데 {expectedName}의 모양은 {Of(expected)}입니다. 둘의 모양이 같아야 합니다."), name);
        }
    }

    /// <summary>A layer's input batch has rows; the message names "layer.Forward".</summary>
    public static void RequireBatch(Matrix<double> x, string layer) => RequireRows(x, $"{layer}.Forward");

    /// <summary>Backward comes after a Forward; the message names "layer.Backward".</summary>
    public static void RequireForward(bool done, string layer)
    {
        if (!done)
        {
            throw new InvalidOperationException(Pick($"{layer}.Backward: call Forward before Backward.", $"{layer}.Backward: Backward 전에 Forward를 먼저 호출하세요."));
        }
    }
}
