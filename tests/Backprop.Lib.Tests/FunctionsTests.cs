using System;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class FunctionsTests
{
    [Fact]
    public void Softmax_SubtractsEachRowsOwnMaximum()
    {
        // A global maximum (2000) would underflow every exp of the first row to 0 and give NaN.
        var x = Check.M(new[,] { { 0.3, 2.9, 4.0 }, { 2000.3, 2002.9, 2004.0 }, { -1000.3, -997.7, -996.6 } });

        var y = Functions.Softmax(x);

        Assert.DoesNotContain(y.Enumerate(), double.IsNaN);
        var expected = Functions.Softmax(Vector<double>.Build.DenseOfArray([0.3, 2.9, 4.0]));
        for (int i = 0; i < 3; i++)
        {
            Check.AssertClose(expected.ToRowMatrix(), y.Row(i).ToRowMatrix(), 1e-12);
            Assert.Equal(1.0, y.Row(i).Sum(), 1e-15);
        }
    }

    [Fact]
    public void Softmax_OfTheBooksExample()
    {
        var y = Functions.Softmax(Vector<double>.Build.DenseOfArray([0.3, 2.9, 4.0]));
        double[] e = [Math.Exp(0.3), Math.Exp(2.9), Math.Exp(4.0)];
        Assert.Equal(e.Select(v => v / e.Sum()), y.ToArray(), (a, b) => Math.Abs(a - b) < 1e-15);
    }

    [Fact]
    public void CrossEntropyError_UsesTheGuard_AndZeroGuardGivesInfinity()
    {
        var y = Check.M(new[,] { { 0.0, 1.0 } });
        Assert.Equal(-Math.Log(1e-7), Functions.CrossEntropyError(y, new[] { 0 }), 1e-12);
        Assert.Equal(double.PositiveInfinity, Functions.CrossEntropyError(y, new[] { 0 }, delta: 0));
        Assert.Equal(-Math.Log(0.6), Functions.CrossEntropyError(Check.M(new[,] { { 0.4, 0.6 } }), new[] { 1 }, 0), 1e-15);
    }

    [Fact]
    public void NumericalGradient_OfSumOfSquares_Is2x_AndRestoresX()
    {
        var x = Check.M(new[,] { { 3.0, 4.0 }, { -1.5, 0.1 } });
        var before = x.Clone();

        var grad = Functions.NumericalGradient(v => v.Enumerate().Sum(a => a * a), x);

        Check.AssertClose(2 * x, grad, 1e-9);
        Assert.Equal(before, x);
    }

    [Fact]
    public void ReluAndSigmoid_Elementwise()
    {
        var x = Check.M(new[,] { { -1.0, 0.0, 2.0 } });
        Assert.Equal(Check.M(new[,] { { 0.0, 0.0, 2.0 } }), Functions.Relu(x));
        Assert.Equal(0.5, Functions.Sigmoid(x)[0, 1]);
    }
}
