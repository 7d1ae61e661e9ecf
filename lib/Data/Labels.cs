using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>
/// The answers t of §4.2 in either of the book's forms: one-hot rows or class indices.
/// Converts implicitly from both, so <c>net.Loss(x, t)</c> takes whichever you have.
/// </summary>
public sealed class Labels
{
    private Labels(Matrix<double>? oneHot, int[]? indices)
    {
        OneHot = oneHot;
        Indices = indices;
    }

    /// <summary>One row per sample with 1 at the right class, or null when given as indices.</summary>
    public Matrix<double>? OneHot { get; }

    /// <summary>The right class of each sample, or null when given as one-hot rows.</summary>
    public int[]? Indices { get; }

    public int Count => OneHot?.RowCount ?? Indices!.Length;

    public static implicit operator Labels(Matrix<double> oneHot) => FromOneHot(oneHot);

    public static implicit operator Labels(int[] indices) => FromIndices(indices);

    public static Labels FromOneHot(Matrix<double> oneHot) =>
        new(oneHot ?? throw new ArgumentNullException(nameof(oneHot)), null);

    public static Labels FromIndices(int[] indices) =>
        new(null, indices ?? throw new ArgumentNullException(nameof(indices)));

    /// <summary>The right class of every sample, whichever form was given.</summary>
    public int[] ClassIndices() => Indices ?? Functions.Argmax(OneHot!);

    /// <summary>The labels of the chosen samples, in the same form (for mini-batches).</summary>
    public Labels Rows(int[] rows)
    {
        if (Indices is not null)
        {
            return new Labels(null, rows.Select(r => Indices[r]).ToArray());
        }
        return new Labels(OneHot!.Rows(rows), null);
    }

    public override string ToString() =>
        OneHot is not null ? $"Labels (one-hot {Shape.Of(OneHot)})" : $"Labels ({Indices!.Length} class indices)";

    /// <summary>Throws unless these labels fit the scores y (same rows; one-hot width or index range).</summary>
    internal void Check(Matrix<double> y, string where) => Check(y.RowCount, y.ColumnCount, where);

    /// <summary>Throws unless these labels fit scores of rows × classes.</summary>
    internal void Check(int rows, int classes, string where)
    {
        if (OneHot is not null)
        {
            if (OneHot.RowCount != rows || OneHot.ColumnCount != classes)
            {
                throw new ArgumentException(
                    Pick($"{where}: t is {Shape.Of(OneHot)} but the scores are {rows}×{classes}; one-hot t needs the same shape.",
                        $"{where}: t는 {Shape.Of(OneHot)}인데 점수는 {rows}×{classes}입니다. 원-핫 t는 점수와 모양이 같아야 합니다."), "t");
            }
            return;
        }
        if (Indices!.Length != rows)
        {
            throw new ArgumentException(
                Pick($"{where}: t has {Indices.Length} class indices but the scores are {rows}×{classes}; t needs one index per row ({rows}).",
                    $"{where}: t에는 클래스 번호가 {Indices.Length}개인데 점수는 {rows}×{classes}입니다. t에는 행마다 번호가 하나씩({rows}개) 있어야 합니다."), "t");
        }
        for (int i = 0; i < Indices.Length; i++)
        {
            if (Indices[i] < 0 || Indices[i] >= classes)
            {
                throw new ArgumentException(
                    Pick($"{where}: t[{i}] = {Indices[i]} is not a class of the {rows}×{classes} scores; classes are 0..{classes - 1}.",
                        $"{where}: t[{i}] = {Indices[i]}: {rows}×{classes} 점수에 없는 클래스입니다. 클래스는 0..{classes - 1}입니다."), "t");
            }
        }
    }
}
