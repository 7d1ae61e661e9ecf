using System;
using System.Linq;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

// Alone, after the parallel tests: LastUndecided and Enabled are process-wide.
[Collection(ProviderSwapCollection.Name)]
public class ScreenedArgmaxTests
{
    [Fact]
    public void Accuracy_OnTrainedNetwork_SameAsTheDoublePass_MostRowsScreened()
    {
        var (train, test) = Mnist.Load(normalize: true, oneHotLabel: false, MnistSource.Sample);
        var network = new TwoLayerNet(784, 50, 10, seed: 5);
        Trainer.Train(network, train.Images, train.Labels, test.Images, test.Labels, new TrainingOptions { Iterations = 300, Seed = 5 });

        int[] expected = DenseOps.ArgmaxRows(network.Predict(train.Images));
        int[]? screened = Classify(network, train.Images);

        AssertSameClasses(expected, screened);
        if (SingleTile.IsSupported)
        {
            Assert.InRange(ScreenedArgmax.LastUndecided, 1, train.Images.RowCount / 20); // a few rows are close calls, not many
        }

        double right = expected.Zip(train.Labels.Indices!).Count(p => p.First == p.Second) / (double)expected.Length;
        Assert.Equal(right, network.Accuracy(train.Images, train.Labels));
    }

    [Theory]
    [InlineData(1031, 47, 53, 7)] // rows past a block of 64, k inside one block, a padded six-wide panel
    [InlineData(1088, 600, 50, 10)] // k over three blocks, five-wide panels
    [InlineData(2049, 257, 48, 3)] // k one past a block, six-wide panels exactly
    [InlineData(1500, 31, 1, 1)] // one hidden unit, one class
    public void OddShapes_SameClassesAsTheDoublePass(int rows, int inputs, int hidden, int classes)
    {
        var network = new TwoLayerNet(inputs, hidden, classes, weightInitStd: 0.3, seed: rows);
        var random = new Random(inputs);
        var x = Matrix<double>.Build.Dense(rows, inputs, (_, _) => random.NextDouble() < 0.4 ? 0 : random.NextDouble());
        network.Params["b1"].MapInplace(_ => random.NextDouble() - 0.5);
        network.Params["b2"].MapInplace(_ => random.NextDouble() - 0.5);

        AssertSameClasses(DenseOps.ArgmaxRows(network.Predict(x)), Classify(network, x));
    }

    [Fact]
    public void ExactTies_AreLeftToTheDoublePass_WhichPicksTheFirst()
    {
        // Classes 2 and 5 have the same weights and bias: their scores are equal in any evaluation, and argmax
        // takes the first. No float bound can separate them, so every row where they lead must go to the double pass.
        var network = new TwoLayerNet(30, 12, 6, weightInitStd: 0.5, seed: 2);
        GiveSameWeights(network, 2, 5, firstBias: 3, secondBias: 3);
        var random = new Random(9);
        var x = Matrix<double>.Build.Dense(2000, 30, (_, _) => random.NextDouble());

        int[] expected = DenseOps.ArgmaxRows(network.Predict(x));
        int[]? screened = Classify(network, x);

        Assert.Contains(2, expected);
        Assert.DoesNotContain(5, expected);
        AssertSameClasses(expected, screened);
        if (SingleTile.IsSupported)
        {
            Assert.True(ScreenedArgmax.LastUndecided >= expected.Count(c => c == 2), $"{ScreenedArgmax.LastUndecided} rows undecided");
        }
    }

    [Fact]
    public void NearTies_AreLeftToTheDoublePass()
    {
        // Scores a hair apart (1e-9, far below single precision): only the double pass can tell them apart.
        var network = new TwoLayerNet(20, 8, 4, weightInitStd: 0.5, seed: 4);
        GiveSameWeights(network, 1, 3, firstBias: 5, secondBias: 5 + 1e-9);
        var random = new Random(4);
        var x = Matrix<double>.Build.Dense(1200, 20, (_, _) => random.NextDouble());

        int[] expected = DenseOps.ArgmaxRows(network.Predict(x));
        Assert.Contains(3, expected);
        AssertSameClasses(expected, Classify(network, x));
    }

    [Fact]
    public void RowsWithNonFiniteOrExtremeValues_GetTheDoublePassAnswer()
    {
        var network = new TwoLayerNet(40, 10, 5, weightInitStd: 0.5, seed: 6);
        var random = new Random(6);
        var x = Matrix<double>.Build.Dense(1100, 40, (_, _) => random.NextDouble());
        x[3, 7] = double.NaN;
        x[70, 0] = double.PositiveInfinity;
        x[200, 39] = double.NegativeInfinity;
        x[301, 5] = 1e39; // beyond single precision: infinite as a float
        x[302, 6] = -1e200;
        x[400, 1] = 1e-42; // subnormal as a float
        x.SetRow(500, Enumerable.Repeat(1e-300, 40).ToArray()); // zero as a float
        x.SetRow(501, new double[40]);

        AssertSameClasses(DenseOps.ArgmaxRows(network.Predict(x)), Classify(network, x));
    }

    [Fact]
    public void WeightsNotFinite_OrFewRows_LeaveEverythingToTheDoublePass()
    {
        var network = new TwoLayerNet(10, 6, 3, seed: 1);
        var random = new Random(1);
        var many = Matrix<double>.Build.Dense(ScreenedArgmax.MinRows, 10, (_, _) => random.NextDouble());
        var few = many.SubMatrix(0, ScreenedArgmax.MinRows - 1, 0, 10);

        Assert.Equal(SingleTile.IsSupported, Classify(network, many) is not null);
        Assert.Null(Classify(network, few));
        network.Params["W2"][0, 0] = double.NaN;
        Assert.Null(Classify(network, many));
        Assert.Equal(DenseOps.ArgmaxRows(network.Predict(many)).Count(c => c == 0) / (double)many.RowCount,
            network.Accuracy(many, new int[many.RowCount]));
    }

    // Class `second` gets class `first`'s weights into the output layer, and each its own bias.
    private static void GiveSameWeights(TwoLayerNet network, int first, int second, double firstBias, double secondBias)
    {
        var w2 = network.Params["W2"];
        w2.SetColumn(second, w2.Column(first));
        network.Params["b2"][0, first] = firstBias;
        network.Params["b2"][0, second] = secondBias;
    }

    private static int[]? Classify(TwoLayerNet network, Matrix<double> x)
    {
        var first = (Affine)network.Layers["Affine1"];
        var second = (Affine)network.Layers["Affine2"];
        return ScreenedArgmax.TryClassify(x, first.W, first.B, second.W, second.B, network.Predict);
    }

    private static void AssertSameClasses(int[] expected, int[]? screened)
    {
        Assert.Equal(SingleTile.IsSupported, screened is not null);
        if (screened is null)
        {
            return;
        }

        int[] wrong = Enumerable.Range(0, expected.Length).Where(i => expected[i] != screened[i]).Take(5).ToArray();
        Assert.True(wrong.Length == 0, $"rows {string.Join(", ", wrong)}: the screen said {string.Join(", ", wrong.Select(i => screened[i]))}, the double pass {string.Join(", ", wrong.Select(i => expected[i]))}");
    }
}
