using System;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class AffineTests
{
    [Fact]
    public void Forward_AddsTheBiasToEveryRow()
    {
        var xw = Check.M(new[,] { { 0.0, 0.0, 0.0 }, { 10.0, 10.0, 10.0 } });
        var identity = Matrix<double>.Build.DenseIdentity(3);
        var affine = new Affine(identity, Vector<double>.Build.DenseOfArray([1.0, 2.0, 3.0]));

        Assert.Equal(Check.M(new[,] { { 1.0, 2.0, 3.0 }, { 11.0, 12.0, 13.0 } }), affine.Forward(xw));
    }

    [Fact]
    public void Backward_BiasGradientIsTheColumnSums()
    {
        var affine = new Affine(Matrix<double>.Build.DenseIdentity(3), Matrix<double>.Build.Dense(1, 3));
        affine.Forward(Matrix<double>.Build.Dense(2, 3));

        affine.Backward(Check.M(new[,] { { 1.0, 2.0, 3.0 }, { 4.0, 5.0, 6.0 } }));

        Assert.Equal(Check.M(new[,] { { 5.0, 7.0, 9.0 } }), affine.DB);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        var (w, b, x, dout) = Operands();
        var affine = new Affine(w, b);
        double L(Matrix<double> _) => affine.Forward(x).PointwiseMultiply(dout).Enumerate().Sum();

        var dx = Check.NumericalInputGradient(affine, x, dout);
        var dw = Functions.NumericalGradient(L, w);
        var db = Functions.NumericalGradient(L, b);
        affine.Forward(x);

        Check.AssertClose(dx, affine.Backward(dout));
        Check.AssertClose(dw, affine.DW!);
        Check.AssertClose(db, affine.DB!);
    }

    [Fact]
    public void Results_AreTheCallers_ALaterCallChangesNoEarlierOne()
    {
        var (w, b, x, dout) = Operands();
        var affine = new Affine(w, b);
        var y1 = affine.Forward(x);
        var dx1 = affine.Backward(dout);
        var (y1Copy, dx1Copy, dw1, db1) = (y1.Clone(), dx1.Clone(), affine.DW!, affine.DB!);
        var (dw1Copy, db1Copy) = (dw1.Clone(), db1.Clone());

        affine.Forward(x * 2);
        affine.Backward(dout * 3);

        Assert.Equal(y1Copy, y1);
        Assert.Equal(dx1Copy, dx1);
        Assert.Equal(dw1Copy, dw1);
        Assert.Equal(db1Copy, db1);
        Assert.NotSame(dw1, affine.DW);
    }

    [Fact]
    public void Forward_WrongWidth_NamesLayerAndShapes()
    {
        var affine = new Affine(Matrix<double>.Build.Dense(784, 50), Matrix<double>.Build.Dense(1, 50), "Affine1");

        var error = Assert.Throws<ArgumentException>(() => affine.Forward(Matrix<double>.Build.Dense(2, 783)));

        Assert.Equal("Affine1.Forward: x is 2×783 but W is 784×50; x needs 784 columns. (Parameter 'x')", error.Message);
    }

    [Fact]
    public void Forward_ZeroRows_IsAnError()
    {
        var affine = new Affine(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(1, 2), "Affine2");
        var error = Assert.Throws<ArgumentException>(() => affine.Forward(Matrix<double>.Build.Dense(0, 4)));
        Assert.Contains("Affine2.Forward", error.Message);
        Assert.Contains("0×4", error.Message);
    }

    [Fact]
    public void Constructor_BiasOfWrongLength_NamesBothShapes()
    {
        var error = Assert.Throws<ArgumentException>(
            () => new Affine(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(1, 3), "Affine1"));
        Assert.Contains("1×3", error.Message);
        Assert.Contains("4×2", error.Message);
    }

    [Theory]
    [InlineData(3, 784, 50)]
    [InlineData(70, 13, 5)]
    [InlineData(1, 1, 1)]
    public void Forward_EqualsMathNetsProductPlusBias(int rows, int inputs, int outputs)
    {
        var w = Check.RandomMatrix(inputs, outputs, seed: 11);
        var b = Check.RandomMatrix(1, outputs, seed: 12);
        var x = Check.RandomMatrix(rows, inputs, seed: 13);

        var expected = x * w + Matrix<double>.Build.Dense(rows, 1, 1.0) * b;

        Check.AssertClose(expected, new Affine(w, b).Forward(x), 1e-14);
    }

    [Fact]
    public void Backward_WrongShape_NamesLayerAndShapes()
    {
        var affine = new Affine(Matrix<double>.Build.Dense(4, 2), Matrix<double>.Build.Dense(1, 2), "Affine2");
        affine.Forward(Matrix<double>.Build.Dense(3, 4));

        var error = Assert.Throws<ArgumentException>(() => affine.Backward(Matrix<double>.Build.Dense(3, 4)));

        Assert.Contains("Affine2.Backward: dout is 3×4 but the output was 3×2", error.Message);
    }

    // W 13×5, b 1×5, a batch of 7 and a dout for it.
    private static (Matrix<double> W, Matrix<double> B, Matrix<double> X, Matrix<double> Dout) Operands() =>
        (Check.RandomMatrix(13, 5, seed: 5), Check.RandomMatrix(1, 5, seed: 6), Check.RandomMatrix(7, 13, seed: 7), Check.RandomMatrix(7, 5, seed: 8));
}
