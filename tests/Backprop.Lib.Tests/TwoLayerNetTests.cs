using System;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class TwoLayerNetTests
{
    private static (Matrix<double> X, int[] T) Batch(int rows, int inputs, int classes, int seed)
    {
        var x = Check.RandomMatrix(rows, inputs, seed).Map(v => (v + 1) / 2);
        var random = new Random(seed);
        return (x, Enumerable.Range(0, rows).Select(_ => random.Next(classes)).ToArray());
    }

    private static double MeanAbsDifference(Matrix<double> a, Matrix<double> b) =>
        (a - b).Enumerate().Average(Math.Abs);

    [Theory]
    [InlineData(1e-7, 1e-6)]
    [InlineData(0.0, 1e-9)]
    public void Gradient_MatchesNumericalGradient_OnTheBooksGradientCheck(double delta, double tolerance)
    {
        var net = new TwoLayerNet(784, 50, 10, seed: 42) { Delta = delta };
        var (x, t) = Batch(3, 784, 10, seed: 43);

        var numerical = net.NumericalGradient(x, t);
        var backprop = net.Gradient(x, t);

        foreach (string key in new[] { "W1", "b1", "W2", "b2" })
        {
            double diff = MeanAbsDifference(numerical[key], backprop[key]);
            Assert.True(diff < tolerance, $"{key}: mean |numerical − backprop| = {diff:E3}");
        }
    }

    [Fact]
    public void Params_AreSharedWithTheLayers()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        var affine1 = (Affine)net.Layers["Affine1"];

        net.Params["W1"] -= 0.5 * net.Params["W1"];
        net.Params["b1"] -= Matrix<double>.Build.Dense(1, 3, 1.0);

        Assert.Same(net.Params["W1"], affine1.W);
        Assert.Equal(Matrix<double>.Build.Dense(1, 3, -1.0), affine1.B);
    }

    [Fact]
    public void Layers_AreInTheBooksOrder()
    {
        var net = new TwoLayerNet(4, 3, 2, seed: 1);
        Assert.Equal(["Affine1", "Relu1", "Affine2"], net.Layers.Keys);
        Assert.Contains("Affine1: Affine W 4×3", net.ToString());
    }

    [Fact]
    public void SameSeed_SameWeights()
    {
        Assert.Equal(new TwoLayerNet(5, 4, 3, seed: 7).Params["W1"], new TwoLayerNet(5, 4, 3, seed: 7).Params["W1"]);
        Assert.NotEqual(new TwoLayerNet(5, 4, 3, seed: 7).Params["W1"], new TwoLayerNet(5, 4, 3, seed: 8).Params["W1"]);
    }

    [Fact]
    public void Accuracy_OneHotAndIndexLabelsAgree()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 1, seed: 3);
        var (x, t) = Batch(20, 6, 3, seed: 4);
        var oneHot = Matrix<double>.Build.Dense(20, 3, (i, j) => j == t[i] ? 1.0 : 0.0);
        var predicted = net.Predict(x).EnumerateRows().Select(r => r.MaximumIndex()).ToArray();
        double expected = predicted.Zip(t).Count(p => p.First == p.Second) / 20.0;

        Assert.Equal(expected, net.Accuracy(x, t));
        Assert.Equal(expected, net.Accuracy(x, oneHot));
    }

    [Fact]
    public void ShapeMistakes_NameTheLayerAndBothShapes()
    {
        var net = new TwoLayerNet(784, 50, 10, seed: 1);

        var width = Assert.Throws<ArgumentException>(() => net.Loss(Matrix<double>.Build.Dense(2, 783), new[] { 1, 2 }));
        var labels = Assert.Throws<ArgumentException>(() => net.Loss(Matrix<double>.Build.Dense(2, 784), new[] { 1, 2, 3 }));
        var empty = Assert.Throws<ArgumentException>(() => net.Gradient(Matrix<double>.Build.Dense(0, 784), Array.Empty<int>()));

        Assert.Contains("Affine1.Forward: x is 2×783 but W is 784×50; x needs 784 columns", width.Message);
        Assert.Contains("SoftmaxWithLoss.Forward: t has 3 class indices but the scores are 2×10", labels.Message);
        Assert.Contains("Affine1.Forward: x is 0×784, a batch of zero rows", empty.Message);
    }

    [Fact]
    public void Predict_ALaterCallLeavesAnEarlierResultAsItWas()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 1, seed: 3);
        var (a, _) = Batch(4, 6, 3, seed: 4);
        var (b, _) = Batch(4, 6, 3, seed: 5);

        var y1 = net.Predict(a);
        var copy = y1.Clone();
        var y2 = net.Predict(b);

        Assert.Equal(copy, y1);
        Assert.NotEqual(y1, y2);
    }

    [Fact]
    public void Gradient_TwoCalls_GiveIndependentParameters()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 1, seed: 3);
        var (a, ta) = Batch(4, 6, 3, seed: 4);
        var (b, tb) = Batch(4, 6, 3, seed: 5);

        var first = net.Gradient(a, ta);
        var copies = first.Keys.ToDictionary(k => k, k => first[k].Clone());
        var second = net.Gradient(b, tb);

        Assert.NotSame(first, second);
        foreach (string key in first.Keys)
        {
            Assert.Equal(copies[key], first[key]);
            Assert.NotSame(first[key], second[key]);
        }
    }

    [Fact]
    public void NumericalGradient_RestoresTheWeights_AndChangesNoEarlierResult()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 1, seed: 3);
        var (x, t) = Batch(4, 6, 3, seed: 4);
        var weights = net.Params.Keys.ToDictionary(k => k, k => net.Params[k].Clone());
        var scores = net.Predict(x);
        var scoresCopy = scores.Clone();
        var grad = net.Gradient(x, t);
        var gradW1 = grad["W1"].Clone();

        var numerical = net.NumericalGradient(x, t);
        var numericalW1 = numerical["W1"].Clone();
        net.NumericalGradient(x, t);

        foreach (string key in weights.Keys)
        {
            Assert.Equal(weights[key], net.Params[key]);
        }
        Assert.Equal(scoresCopy, scores);
        Assert.Equal(gradW1, grad["W1"]);
        Assert.Equal(numericalW1, numerical["W1"]);
    }

    [Fact]
    public void Accuracy_IsArgmaxOfPredict()
    {
        var net = new TwoLayerNet(6, 5, 3, weightInitStd: 1, seed: 3);
        var (x, t) = Batch(50, 6, 3, seed: 6);
        int[] predicted = Functions.Argmax(net.Predict(x));

        Assert.Equal(predicted.Zip(t).Count(p => p.First == p.Second) / 50.0, net.Accuracy(x, t));
    }
}
