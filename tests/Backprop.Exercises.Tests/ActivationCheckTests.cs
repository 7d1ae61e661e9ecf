using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

public sealed class ActivationCheckTests
{
    private static Matrix<double> Mask(Matrix<double> x, Matrix<double> dout, Func<double, bool> through) =>
        x.Map2((v, d) => through(v) ? d : 0.0, dout);

    private static FakeLayer Relu(Func<Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>> backward) => new(Functions.Relu, backward);

    [Fact]
    public void Relu_TheBooksLayerPasses() => Verdict.Passes(Exercise.Relu(() => Relu((x, _, d) => Mask(x, d, v => v > 0))));

    [Fact]
    public void Relu_InvertedMask_SaysInverted() =>
        Verdict.FailsWith(Exercise.Relu(() => Relu((x, _, d) => Mask(x, d, v => v <= 0))), "the mask is inverted");

    [Fact]
    public void Relu_NoMask_LetsGradientThroughWhereXIsNotPositive() =>
        Verdict.FailsWith(Exercise.Relu(() => Relu((_, _, d) => d.Clone())), "lets gradient through where x ≤ 0");

    [Fact]
    public void Relu_MaskXLessThanZero_SaysZeroBlocksToo() =>
        Verdict.FailsWith(Exercise.Relu(() => Relu((x, _, d) => Mask(x, d, v => v >= 0))), "x = 0 blocks it too");

    [Fact]
    public void Relu_InPlaceDout_SaysCopyIt() =>
        Verdict.FailsWith(Exercise.Relu(() => Relu((x, _, d) =>
        {
            d.MapIndexedInplace((i, j, v) => x[i, j] > 0 ? v : 0.0);
            return d;
        })), "Backward changed dout itself");

    [Fact]
    public void Relu_ForwardIdentity_SaysSetToZero() =>
        Verdict.FailsWith(Exercise.Relu(() => new FakeLayer(x => x.Clone(), (x, _, d) => Mask(x, d, v => v > 0))), "sets every x ≤ 0 to 0");

    [Fact]
    public void Relu_Stub_IsNotDoneYet() =>
        Verdict.NotDone(Exercise.Relu(() => new FakeLayer(_ => throw new NotImplementedException(), (_, _, _) => throw new NotImplementedException())));

    [Fact]
    public void Relu_WrongShape_IsASentence() =>
        Verdict.FailsWith(Exercise.Relu(() => Relu((x, _, d) => Mask(x, d, v => v > 0).Transpose())), "has shape");

    private static FakeLayer Sigmoid(Func<Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>> backward) => new(Functions.Sigmoid, backward);

    [Fact]
    public void Sigmoid_TheBooksLayerPasses() =>
        Verdict.Passes(Exercise.Sigmoid(() => Sigmoid((_, y, d) => d.PointwiseMultiply(y.Map(v => (1 - v) * v)))));

    [Fact]
    public void Sigmoid_AnyCorrectFormulaPasses() =>
        Verdict.Passes(Exercise.Sigmoid(() => Sigmoid((x, _, d) => d.PointwiseMultiply(x.Map(v => 1 / (1 + Math.Exp(-v))).Map(s => s - s * s)))));

    [Fact]
    public void Sigmoid_UsingX_SaysTheLayerKeptY() =>
        Verdict.FailsWith(Exercise.Sigmoid(() => Sigmoid((x, _, d) => d.PointwiseMultiply(x.Map(v => (1 - v) * v)))), "your Sigmoid backward uses x; the layer only kept y");

    [Fact]
    public void Sigmoid_WithoutDout_SaysMultiply() =>
        Verdict.FailsWith(Exercise.Sigmoid(() => Sigmoid((_, y, _) => y.Map(v => (1 - v) * v))), "dx ignores dout");

    [Fact]
    public void Sigmoid_OneFactor_SaysBothFactors() =>
        Verdict.FailsWith(Exercise.Sigmoid(() => Sigmoid((_, y, d) => d.PointwiseMultiply(y))), "both factors");

    [Fact]
    public void Sigmoid_OverflowingForward_SaysExpOverflows() =>
        Verdict.FailsWith(Exercise.Sigmoid(() => new FakeLayer(x => x.Map(v => Math.Exp(v) / (1 + Math.Exp(v))), (_, y, d) => d.PointwiseMultiply(y.Map(v => (1 - v) * v)))), "overflows");

    [Fact]
    public void Sigmoid_InPlaceDout_SaysCopyIt() =>
        Verdict.FailsWith(Exercise.Sigmoid(() => Sigmoid((_, y, d) =>
        {
            d.MapIndexedInplace((i, j, v) => v * (1 - y[i, j]) * y[i, j]);
            return d;
        })), "Backward changed dout itself");

    [Fact]
    public void Reused_ALayerThatKeepsTheFirstForward_Fails()
    {
        Verdict.Passes(Exercise.Reused("Relu", () => Relu((x, _, d) => Mask(x, d, v => v > 0)), () => new Relu()));
        Verdict.FailsWith(Exercise.Reused("Relu", KeepsFirst, () => new Relu()), "still works from the first batch");
    }

    // A layer whose mask is made by its first Forward only.
    private static FakeLayer KeepsFirst()
    {
        Matrix<double>? first = null;
        return new FakeLayer(x => Functions.Relu(x), (_, _, d) => Mask(first!.SubMatrix(0, d.RowCount, 0, d.ColumnCount), d, v => v > 0))
        {
            Seen = x => first ??= x.Clone(),
        };
    }
}
