using System;
using System.Diagnostics;
using System.Globalization;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// Where one step of lesson 6's loop goes: the draw and gather, each layer's forward and backward (the calls
/// <c>TwoLayerNet.Gradient</c> makes, in its order), the update, the extra loss; then the step's three big products
/// alone, and the time the garbage collector paused the program.
/// </summary>
internal static class StepParts
{
    private static readonly string[] Parts =
    [
        "draw + train.Rows(batchMask)", "Affine1.Forward", "Relu1.Forward", "Affine2.Forward", "SoftmaxWithLoss.Forward",
        "SoftmaxWithLoss.Backward", "Affine2.Backward", "Relu1.Backward", "Affine1.Backward", "Params[key] -= learningRate * grad[key]",
        "the extra Loss",
    ];

    public static void Run(IdxData data, int iterations)
    {
        var network = new TwoLayerNet(784, 50, 10, seed: 1);
        var layers = network.Layers.Values.ToArray();
        var random = new Random(1);
        var ticks = new long[Parts.Length];
        var gcs = GcCounts.Now();
        var paused = GC.GetTotalPauseDuration();
        long allocated = GC.GetTotalAllocatedBytes(precise: false);
        int warmup = iterations / 5;
        for (int i = 0; i < iterations; i++)
        {
            if (i == warmup)
            {
                // The first fifth warms the JIT up and is left out.
                (gcs, paused, allocated) = (GcCounts.Now(), GC.GetTotalPauseDuration(), GC.GetTotalAllocatedBytes(precise: false));
                Array.Clear(ticks);
            }

            int part = 0;
            long last = Stopwatch.GetTimestamp();
            void Lap()
            {
                long now = Stopwatch.GetTimestamp();
                ticks[part++] += now - last;
                last = now;
            }

            int[] batchMask = random.Choice(data.XTrain.RowCount, 100);
            var (xBatch, tBatch) = data.Train.Rows(batchMask);
            Lap();

            // TwoLayerNet.Gradient, one layer at a time.
            var x = xBatch;
            foreach (var layer in layers)
            {
                x = layer.Forward(x);
                Lap();
            }

            network.LastLayer.Forward(x, tBatch);
            Lap();
            var dout = network.LastLayer.Backward(1);
            Lap();
            foreach (var layer in layers.Reverse())
            {
                dout = layer.Backward(dout);
                Lap();
            }

            var affine1 = (Affine)network.Layers["Affine1"];
            var affine2 = (Affine)network.Layers["Affine2"];
            var grad = new Parameters { { "W1", affine1.DW! }, { "b1", affine1.DB! }, { "W2", affine2.DW! }, { "b2", affine2.DB! } };
            foreach (string key in grad.Keys)
            {
                network.Params[key] -= 0.1 * grad[key];
            }

            Lap();
            network.Loss(xBatch, tBatch);
            Lap();
        }

        int counted = iterations - warmup;
        double Ms(long t) => Stopwatch.GetElapsedTime(0, t).TotalMilliseconds / counted;
        var text = CultureInfo.InvariantCulture;
        Console.WriteLine($"ms per step over {counted} steps (the first {warmup} warm up):");
        for (int p = 0; p < Parts.Length; p++)
        {
            Console.WriteLine(string.Create(text, $"  {Parts[p],-42} {Ms(ticks[p]),7:F3}"));
        }

        Console.WriteLine(string.Create(text, $"  {"total",-42} {Ms(ticks.Sum()),7:F3}"));
        double perThousand = 1000.0 / counted;
        Console.WriteLine(string.Create(text,
            $"garbage collector: paused {(GC.GetTotalPauseDuration() - paused).TotalMilliseconds / counted:F3} ms per step (inside the parts above); " +
            $"{(GC.GetTotalAllocatedBytes(precise: false) - allocated) / 1e6 * perThousand:F0} MB and {GcCounts.Now().Minus(gcs).Times(perThousand)} gen0/1/2 collections per 1,000 steps"));
        Products(data, counted);
    }

    // The step's big products alone, on the same shapes (each allocating its result, as the layers do).
    private static void Products(IdxData data, int reps)
    {
        var x = data.Train.Rows(Enumerable.Range(0, 100).ToArray()).Images;
        var w1 = Matrix<double>.Build.Random(784, 50, 1) * 0.01;
        var dout = Matrix<double>.Build.Random(100, 50, 2) * 0.01;
        (string Name, Func<Matrix<double>> Product)[] products =
        [
            ("x * W1 (Affine1 forward, twice a step)", () => x * w1),
            ("x.TransposeThisAndMultiply(dout) (dW1)", () => x.TransposeThisAndMultiply(dout)),
            ("dout.TransposeAndMultiply(W1) (dx1)", () => dout.TransposeAndMultiply(w1)),
        ];
        Console.WriteLine("the big products alone, ms each:");
        foreach (var (name, product) in products)
        {
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < reps; r++)
            {
                product();
            }

            Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"  {name,-42} {Stopwatch.GetElapsedTime(start).TotalMilliseconds / reps,7:F3}"));
        }
    }
}
