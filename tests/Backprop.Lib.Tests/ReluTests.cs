using System;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class ReluTests
{
    [Fact]
    public void Forward_MasksNonPositiveEntries()
    {
        var relu = new Relu();
        var y = relu.Forward(Check.M(new[,] { { 1.0, -0.5 }, { -2.0, 3.0 } }));

        Assert.Equal(new[,] { { false, true }, { true, false } }, relu.Mask);
        Assert.Equal(Check.M(new[,] { { 1.0, 0.0 }, { 0.0, 3.0 } }), y);
    }

    [Fact]
    public void Forward_OddShape_FollowsTheBooksMask_ForNaNAndSignedZeros()
    {
        // mask = (x <= 0): NaN is not <= 0 and passes through; -0 is, and becomes +0 (the book's out[mask] = 0).
        double[] specials = [double.NaN, -0.0, 0.0, -1.5, 2.5, double.NegativeInfinity, double.PositiveInfinity];
        var x = Matrix<double>.Build.Dense(7, 5, (i, j) => specials[(i + (2 * j)) % specials.Length]);
        var relu = new Relu();

        var y = relu.Forward(x);
        var dx = relu.Backward(Matrix<double>.Build.Dense(7, 5, 1.0));

        for (int i = 0; i < 7; i++)
        {
            for (int j = 0; j < 5; j++)
            {
                double v = x[i, j];
                bool off = v <= 0;
                Assert.Equal(off, relu.Mask![i, j]);
                Assert.Equal(BitConverter.DoubleToInt64Bits(off ? 0.0 : v), BitConverter.DoubleToInt64Bits(y[i, j]));
                Assert.Equal(off ? 0.0 : 1.0, dx[i, j]);
            }
        }
    }

    [Fact]
    public void MaskAndBackward_AcrossManyRows_FollowTheBooksMask()
    {
        // 131 rows: the mask's bits span three 64-bit words per column, with a tail past the last four.
        var x = Check.RandomMatrix(131, 3, seed: 12);
        var dout = Check.RandomMatrix(131, 3, seed: 13);
        var relu = new Relu();

        relu.Forward(x);
        var dx = relu.Backward(dout);

        for (int i = 0; i < 131; i++)
        {
            for (int j = 0; j < 3; j++)
            {
                Assert.Equal(x[i, j] <= 0, relu.Mask![i, j]);
                Assert.Equal(x[i, j] <= 0 ? 0.0 : dout[i, j], dx[i, j]);
            }
        }
    }

    [Fact]
    public void Backward_DoesNotModifyTheCallersDout()
    {
        var relu = new Relu();
        relu.Forward(Check.M(new[,] { { 1.0, -0.5 }, { -2.0, 3.0 } }));
        var dout = Check.M(new[,] { { 5.0, 6.0 }, { 7.0, 8.0 } });
        var before = dout.Clone();

        var dx = relu.Backward(dout);

        Assert.Equal(before, dout);
        Assert.Equal(Check.M(new[,] { { 5.0, 0.0 }, { 0.0, 8.0 } }), dx);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        // Keep inputs away from 0, where ReLU has no derivative.
        var x = Check.RandomMatrix(7, 13, seed: 1).Map(v => v + Math.Sign(v) * 0.1);
        var dout = Check.RandomMatrix(7, 13, seed: 2);
        var relu = new Relu();

        var numerical = Check.NumericalInputGradient(relu, x, dout);
        relu.Forward(x);

        Check.AssertClose(numerical, relu.Backward(dout));
    }

    [Fact]
    public void Backward_WrongShape_NamesLayerAndShapes()
    {
        var relu = new Relu("Relu1");
        relu.Forward(Matrix<double>.Build.Dense(2, 3, 1.0));

        var error = Assert.Throws<ArgumentException>(() => relu.Backward(Matrix<double>.Build.Dense(3, 2)));

        Assert.Contains("Relu1.Backward", error.Message);
        Assert.Contains("3×2", error.Message);
        Assert.Contains("2×3", error.Message);
    }

    [Fact]
    public void Forward_ZeroRows_IsAnError()
    {
        var error = Assert.Throws<ArgumentException>(() => new Relu("Relu1").Forward(Matrix<double>.Build.Dense(0, 3)));
        Assert.Contains("Relu1.Forward", error.Message);
        Assert.Contains("zero rows", error.Message);
    }
}
