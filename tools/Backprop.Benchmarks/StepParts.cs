using System;
using System.Diagnostics;
using System.Globalization;

namespace Backprop.Benchmarks;

/// <summary>Where one step of lesson 6's loop goes: the draw and gather, the gradient, the update, the extra loss.</summary>
internal static class StepParts
{
    public static void Run(IdxData data, int iterations)
    {
        var network = new TwoLayerNet(784, 50, 10, seed: 1);
        var random = new Random(1);
        long gather = 0, gradient = 0, update = 0, loss = 0;
        for (int i = 0; i < iterations; i++)
        {
            long t0 = Stopwatch.GetTimestamp();
            int[] batchMask = random.Choice(data.XTrain.RowCount, 100);
            var (xBatch, tBatch) = data.Train.Rows(batchMask);
            long t1 = Stopwatch.GetTimestamp();
            var grad = network.Gradient(xBatch, tBatch);
            long t2 = Stopwatch.GetTimestamp();
            foreach (string key in grad.Keys)
            {
                network.Params[key] -= 0.1 * grad[key];
            }

            long t3 = Stopwatch.GetTimestamp();
            network.Loss(xBatch, tBatch);
            long t4 = Stopwatch.GetTimestamp();
            if (i >= iterations / 5)
            {
                // The first fifth warms the JIT up and is left out.
                (gather, gradient, update, loss) = (gather + t1 - t0, gradient + t2 - t1, update + t3 - t2, loss + t4 - t3);
            }
        }

        int counted = iterations - (iterations / 5);
        double Ms(long ticks) => Stopwatch.GetElapsedTime(0, ticks).TotalMilliseconds / counted;
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"ms per step over {counted} steps: gather {Ms(gather):F3}, gradient {Ms(gradient):F3}, update {Ms(update):F3}, loss {Ms(loss):F3}, total {Ms(gather + gradient + update + loss):F3}"));
    }
}
