using System;
using System.Collections.Generic;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class ParametersTests
{
    [Fact]
    public void MinusEquals_UpdatesTheSharedMatrixInPlace()
    {
        var w = Check.M(new[,] { { 1.0, 2.0 } });
        var parameters = new Parameters { { "W", w } };

        parameters["W"] -= 0.5 * Check.M(new[,] { { 2.0, 2.0 } });

        Assert.Same(w, parameters["W"]);
        Assert.Equal(Check.M(new[,] { { 0.0, 1.0 } }), w);
    }

    [Fact]
    public void Set_WithAnotherShape_NamesBothShapes()
    {
        var parameters = new Parameters { { "b1", Matrix<double>.Build.Dense(1, 50) } };
        var error = Assert.Throws<ArgumentException>(() => parameters["b1"] = Matrix<double>.Build.Dense(50, 1));
        Assert.Contains("50×1", error.Message);
        Assert.Contains("1×50", error.Message);
    }

    [Fact]
    public void UnknownKey_ListsTheKnownOnes()
    {
        var parameters = new Parameters { { "W1", Matrix<double>.Build.Dense(1, 1) } };
        var error = Assert.Throws<KeyNotFoundException>(() => parameters["w1"]);
        Assert.Contains("W1", error.Message);
    }
}
