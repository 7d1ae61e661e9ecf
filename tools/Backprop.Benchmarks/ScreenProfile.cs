using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The accuracy on the 60,000 training images, with the single-precision screen and by the double pass alone,
/// alternating, on a network trained for a while (so that its scores are spread like those of a real run).
/// </summary>
internal static class ScreenProfile
{
    public static void Run(IdxData data, int iterations)
    {
        var network = new TwoLayerNet(784, 50, 10, seed: 1);
        Trainer.Train(network, data.XTrain, data.TTrain, data.XTest, data.TTest, new TrainingOptions { Iterations = iterations, Seed = 1 });
        Time(network, data.XTrain, data.TTrain, iterations, "60,000 training images");
        Time(network, data.XTest, data.TTest, iterations, "10,000 test images");
    }

    private static void Time(TwoLayerNet network, MathNet.Numerics.LinearAlgebra.Matrix<double> x, Labels t, int iterations, string what)
    {
        var screened = new double[5];
        var plain = new double[5];
        for (int r = 0; r < 5; r++)
        {
            ScreenedArgmax.Enabled = true;
            long start = Stopwatch.GetTimestamp();
            double a = network.Accuracy(x, t);
            screened[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            ScreenedArgmax.Enabled = false;
            start = Stopwatch.GetTimestamp();
            double b = network.Accuracy(x, t);
            plain[r] = Stopwatch.GetElapsedTime(start).TotalSeconds;
            if (a != b)
            {
                throw new InvalidOperationException($"the screen gave accuracy {a}, the double pass {b}");
            }
        }

        ScreenedArgmax.Enabled = true;
        Array.Sort(screened);
        Array.Sort(plain);
        Console.WriteLine($"after {iterations} iterations: accuracy on {what} in {screened[2] * 1e3:F1} ms screened "
            + $"({ScreenedArgmax.LastUndecided} rows left to the double pass), {plain[2] * 1e3:F1} ms by the double pass alone (medians of 5)");
    }
}
