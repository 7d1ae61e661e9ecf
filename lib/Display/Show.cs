using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>One-line displays for notebook cells: matrices with their shape, masks, MNIST digits, tables.</summary>
public static class Show
{
    /// <summary><c>Show.Matrix(x, "x", highlightNonPositive: true)</c> shades what ReLU silences.</summary>
    public static MatrixView Matrix(Matrix<double> m, string? title = null, bool highlightNonPositive = false) =>
        new(m.RowCount, m.ColumnCount, (i, j) => m[i, j], "matrix", title, highlightNonPositive);

    public static MatrixView Matrix(double[,] m, string? title = null, bool highlightNonPositive = false) =>
        new(m.GetLength(0), m.GetLength(1), (i, j) => m[i, j], "matrix", title, highlightNonPositive);

    public static MatrixView Vector(Vector<double> v, string? title = null, bool highlightNonPositive = false) =>
        new(1, v.Count, (_, j) => v[j], "vector", title, highlightNonPositive);

    public static MatrixView Vector(IReadOnlyList<double> v, string? title = null, bool highlightNonPositive = false) =>
        new(1, v.Count, (_, j) => v[j], "vector", title, highlightNonPositive);

    /// <summary>A boolean mask such as ReLU's <c>x &lt;= 0</c>, True cells shaded.</summary>
    public static MatrixView Mask(bool[,]? mask, string? title = null)
    {
        if (mask is null)
        {
            throw new ArgumentNullException(nameof(mask), Pick("The mask is null: a layer records its mask in Forward, so run Forward first.",
                "mask가 null입니다: 계층은 Forward에서 mask를 기록하므로 먼저 Forward를 실행하세요."));
        }

        return new(mask.GetLength(0), mask.GetLength(1), (i, j) => mask[i, j], "mask", title, false);
    }

    /// <summary>A mask kept as a matrix of 0/1 (or any condition on a matrix): <c>Show.Mask(x, v => v &lt;= 0, "mask")</c>.</summary>
    public static MatrixView Mask(Matrix<double> m, Func<double, bool> condition, string? title = null) =>
        new(m.RowCount, m.ColumnCount, (i, j) => condition(m[i, j]), "mask", title, false);

    /// <summary>Extension form: <c>x.View("x")</c>.</summary>
    public static MatrixView View(this Matrix<double> m, string? title = null, bool highlightNonPositive = false) =>
        Matrix(m, title, highlightNonPositive);

    public static MatrixView View(this Vector<double> v, string? title = null, bool highlightNonPositive = false) =>
        Vector(v, title, highlightNonPositive);

    /// <summary>
    /// The first <paramref name="count"/> rows of <paramref name="images"/> (784 pixels each) as digits.
    /// Labels and predictions take class indices, one-hot rows or raw scores (argmax per row):
    /// <c>Show.Digits(xTest, tTest, predictions: net.Predict(xTest))</c>.
    /// </summary>
    public static DigitGrid Digits(Matrix<double> images, Labels? labels = null, Labels? predictions = null,
        int count = 20, int columns = 10)
    {
        int n = Math.Min(count, images.RowCount);
        return new DigitGrid(Enumerable.Range(0, n).Select(i => images.Row(i).ToArray()).ToArray(),
            labels?.ClassIndices(), predictions?.ClassIndices(), columns);
    }

    public static DigitGrid Digit(IReadOnlyList<double> pixels, int? label = null) =>
        new([pixels.ToArray()], label is int l ? [l] : null, null, 1);

    public static Table Table(params string[] headers) => new(headers);
}
