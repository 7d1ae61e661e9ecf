using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

internal static class Exp3
{
    public static void Run()
    {
        var data = IdxData.Load();
        var random = new Random(3);
        var rows = new int[100];
        for (int i = 0; i < rows.Length; i++) rows[i] = random.Next(data.XTrain.RowCount);
        var x = Matrix<double>.Build.Dense(100, 784, (i, j) => data.XTrain[rows[i], j]);
        var w = Matrix<double>.Build.Dense(784, 50, (_, _) => random.NextDouble() - 0.5);
        var d = Matrix<double>.Build.Dense(100, 50, (_, _) => random.NextDouble() - 0.5);
        var c = Matrix<double>.Build.Dense(100, 50);
        var dw = Matrix<double>.Build.Dense(784, 50);
        var ce = Matrix<double>.Build.Dense(data.XTrain.RowCount, 50);
        bool eval = Environment.GetEnvironmentVariable("EVAL") is not null;
        GemmWorker.Enabled = Environment.GetEnvironmentVariable("TWO") is not null;
        string only = Environment.GetEnvironmentVariable("ONLY") ?? "";
        foreach (bool skip in new[] { false, true, false, true })
        {
            if (only == "dense" && skip || only == "sparse" && !skip) continue;
            ZeroSkippingGemm.Enabled = skip;
            double f = Time(() => x.Multiply(w, c), 5000);
            var cf = c.Clone();
            double g = Time(() => x.TransposeThisAndMultiply(d, dw), 5000);
            var cg = dw.Clone();
            double e = eval ? Time(() => data.XTrain.Multiply(w, ce), 5) : 0;
            Console.WriteLine($"cores {(GemmWorker.Enabled ? 2 : 1)} skip {skip,-5}: forward {f * 1e3:F3} ms, dW1 {g * 1e3:F3} ms, eval {e * 1e3:F1} ms; check {cf[7, 7]:R} {cg[300, 7]:R} {ce[1234, 49]:R}");
        }
    }

    private static double Time(Action action, int n)
    {
        action();
        long start = Stopwatch.GetTimestamp();
        for (int i = 0; i < n; i++) action();
        return Stopwatch.GetElapsedTime(start).TotalSeconds / n;
    }
}
