using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// Where a real training step's wall time goes, layer by layer, with both cores at work: the book's step
/// (gather, gradient, update, loss) run 6,000 times as <see cref="Trainer"/> runs it, each part timed in place.
/// Unlike <see cref="Phases"/>, the parts run in their real order, so each finds the caches as the step left them.
/// </summary>
internal static class StepProfile
{
    private static readonly string[] Parts =
        ["finish batch", "draw", "start next batch", "labels", "Affine1", "Relu1", "Affine2", "SoftmaxWithLoss", "backward softmax", "backward Affine2",
         "backward Relu1", "backward Affine1", "update", "loss()"];

    public static void Run(IdxData data)
    {
        const int Warmup = 1000, Steps = 6000;
        var network = new TwoLayerNet(784, 50, 10, seed: 1);
        var random = new Random(1);
        var samples = SampleRows.Of(data.XTrain);
        Matrix<double> xBatch = samples.NewBatch(100), xNext = samples.NewBatch(100);
        int[] rows = new int[100], next = new int[100];
        var tBatch = data.TTrain.Rows(rows);
        var labelRows = SampleRows.Of(data.TTrain.OneHot!);
        Trainer.Draw(random, 60000, next);
        samples.GatherInBackground(next, xNext);
        ILayer[] layers = [network.Layers["Affine1"], network.Layers["Relu1"], network.Layers["Affine2"]];
        var ticks = new long[Parts.Length];
        for (int step = 0; step < Warmup + Steps; step++)
        {
            if (step == Warmup)
            {
                Array.Clear(ticks);
            }

            int part = 0;
            long mark = Stopwatch.GetTimestamp();
            void Lap()
            {
                long now = Stopwatch.GetTimestamp();
                ticks[part++] += now - mark;
                mark = now;
            }

            (rows, next) = (next, rows);
            (xBatch, xNext) = (xNext, xBatch);
            samples.FinishGather();
            Lap();
            Trainer.Draw(random, 60000, next);
            Lap();
            samples.GatherInBackground(next, xNext);
            Lap();
            labelRows.Gather(rows, tBatch.OneHot!);
            Lap();
            var h = xBatch;
            foreach (var layer in layers)
            {
                h = layer.Forward(h);
                Lap();
            }

            network.LastLayer.Forward(h, tBatch);
            Lap();
            var dout = network.LastLayer.Backward(1);
            Lap();
            for (int l = layers.Length - 1; l >= 0; l--)
            {
                dout = layers[l].Backward(dout);
                Lap();
            }

            var (affine1, affine2) = ((Affine)layers[0], (Affine)layers[2]);
            DenseOps.SubtractScaled(network.Params["W1"], 0.1, affine1.DW!);
            DenseOps.SubtractScaled(network.Params["b1"], 0.1, affine1.DB!);
            DenseOps.SubtractScaled(network.Params["W2"], 0.1, affine2.DW!);
            DenseOps.SubtractScaled(network.Params["b2"], 0.1, affine2.DB!);
            Lap();
            network.Loss(xBatch, tBatch);
            Lap();
        }

        samples.FinishGather();
        long total = 0;
        foreach (long t in ticks)
        {
            total += t;
        }

        Console.WriteLine($"one training step, mean of {Steps} (samples kept as {(samples.AsBytes ? "bytes" : "doubles")}):");
        for (int i = 0; i < Parts.Length; i++)
        {
            Console.WriteLine($"  {Parts[i],-18} {Microseconds(ticks[i], Steps),7:F1} µs {100.0 * ticks[i] / total,5:F1} %");
        }

        Console.WriteLine($"  {"total",-18} {Microseconds(total, Steps),7:F1} µs");
    }

    private static double Microseconds(long ticks, int steps) => ticks * 1e6 / Stopwatch.Frequency / steps;
}
