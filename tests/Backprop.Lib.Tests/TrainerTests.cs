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
    [InlineData(2, 25, false)] // small batches, gathered on one core, class-index labels
    [InlineData(300, 60, true)] // pixel-like batches big enough for the second core to gather in the background, one-hot labels
    public void Train_IsTheBooksLoop_StepForStep(int features, int batchSize, bool oneHot)
    {
        // The trainer draws each batch a step early (to gather it while the step before computes): the same draws
        // in the same order, so the very same losses as the book's loop written out here.
        var random = new Random(1);
        var x = Matrix<double>.Build.Dense(300, features, (_, _) => random.Next(256) / 255.0);
        int[] classes = Enumerable.Range(0, 300).Select(i => (int)(x[i, 0] * 2.999)).ToArray();
        Labels t = oneHot ? Matrix<double>.Build.Dense(300, 3, (i, j) => classes[i] == j ? 1 : 0) : classes;
        var options = new TrainingOptions { Iterations = 40, BatchSize = batchSize, LearningRate = 0.1, Seed = 3 };
        var history = Trainer.Train(new TwoLayerNet(features, 8, 3, weightInitStd: 0.5, seed: 4), x, t, x, t, options);

        var network = new TwoLayerNet(features, 8, 3, weightInitStd: 0.5, seed: 4);
        var draws = new Random(3);
        var losses = new List<double>();
        for (int i = 0; i < options.Iterations; i++)
        {
            int[] batch = Enumerable.Range(0, options.BatchSize).Select(_ => draws.Next(x.RowCount)).ToArray();
            var xBatch = Matrix<double>.Build.Dense(batch.Length, features, (r, j) => x[batch[r], j]);
            var tBatch = t.Rows(batch);
            var grad = network.Gradient(xBatch, tBatch);
            foreach (string key in grad.Keys)
            {
                network.Params[key] -= options.LearningRate * grad[key];
            }

            losses.Add(network.Loss(xBatch, tBatch));
        }

        Assert.Equal(losses, history.Losses);
    }

    [Fact]
    public void Train_AllocatesNothingPerIteration_ButTheLossItRecords()
    {
        // 40,000 rows in batches of 10: one evaluation (at iteration 0) in both runs, so the difference is the iterations.
        var random = new Random(2);
        var x = Matrix<double>.Build.Dense(40_000, 20, (_, _) => random.NextDouble());
        int[] t = Enumerable.Range(0, 40_000).Select(i => i % 3).ToArray();
        long Allocated(int iterations)
        {
            var network = new TwoLayerNet(20, 8, 3, seed: 1);
            var options = new TrainingOptions { Iterations = iterations, BatchSize = 10, Seed = 1 };
            long before = GC.GetAllocatedBytesForCurrentThread();
            Trainer.Train(network, x, t, x, t, options);
            return GC.GetAllocatedBytesForCurrentThread() - before;
        }

        // Setting up a run (Parallel.For copying x) allocates a few KB more or less from one run to the next; a
        // thousand iterations more may add only their losses' 8 KB, within that: a single 24-byte object per
        // iteration would add 24 KB.
        const int Slack = 8192;
        Allocated(200);
        long extra = Allocated(1200) - Allocated(200);

        Assert.InRange(extra, (1000 * sizeof(double)) - Slack, (1000 * sizeof(double)) + Slack);
    }

    [Fact]
    public void Train_RecordsTheTimeOfTheStepsAndOfTheEvaluationsApart()
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        var history = TrainXor(seed: 5);
        var wall = clock.Elapsed;

        Assert.True(history.StepTime > TimeSpan.Zero, history.StepTime.ToString());
        Assert.True(history.EvaluationTime > TimeSpan.Zero, history.EvaluationTime.ToString());
        Assert.True(history.StepTime + history.EvaluationTime <= wall, $"{history.StepTime} + {history.EvaluationTime} > {wall}");
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
