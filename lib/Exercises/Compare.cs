using System;
using System.Globalization;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>How a check compares a student's matrix with the right one, and says where they differ.</summary>
internal static class Compare
{
    // Loose enough for any correct order of operations, tight enough that every typical mistake is far off.
    private const double Tolerance = 1e-7;

    public static bool Close(double got, double want, double tolerance = Tolerance) =>
        (double.IsNaN(got) && double.IsNaN(want)) || got == want || Math.Abs(got - want) <= tolerance * Math.Max(1, Math.Abs(want));

    public static bool SameShape(Matrix<double>? a, Matrix<double> b) =>
        a is not null && a.RowCount == b.RowCount && a.ColumnCount == b.ColumnCount;

    public static bool Close(Matrix<double>? got, Matrix<double>? want, double tolerance = Tolerance)
    {
        if (got is null || want is null || !SameShape(got, want))
        {
            return false;
        }

        for (int i = 0; i < got.RowCount; i++)
        {
            for (int j = 0; j < got.ColumnCount; j++)
            {
                if (!Close(got[i, j], want[i, j], tolerance))
                {
                    return false;
                }
            }
        }

        return true;
    }

    /// <summary>Null when got equals want, else one sentence: the shape that is off, or the first element that is.</summary>
    public static string? Difference(string name, Matrix<double>? got, Matrix<double> want, string wantsShapeOf, double tolerance = Tolerance)
    {
        if (got is null)
        {
            return Pick($"{name} is null.", $"{name}의 값이 null입니다.");
        }

        if (!SameShape(got, want))
        {
            return Pick($"{name} has shape {Shape.Of(got)} but {wantsShapeOf} is {Shape.Of(want)}; a gradient or an output keeps the shape it belongs to.",
                $"{name}의 모양은 {Shape.Of(got)}인데 {wantsShapeOf}의 모양은 {Shape.Of(want)}입니다. 기울기나 출력은 자기가 속한 변수와 모양이 같아야 합니다.");
        }

        for (int i = 0; i < got.RowCount; i++)
        {
            for (int j = 0; j < got.ColumnCount; j++)
            {
                if (!Close(got[i, j], want[i, j], tolerance))
                {
                    return Pick($"{name}[{i},{j}] is {Number(got[i, j])} but should be {Number(want[i, j])}.",
                        $"{name}[{i},{j}]의 값이 {Number(got[i, j])}입니다. 맞는 값은 {Number(want[i, j])}입니다.");
                }
            }
        }

        return null;
    }

    public static string Number(double value) => value.ToString("G6", CultureInfo.InvariantCulture);

    /// <summary>Whether the student changed a matrix they were only given to read.</summary>
    public static bool Changed(Matrix<double> now, Matrix<double> before) => !Close(now, before, 0);
}
