using System;
using System.Diagnostics;
using System.Linq;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>The book's train_neuralnet.py through the library (TwoLayerNet + Trainer), timed.</summary>
internal static class FullRun
{
    /// <summary>Flops of one book iteration (gradient, whose dx of Affine1 nobody uses, plus the extra loss) and one full evaluation.</summary>
    public static double IterationFlops(int batch) => 2.0 * batch * ((784 * 50 * 4) + (50 * 10 * 4));

    public static double EvaluationFlops(int rows) => 2.0 * rows * ((784 * 50) + (50 * 10));

    public static RunResult Run(IdxData data, int iterations, int seed)
    {
        var options = new TrainingOptions { Iterations = iterations, Seed = seed };
        var network = new TwoLayerNet(784, 50, 10, seed: seed);
        long start = Stopwatch.GetTimestamp();
        var history = Trainer.Train(network, data.XTrain, data.TTrain, data.XTest, data.TTest, options);
        double full = Stopwatch.GetElapsedTime(start).TotalSeconds;

        // Phases, timed apart on the trained network: the book's step (gradient + update + loss) and one evaluation.
        int steps = Math.Min(iterations, 1000);
        var random = new Random(seed + 1);
        var rows = new int[100];

        // As in the Trainer (and in numpy's timed step): draw the batch, copy its rows, then the step.
        double[] xRows = DenseOps.RowMajor(data.XTrain);
        Labels tTrain = data.TTrain;
        Matrix<double> xBatch = Matrix<double>.Build.Dense(100, 784);
        Labels tBatch = tTrain.Rows(rows);
        start = Stopwatch.GetTimestamp();
        for (int i = 0; i < steps; i++)
        {
            for (int k = 0; k < rows.Length; k++)
            {
                rows[k] = random.Next(data.XTrain.RowCount);
            }

            DenseOps.GatherRows(xRows, 784, rows, xBatch);
            tTrain.CopyRowsTo(rows, tBatch);
            var grad = network.Gradient(xBatch, tBatch);
            foreach (string key in grad.Keys)
            {
                DenseOps.SubtractScaled(network.Params[key], options.LearningRate, grad[key]);
            }

            network.Loss(xBatch, tBatch);
        }

        double step = Stopwatch.GetElapsedTime(start).TotalSeconds / steps;
        start = Stopwatch.GetTimestamp();
        network.Accuracy(data.XTrain, data.TTrain);
        network.Accuracy(data.XTest, data.TTest);
        double evaluation = Stopwatch.GetElapsedTime(start).TotalSeconds;

        return new RunResult(
            "C# (Backprop.Lib)", full, step, evaluation, history.Epochs.Count,
            history.TrainAccuracies[^1], history.TestAccuracies[^1], history.TestAccuracies.ToArray(), history.Losses[^1]);
    }
}
