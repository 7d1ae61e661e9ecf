using System;
using Backprop;

namespace Backprop.Lib.Tests;

public class SigmoidTests
{
    [Fact]
    public void Forward_IsTheLogisticFunction()
    {
        var y = new Sigmoid().Forward(Check.M(new[,] { { 0.0, 2.0 } }));
        Assert.Equal(0.5, y[0, 0]);
        Assert.Equal(1 / (1 + Math.Exp(-2)), y[0, 1], 1e-15);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient()
    {
        var x = Check.RandomMatrix(7, 13, seed: 3, scale: 4);
        var dout = Check.RandomMatrix(7, 13, seed: 4);
        var sigmoid = new Sigmoid();

        var numerical = Check.NumericalInputGradient(sigmoid, x, dout);
        sigmoid.Forward(x);

        Check.AssertClose(numerical, sigmoid.Backward(dout));
    }

    [Fact]
    public void Backward_BeforeForward_SaysSo()
    {
        var error = Assert.Throws<InvalidOperationException>(() => new Sigmoid().Backward(Check.M(new[,] { { 1.0 } })));
        Assert.Contains("Forward", error.Message);
    }

    [Fact]
    public void Backward_WrongShape_NamesLayerAndShapes()
    {
        var sigmoid = new Sigmoid("Sigmoid1");
        sigmoid.Forward(Check.M(new[,] { { 1.0, 2.0 } }));

        var error = Assert.Throws<ArgumentException>(() => sigmoid.Backward(Check.M(new[,] { { 1.0 }, { 2.0 } })));

        Assert.Contains("Sigmoid1.Backward: dout is 2×1 but the forward output is 1×2", error.Message);
    }
}
