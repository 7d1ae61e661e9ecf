using System;
using System.Diagnostics;

namespace Backprop.Benchmarks;

internal static class Exp5
{
    public static void Run()
    {
        var data = IdxData.Load();
        foreach (int iters in new[] { 1, 1, 601, 3000, 10000 })
        {
            var net = new TwoLayerNet(784, 50, 10, seed: 1);
            long t0 = Stopwatch.GetTimestamp();
            var h = Trainer.Train(net, data.XTrain, data.TTrain, data.XTest, data.TTest, new TrainingOptions { Iterations = iters, Seed = 1 });
            Console.WriteLine($"{iters} iterations: {Stopwatch.GetElapsedTime(t0).TotalSeconds:F3} s, {h.Epochs.Count} evaluations");
        }
    }
}
