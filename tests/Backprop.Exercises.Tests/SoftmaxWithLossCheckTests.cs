using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

public sealed class SoftmaxWithLossCheckTests
{
    private static CheckResult Check(Func<Matrix<double>, Matrix<double>, Matrix<double>> backward, Func<Matrix<double>, Matrix<double>>? softmax = null) =>
        Exercise.SoftmaxWithLoss(() => new FakeLoss(backward, softmax));

    [Fact]
    public void TheBooksBackwardPasses() => Verdict.Passes(Check((y, t) => (y - t) / y.RowCount));

    [Fact]
    public void MissingBatchDivision_SaysDivideByTheBatchSize()
    {
        var result = Check((y, t) => y - t);
        Verdict.FailsWith(result, "divide (y − t) by the batch size");
        Assert.Equal(3, result.Points);
    }

    [Fact]
    public void WrongSign_SaysYMinusT() => Verdict.FailsWith(Check((y, t) => (t - y) / y.RowCount), "wrong sign");

    [Fact]
    public void ForgottenT_SaysSubtractIt() => Verdict.FailsWith(Check((y, _) => y / y.RowCount), "subtract the one-hot answer t");

    [Fact]
    public void SoftmaxWithoutTheMaximum_SaysOverflow() =>
        Verdict.FailsWith(Check((y, t) => (y - t) / y.RowCount, Overflowing), "subtract each row's own maximum");

    [Fact]
    public void InPlaceY_IsFine_ButChangingTIsNot() =>
        Verdict.FailsWith(Check((y, t) =>
        {
            var dx = (y - t) / y.RowCount;
            t.Clear();
            return dx;
        }), "changed the scores x or the answers t");

    [Fact]
    public void Stub_IsNotDoneYet() => Verdict.NotDone(Exercise.SoftmaxWithLoss(() => new FakeLoss((_, _) => throw new NotImplementedException(), _ => throw new NotImplementedException())));

    // exp(x) / Σ exp(x) with no maximum subtracted: exp(1000) is ∞.
    private static Matrix<double> Overflowing(Matrix<double> x)
    {
        var e = x.PointwiseExp();
        return Matrix<double>.Build.Dense(x.RowCount, x.ColumnCount, (i, j) => e[i, j] / e.Row(i).Sum());
    }
}
