using System;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class SoftmaxWithLossTests
{
    private static readonly Matrix<double> T = Check.M(new[,] { { 0.0, 1.0, 0.0 } });

    // The layer's backward from a chosen softmax output y: the scores log(y) give exactly that softmax.
    private static Matrix<double> Gradient(Matrix<double> y, Labels t)
    {
        var layer = new SoftmaxWithLoss();
        layer.Forward(y.Map(v => Math.Log(v)), t);
        return layer.Backward();
    }

    [Fact]
    public void Gradient_IsYMinusT_ForTheBooksExamples()
    {
        var wrong = Gradient(Check.M(new[,] { { 0.3, 0.2, 0.5 } }), T);
        var right = Gradient(Check.M(new[,] { { 0.01, 0.99, 0.0 } }), T);

        Check.AssertClose(Check.M(new[,] { { 0.3, -0.8, 0.5 } }), wrong, 1e-15);
        Check.AssertClose(Check.M(new[,] { { 0.01, -0.01, 0.0 } }), right, 1e-15);
    }

    [Fact]
    public void Gradient_IsDividedByTheBatchSize()
    {
        var y = Check.M(new[,] { { 0.3, 0.2, 0.5 }, { 0.3, 0.2, 0.5 } });
        var dx = Gradient(y, new[] { 1, 1 });
        Check.AssertClose(Check.M(new[,] { { 0.15, -0.4, 0.25 }, { 0.15, -0.4, 0.25 } }), dx, 1e-15);
    }

    [Fact]
    public void Backward_MatchesNumericalGradient_OneHotAndIndexLabels()
    {
        var x = Check.RandomMatrix(7, 13, seed: 9, scale: 3);
        int[] indices = Enumerable.Range(0, 7).Select(i => (i * 5) % 13).ToArray();
        var oneHot = Matrix<double>.Build.Dense(7, 13, (i, j) => j == indices[i] ? 1.0 : 0.0);

        foreach (Labels t in new Labels[] { oneHot, indices })
        {
            var layer = new SoftmaxWithLoss { Delta = 0 };
            var numerical = Functions.NumericalGradient(v => layer.Forward(v, t), x);
            layer.Forward(x, t);
            Check.AssertClose(numerical, layer.Backward());
        }
    }

    [Fact]
    public void Forward_OneHotAndIndexLabels_GiveTheSameLoss()
    {
        var x = Check.RandomMatrix(4, 3, seed: 10);
        var oneHot = Check.M(new[,] { { 1.0, 0, 0 }, { 0, 0, 1.0 }, { 0, 1.0, 0 }, { 1.0, 0, 0 } });
        double a = new SoftmaxWithLoss().Forward(x, oneHot);
        double b = new SoftmaxWithLoss().Forward(x, new[] { 0, 2, 1, 0 });
        Assert.Equal(a, b, 1e-15);
    }

    [Fact]
    public void Forward_WrongLabels_NameLayerAndShapes()
    {
        var x = Matrix<double>.Build.Dense(2, 10);
        var layer = new SoftmaxWithLoss();

        var shape = Assert.Throws<ArgumentException>(() => layer.Forward(x, Matrix<double>.Build.Dense(2, 9)));
        var length = Assert.Throws<ArgumentException>(() => layer.Forward(x, new[] { 1, 2, 3 }));
        var range = Assert.Throws<ArgumentException>(() => layer.Forward(x, new[] { 1, 10 }));

        Assert.Contains("SoftmaxWithLoss.Forward: t is 2×9 but the scores are 2×10", shape.Message);
        Assert.Contains("t has 3 class indices but the scores are 2×10", length.Message);
        Assert.Contains("t[1] = 10", range.Message);
    }
}
