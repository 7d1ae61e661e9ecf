using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;

namespace Backprop.Benchmarks;

internal static unsafe class Exp2
{
    public static void Run()
    {
        int k = int.Parse(Environment.GetEnvironmentVariable("K") ?? "784");
        int nnz = int.Parse(Environment.GetEnvironmentVariable("NNZ") ?? "392");
        int stride = 56;
        double[] b = GC.AllocateUninitializedArray<double>(k * stride + 8, pinned: true);
        int[] idx = GC.AllocateUninitializedArray<int>(nnz, pinned: true);
        double[] val = GC.AllocateUninitializedArray<double>(nnz, pinned: true);
        double[] sums = GC.AllocateArray<double>(64, pinned: true);
        var r = new Random(1);
        for (int i = 0; i < b.Length; i++) b[i] = r.NextDouble();
        for (int t = 0; t < nnz; t++) { idx[t] = (int)((long)t * k / nnz); val[t] = r.NextDouble(); }
        fixed (double* pb0 = b, pv = val, ps = sums)
        fixed (int* pi = idx)
        {
            double* pb = (double*)(((nint)pb0 + 63) & ~(nint)63);
            for (int round = 0; round < 3; round++)
            {
                const int reps = 20000;
                long start = Stopwatch.GetTimestamp();
                for (int rep = 0; rep < reps; rep++)
                {
                    ZeroSkippingGemm.SumRows(nnz, pi, pv, pb, stride, ps);
                }

                double s = Stopwatch.GetElapsedTime(start).TotalSeconds;
                Console.WriteLine($"k {k} nnz {nnz}: {s / reps / nnz * 1e9:F2} ns per nonzero, {2.0 * 52 * nnz * reps / s / 1e9:F1} GFLOPS");
            }
        }
    }
}
