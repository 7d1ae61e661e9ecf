using System;
using System.Collections.Generic;
using System.Linq;
using System.Threading;
using Backprop;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class TrainerTests
{
    /// <summary>Four Gaussian blobs at (±2, ±2) in an XOR pattern: no straight line separates the classes.</summary>
    private static (Matrix<double> X, int[] T) XorBlobs(int count, int seed)
    {
        var random = new Random(seed);
        var normal = new Normal(0, 0.5, random);
        var x = Matrix<double>.Build.Dense(count, 2);
        var t = new int[count];
        for (int i = 0; i < count; i++)
        {
            double cx = random.Next(2) == 0 ? -2 : 2, cy = random.Next(2) == 0 ? -2 : 2;
            x[i, 0] = cx + normal.Sample();
            x[i, 1] = cy + normal.Sample();
            t[i] = cx * cy > 0 ? 1 : 0;
        }
        return (x, t);
    }

    private static TrainingHistory TrainXor(int seed, IProgress<TrainingProgress>? progress = null)
    {
        var (xTrain, tTrain) = XorBlobs(1000, seed: 1);
        var (xTest, tTest) = XorBlobs(400, seed: 2);
        var net = new TwoLayerNet(2, 16, 2, weightInitStd: 0.5, seed: seed);
        var options = new TrainingOptions { Iterations = 600, BatchSize = 50, LearningRate = 0.1, Seed = seed };
        return Trainer.Train(net, xTrain, tTrain, xTest, tTest, options, progress);
    }

    [Fact]
    public void Train_OnXorBlobs_ReachesHighAccuracy()
    {
        var history = TrainXor(seed: 5);

        Assert.Equal(600, history.Losses.Count);
        Assert.Equal(Enumerable.Range(0, 30).Select(e => e * 20), history.Epochs.Select(e => e.Iteration));
        Assert.True(history.Epochs[^1].TestAccuracy >= 0.95, history.ToString());
        Assert.True(history.Epochs[^1].TrainAccuracy >= 0.95, history.ToString());
        Assert.True(history.Losses.Skip(500).Average() < history.Losses.Take(20).Average() / 4);
    }

    [Fact]
    public void Train_SameSeed_SameHistory()
    {
        var a = TrainXor(seed: 9);
        var b = TrainXor(seed: 9);
        var c = TrainXor(seed: 10);

        Assert.Equal(a.Losses, b.Losses);
        Assert.Equal(a.Epochs, b.Epochs);
        Assert.NotEqual(a.Losses, c.Losses);
    }

    [Theory]
    [InlineData(2, 25, false)] // small batches, class-index labels
    [InlineData(300, 60, true)] // pixel-like batches, one-hot labels
    public void Train_IsLessonSixsLoop_BitForBit(int features, int batchSize, bool oneHot)
    {
        var random = new Random(1);
        var x = Matrix<double>.Build.Dense(300, features, (_, _) => random.Next(256) / 255.0);
        int[] classes = Enumerable.Range(0, 300).Select(i => (int)(x[i, 0] * 2.999)).ToArray();
        Labels t = oneHot ? Matrix<double>.Build.Dense(300, 3, (i, j) => classes[i] == j ? 1 : 0) : classes;
        var options = new TrainingOptions { Iterations = 40, BatchSize = batchSize, LearningRate = 0.1, Seed = 3 };
        var trained = new TwoLayerNet(features, 8, 3, weightInitStd: 0.5, seed: 4);
        var history = Trainer.Train(trained, x, t, x, t, options);

        // The loop as lesson 6 writes it out (train_neuralnet.py).
        var network = new TwoLayerNet(features, 8, 3, weightInitStd: 0.5, seed: 4);
        var draws = new Random(3);
        var trainLossList = new List<double>();
        for (int i = 0; i < options.Iterations; i++)
        {
            int[] batchMask = draws.Choice(x.RowCount, options.BatchSize);
            var xBatch = x.Rows(batchMask);
            var tBatch = t.Rows(batchMask);
            var grad = network.Gradient(xBatch, tBatch);
            foreach (string key in grad.Keys)
            {
                network.Params[key] -= options.LearningRate * grad[key];
            }

            trainLossList.Add(network.Loss(xBatch, tBatch));
        }

        Assert.Equal(trainLossList, history.Losses);
        foreach (string key in network.Params.Keys)
        {
            Assert.Equal(network.Params[key].ToColumnMajorArray(), trained.Params[key].ToColumnMajorArray());
        }
    }

    [Fact]
    public void Train_ReportsProgressOncePerEpoch()
    {
        var reports = new List<TrainingProgress>();
        var history = TrainXor(seed: 5, new SynchronousProgress(reports.Add));

        Assert.Equal(history.Epochs, reports.Select(r => r.Epoch));
        Assert.All(reports, r => Assert.Equal(600, r.Iterations));
    }

    [Fact]
    public void Train_HugeLearningRate_StopsWithAClearMessage()
    {
        var (x, t) = XorBlobs(200, seed: 3);
        var net = new TwoLayerNet(2, 16, 2, weightInitStd: 1, seed: 3);
        var options = new TrainingOptions { Iterations = 1000, BatchSize = 20, LearningRate = 1e12, Seed = 3 };

        var error = Assert.Throws<InvalidOperationException>(() => Trainer.Train(net, x, t, x, t, options));

        Assert.Contains("diverged", error.Message);
        Assert.Contains("lower", error.Message);
        Assert.Contains("learning rate", error.Message);
    }

    [Fact]
    public void Train_Cancelled_Throws()
    {
        var (x, t) = XorBlobs(200, seed: 3);
        var net = new TwoLayerNet(2, 16, 2, seed: 3);
        using var cancel = new CancellationTokenSource();
        var progress = new SynchronousProgress(_ => cancel.Cancel());
        var options = new TrainingOptions { Iterations = 100000, BatchSize = 20, Seed = 3 };

        Assert.Throws<OperationCanceledException>(() => Trainer.Train(net, x, t, x, t, options, progress, cancel.Token));
    }

    [Fact]
    public void Train_LabelsOfWrongLength_NameBothShapes()
    {
        var (x, t) = XorBlobs(200, seed: 3);
        var net = new TwoLayerNet(2, 16, 2, seed: 3);
        var error = Assert.Throws<ArgumentException>(() => Trainer.Train(net, x, t[..199], x, t));
        Assert.Contains("xTrain is 200×2 but tTrain has 199 rows", error.Message);
    }

    /// <summary>Progress&lt;T&gt; posts to the thread pool; tests need the report before the next iteration.</summary>
    private sealed class SynchronousProgress(Action<TrainingProgress> report) : IProgress<TrainingProgress>
    {
        public void Report(TrainingProgress value) => report(value);
    }
}
