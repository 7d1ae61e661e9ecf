using System;
using System.Threading;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

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
                throw new InvalidOperationException(
                    Pick($"Training diverged at iteration {i}: the loss is {loss}. The learning rate {options.LearningRate} is probably too high; try a lower one (e.g. {options.LearningRate / 10}).",
                        $"반복 {i}에서 학습이 발산했습니다: 손실이 {loss}입니다. 학습률({options.LearningRate})이 너무 큰 것 같습니다. 더 작은 값(예: {options.LearningRate / 10})으로 해 보세요."));
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
                throw new ArgumentException(Pick($"Trainer.Train: x{name} is {Shape.Of(x)} but t{name} has {t.Count} rows; they must match.",
                    $"Trainer.Train: x{name}의 모양은 {Shape.Of(x)}인데 t{name}의 행은 {t.Count}개입니다. 행 수가 같아야 합니다."), $"t{name}");
            }
        }
        if (options.BatchSize <= 0 || options.Iterations < 0 || !(options.LearningRate > 0))
        {
            throw new ArgumentException(
                Pick($"Trainer.Train: need BatchSize > 0, Iterations >= 0, LearningRate > 0; got {options.BatchSize}, {options.Iterations}, {options.LearningRate}.",
                    $"Trainer.Train: BatchSize > 0, Iterations >= 0, LearningRate > 0이어야 합니다. 받은 값: {options.BatchSize}, {options.Iterations}, {options.LearningRate}."),
                nameof(options));
        }
    }
}
