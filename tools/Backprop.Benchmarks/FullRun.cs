using System;
using System.Diagnostics;
using System.Linq;

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

        // Measured inside the loop itself, as the numpy script does: the steps, and the evaluations apart.
        double step = history.StepTime.TotalSeconds / Math.Max(iterations, 1);
        double evaluation = history.EvaluationTime.TotalSeconds / Math.Max(history.Epochs.Count, 1);

        return new RunResult(
            "C# (Backprop.Lib)", full, step, evaluation, history.Epochs.Count,
            history.TrainAccuracies[^1], history.TestAccuracies[^1], history.TestAccuracies.ToArray(), history.Losses[^1]);
    }
}
