using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

public sealed class AffineCheckTests
{
    private static CheckResult Check(Func<Matrix<double>, Matrix<double>, Matrix<double>, (Matrix<double>, Matrix<double>, Matrix<double>)> backward) =>
        Exercise.Affine((w, b) => new FakeAffine(w, b, backward));

    private static Matrix<double> Sums(Matrix<double> dout) => Matrix<double>.Build.Dense(1, dout.RowCount, 1.0) * dout;

    [Fact]
    public void TheBooksBackwardPasses() => Verdict.Passes(Check((x, w, d) => (d * w.Transpose(), x.Transpose() * d, Sums(d))));

    [Fact]
    public void AnyWayOfWritingItPasses() =>
        Verdict.Passes(Check((x, w, d) => (d.TransposeAndMultiply(w), x.TransposeThisAndMultiply(d), d.ColumnSums().ToRowMatrix())));

    [Fact]
    public void TransposedProductForDW_SaysXTransposeTimesDY() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), d.Transpose() * x, Sums(d))), "dW = Xᵀ·dY, not dYᵀ·X");

    [Fact]
    public void TransposedProductForDW_NamesBothShapes() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), d.Transpose() * x, Sums(d))), "dW has shape 3×2 but W is 2×3");

    [Fact]
    public void DWDividedByTheBatch_SaysTheLayerSums() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), x.Transpose() * d / x.RowCount, Sums(d))), "divided by the batch size");

    [Fact]
    public void DbNotSummed_SaysSumOverTheBatch() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), x.Transpose() * d, d.Clone())), "sum dY over the batch (its rows)");

    [Fact]
    public void DbAsMean_SaysItIsTheSum() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), x.Transpose() * d, Sums(d) / d.RowCount)), "it is the sum");

    [Fact]
    public void DxWithoutTranspose_IsAShapeHintNotAStackTrace() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w, x.Transpose() * d, Sums(d))), "shapes do not fit");

    [Fact]
    public void DxTransposed_SaysDYTimesWTranspose() =>
        Verdict.FailsWith(Check((x, w, d) => (w * d.Transpose(), x.Transpose() * d, Sums(d))), "dx = dY·Wᵀ, not W·dYᵀ");

    [Fact]
    public void MissingDW_SaysSetIt() =>
        Verdict.FailsWith(Check((x, w, d) => (d * w.Transpose(), null!, Sums(d))), "DW is still null");

    [Fact]
    public void InPlaceDout_SaysCopyIt() =>
        Verdict.FailsWith(Check((x, w, d) =>
        {
            var result = (d * w.Transpose(), x.Transpose() * d, Sums(d));
            d.Clear();
            return result;
        }), "Backward changed dout itself");

    [Fact]
    public void StubbedBackward_IsNotDoneYet_AndForwardScores()
    {
        var result = Check((_, _, _) => throw new NotImplementedException());
        Assert.Equal(CheckState.NotDone, result.State);
        Assert.Contains("Not done yet: dx, dW, db, leaves x and dout alone still throw NotImplementedException", result.Message);
        Assert.Equal(1, result.Points);
    }
}
