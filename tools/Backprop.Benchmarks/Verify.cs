using System;
using System.Linq;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>The same short run under MathNet's own managed provider: the fast provider must give the same curve.</summary>
internal static class Verify
{
    public static void Run(IdxData data, int iterations)
    {
        var options = new TrainingOptions { Iterations = iterations, Seed = 7 };
        var fast = Trainer.Train(new TwoLayerNet(784, 50, 10, seed: 7), data.XTrain, data.TTrain, data.XTest, data.TTest, options);
        var provider = LinearAlgebraControl.Provider;
        LinearAlgebraControl.UseManaged();
        try
        {
            var managed = Trainer.Train(new TwoLayerNet(784, 50, 10, seed: 7), data.XTrain, data.TTrain, data.XTest, data.TTest, options);
            double lossDiff = fast.Losses.Zip(managed.Losses, (a, b) => Math.Abs(a - b) / Math.Abs(b)).Max();
            bool sameCurve = fast.TrainAccuracies.SequenceEqual(managed.TrainAccuracies) && fast.TestAccuracies.SequenceEqual(managed.TestAccuracies);
            Console.WriteLine(
                $"Same run under MathNet's managed provider ({iterations} iterations, seed 7): accuracy curve identical: {(sameCurve ? "yes" : "NO")} " +
                $"({string.Join(", ", fast.TestAccuracies.Select(a => a.ToString("F4")))}); largest relative loss difference {lossDiff:E1}.");
        }
        finally
        {
            LinearAlgebraControl.Provider = provider;
        }
    }
}
