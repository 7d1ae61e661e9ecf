using System;
using System.Collections.Generic;
using System.Diagnostics;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>The workload's four matrix products, timed through MathNet's own API (so through our provider).</summary>
internal static class GemmShapes
{
    public static readonly (string Name, int M, int K, int N, bool TransA, bool TransB)[] Shapes =
    [
        ("x·W1 (forward)", 100, 784, 50, false, false),
        ("xᵀ·dout (dW1)", 784, 100, 50, true, false),
        ("dout·W1ᵀ (dx1)", 100, 50, 784, false, true),
        ("x·W1 (evaluation)", 60000, 784, 50, false, false),
    ];

    public static List<GemmResult> Run()
    {
        var random = new Random(1);
        var results = new List<GemmResult>();
        foreach (var (name, m, k, n, transA, transB) in Shapes)
        {
            Matrix<double> a = transA ? RandomMatrix(random, k, m) : RandomMatrix(random, m, k);
            Matrix<double> b = transB ? RandomMatrix(random, n, k) : RandomMatrix(random, k, n);
            Matrix<double> c = Matrix<double>.Build.Dense(m, n);
            Action product = (transA, transB) switch
            {
                (false, false) => () => a.Multiply(b, c),
                (true, false) => () => a.TransposeThisAndMultiply(b, c),
                (false, true) => () => a.TransposeAndMultiply(b, c),
                _ => throw new InvalidOperationException(),
            };
            double flops = 2.0 * m * n * k;
            int reps = Math.Max(3, (int)(2e9 / flops));

            // Untimed first, for a quarter of a second: the runtime recompiles hot code with full optimization only
            // after ~0.1 s, and a product timed before that measures MathNet's entry points half compiled.
            long warm = Stopwatch.GetTimestamp();
            do
            {
                product();
            }
            while (Stopwatch.GetElapsedTime(warm).TotalSeconds < 0.25);

            double best = double.PositiveInfinity;
            var cpu0 = Process.GetCurrentProcess().TotalProcessorTime;
            for (int round = 0; round < 3; round++)
            {
                long start = Stopwatch.GetTimestamp();
                for (int r = 0; r < reps; r++)
                {
                    product();
                }

                best = Math.Min(best, Stopwatch.GetElapsedTime(start).TotalSeconds / reps);
            }

            double cpu = (Process.GetCurrentProcess().TotalProcessorTime - cpu0).TotalSeconds / (3.0 * reps);
            results.Add(new GemmResult(name, m, k, n, best, flops / best / 1e9, flops / cpu / 1e9));
        }

        return results;
    }

    private static Matrix<double> RandomMatrix(Random random, int rows, int columns) =>
        Matrix<double>.Build.Dense(rows, columns, (_, _) => random.NextDouble() - 0.5);
}

internal sealed record GemmResult(string Shape, int M, int K, int N, double Seconds, double Gflops, double GflopsPerCpuSecond);
