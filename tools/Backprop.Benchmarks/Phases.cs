using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>Where one training step's time goes, in CPU time on one core (robust to a busy machine).</summary>
internal static class Phases
{
    public static void Run(IdxData data)
    {
        SecondCore.Enabled = false;
        var network = new TwoLayerNet(784, 50, 10, seed: 0);
        var random = new Random(1);
        var rows = new int[100];
        var xBatch = Matrix<double>.Build.Dense(100, 784);
        Labels tBatch = Labels.FromOneHot(Matrix<double>.Build.Dense(100, 10));
        Labels tTrain = data.TTrain;
        const int n = 2000;
        SampleRows samples = null!;
        Time("row-major copy", 1, () => samples = SampleRows.Of(data.XTrain));
        Time("gather x,t", n, () =>
        {
            for (int k = 0; k < rows.Length; k++)
            {
                rows[k] = random.Next(60000);
            }

            samples.Gather(rows, xBatch);
            tTrain.CopyRowsTo(rows, tBatch);
        });
        Parameters grad = network.Gradient(xBatch, tBatch);
        Time("gradient", n, () => grad = network.Gradient(xBatch, tBatch));
        Time("update", n, () =>
        {
            foreach (string key in grad.Keys)
            {
                DenseOps.SubtractScaled(network.Params[key], 0.1, grad[key]);
            }
        });
        Time("loss", n, () => network.Loss(xBatch, tBatch));
        Time("accuracy train", 3, () => network.Accuracy(data.XTrain, data.TTrain));
        Time("accuracy test", 3, () => network.Accuracy(data.XTest, data.TTest));
        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 100; i++)
        {
            grad = network.Gradient(xBatch, tBatch);
            network.Loss(xBatch, tBatch);
        }

        Console.WriteLine($"allocated per gradient+loss: {(GC.GetAllocatedBytesForCurrentThread() - before) / 100} bytes");
    }

    private static void Time(string name, int n, Action action)
    {
        action();
        var process = Process.GetCurrentProcess();
        var cpu = process.TotalProcessorTime;
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++)
        {
            action();
        }

        process.Refresh();
        double cpuMs = (process.TotalProcessorTime - cpu).TotalMilliseconds / n;
        double wallMs = Stopwatch.GetElapsedTime(start).TotalMilliseconds / n;
        Console.WriteLine($"{name,-16} {cpuMs,9:F4} ms CPU {wallMs,9:F4} ms wall");
    }
}
