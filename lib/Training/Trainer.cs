using System;
using System.Diagnostics;
using System.Threading;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The book's mini-batch SGD loop, §5.7.4 (<c>train_neuralnet.py</c>).</summary>
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
        // The book's max(train_size / batch_size, 1), in whole iterations.
        int iterPerEpoch = Math.Max(trainSize / options.BatchSize, 1);
        var history = new TrainingHistory(options.Iterations);
        // x[batch_mask], t[batch_mask] are copied into batches made once for the whole run, from a row-major copy
        // of x (MathNet keeps columns, and a row gathered from them misses the cache 784 times), kept as bytes when
        // x is pixels.
        var samples = SampleRows.Of(xTrain);
        var xBatch = samples.NewBatch(options.BatchSize);
        var batchRows = new int[options.BatchSize];
        var tBatch = tTrain.Rows(batchRows);

        // One-hot labels are drawn like the images, from rows kept together: in the one-hot matrix a sample's ten
        // values lie 60,000 apart, and gathering them cost more than the whole batch of images.
        var labelRows = tTrain.OneHot is null ? null : SampleRows.Of(tTrain.OneHot);

        // Each batch is drawn one step early (the same draws, in the same order) and gathered by the second
        // core, between its halves of this step's products, into the other of two batches.
        var xNext = samples.NewBatch(options.BatchSize);
        var nextRows = new int[options.BatchSize];
        Draw(random, trainSize, nextRows);
        samples.GatherInBackground(nextRows, xNext);
        long start = Stopwatch.GetTimestamp(), evaluating = 0;

        try
        {
            for (int i = 0; i < options.Iterations; i++)
            {
                cancellationToken.ThrowIfCancellationRequested();

                (batchRows, nextRows) = (nextRows, batchRows);
                (xBatch, xNext) = (xNext, xBatch);
                samples.FinishGather();
                if (i + 1 < options.Iterations)
                {
                    Draw(random, trainSize, nextRows);
                    samples.GatherInBackground(nextRows, xNext);
                }

                if (labelRows is null)
                {
                    tTrain.CopyRowsTo(batchRows, tBatch);
                }
                else
                {
                    labelRows.Gather(batchRows, tBatch.OneHot!);
                }

                var grad = network.Gradient(xBatch, tBatch);
                foreach (string key in grad.Keys)
                {
                    // params[key] -= learning_rate * grad[key], in place: no temporary matrices per step.
                    DenseOps.SubtractScaled(network.Params[key], options.LearningRate, grad[key]);
                }

                double loss = network.Loss(xBatch, tBatch);
                if (double.IsNaN(loss) || double.IsInfinity(loss))
                {
                    throw new InvalidOperationException(
                        $"Training diverged at iteration {i}: the loss is {loss}. " +
                        $"The learning rate {options.LearningRate} is probably too high; try a lower one (e.g. {options.LearningRate / 10}).");
                }
                history.AddLoss(loss);

                if (i % iterPerEpoch == 0)
                {
                    long evaluation = Stopwatch.GetTimestamp();
                    var epoch = new EpochRecord(
                        history.Epochs.Count, i, network.Accuracy(xTrain, tTrain), network.Accuracy(xTest, tTest));
                    evaluating += Stopwatch.GetTimestamp() - evaluation;
                    history.AddEpoch(epoch);
                    progress?.Report(new TrainingProgress(i, options.Iterations, loss, epoch));
                }
            }
        }
        finally
        {
            // The second core may still be writing the next batch: never leave while it does.
            samples.FinishGather();
        }

        history.SetTimes(
            Stopwatch.GetElapsedTime(start) - Stopwatch.GetElapsedTime(0, evaluating), Stopwatch.GetElapsedTime(0, evaluating));
        return history;
    }

    // np.random.choice(train_size, batch_size): with replacement.
    internal static void Draw(Random random, int trainSize, int[] rows)
    {
        for (int k = 0; k < rows.Length; k++)
        {
            rows[k] = random.Next(trainSize);
        }
    }

    private static void Validate(Matrix<double> xTrain, Labels tTrain, Matrix<double> xTest, Labels tTest, TrainingOptions options)
    {
        Shape.RequireRows(xTrain, "Trainer.Train", nameof(xTrain));
        Shape.RequireRows(xTest, "Trainer.Train", nameof(xTest));
        if (tTrain.Count != xTrain.RowCount)
        {
            throw new ArgumentException($"Trainer.Train: xTrain is {Shape.Of(xTrain)} but tTrain has {tTrain.Count} rows; they must match.", nameof(tTrain));
        }
        if (tTest.Count != xTest.RowCount)
        {
            throw new ArgumentException($"Trainer.Train: xTest is {Shape.Of(xTest)} but tTest has {tTest.Count} rows; they must match.", nameof(tTest));
        }
        if (options.BatchSize <= 0 || options.Iterations < 0 || !(options.LearningRate > 0))
        {
            throw new ArgumentException(
                $"Trainer.Train: need BatchSize > 0, Iterations >= 0, LearningRate > 0; got {options.BatchSize}, {options.Iterations}, {options.LearningRate}.",
                nameof(options));
        }
    }
}
