using System;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The book's mini-batch SGD loop, §5.7.4 (<c>train_neuralnet.py</c>), with progress and a history.</summary>
/// <remarks>Line for line the loop lesson 6 writes out; the same seed gives the same weights.</remarks>
public static class Trainer
{
    public static TrainingHistory Train(
        TwoLayerNet network,
        Matrix<double> xTrain,
        Labels tTrain,
        Matrix<double> xTest,
        Labels tTest,
        TrainingOptions? options = null,
        IProgress<TrainingProgress>? progress = null,
        CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(network);
        ArgumentNullException.ThrowIfNull(tTrain);
        ArgumentNullException.ThrowIfNull(tTest);
        options ??= new TrainingOptions();
        Validate(xTrain, tTrain, xTest, tTest, options);

        var random = options.Seed is int seed ? new Random(seed) : new Random();
        int trainSize = xTrain.RowCount;
        int iterPerEpoch = Math.Max(trainSize / options.BatchSize, 1);
        var history = new TrainingHistory();

        for (int i = 0; i < options.Iterations; i++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            int[] batchMask = random.Choice(trainSize, options.BatchSize);
            var xBatch = xTrain.Rows(batchMask);
            var tBatch = tTrain.Rows(batchMask);

            var grad = network.Gradient(xBatch, tBatch);
            foreach (string key in grad.Keys)
            {
                network.Params[key] -= options.LearningRate * grad[key];
            }

            double loss = network.Loss(xBatch, tBatch);
            if (!double.IsFinite(loss))
            {
                throw new InvalidOperationException(Messages.Diverged(i, loss, options.LearningRate));
            }
            history.AddLoss(loss);

            if (i % iterPerEpoch == 0)
            {
                var epoch = new EpochRecord(
                    history.Epochs.Count, i, network.Accuracy(xTrain, tTrain), network.Accuracy(xTest, tTest));
                history.AddEpoch(epoch);
                progress?.Report(new TrainingProgress(i, options.Iterations, loss, epoch));
            }
        }

        return history;
    }

    private static void Validate(Matrix<double> xTrain, Labels tTrain, Matrix<double> xTest, Labels tTest, TrainingOptions options)
    {
        Shape.RequireRows(xTrain, "Trainer.Train", nameof(xTrain));
        Shape.RequireRows(xTest, "Trainer.Train", nameof(xTest));
        foreach (var (x, t, name) in new[] { (xTrain, tTrain, "Train"), (xTest, tTest, "Test") })
        {
            if (t.Count != x.RowCount)
            {
                throw new ArgumentException(Messages.LabelRows(name, x, t.Count), $"t{name}");
            }
        }
        if (options.BatchSize <= 0 || options.Iterations < 0 || !(options.LearningRate > 0))
        {
            throw new ArgumentException(Messages.TrainingOptions(options), nameof(options));
        }
    }
}
