using System;
using System.Diagnostics;
using Backprop.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>The register tile alone on cached panels: the ceiling the blocked GEMM can approach on this machine.</summary>
internal static unsafe class KernelPeak
{
    public static void Run()
    {
        const int kc = 256;
        int mr = GemmKernel.MR;
        double[] a = new double[kc * mr];
        double[] b = new double[kc * GemmKernel.NR];
        double[] c = new double[mr * GemmKernel.NR];
        Array.Fill(a, 0.5);
        Array.Fill(b, 0.25);
        const int reps = 200_000;
        fixed (double* pa = a, pb = b, pc = c)
        {
            GemmKernel.Tile(mr, GemmKernel.NR, kc, pa, mr, pb, GemmKernel.NR, 1, 1.0, pc, mr, accumulate: true);
            var process = Process.GetCurrentProcess();
            var cpu = process.TotalProcessorTime;
            long start = Stopwatch.GetTimestamp();
            for (int r = 0; r < reps; r++)
            {
                GemmKernel.Tile(mr, GemmKernel.NR, kc, pa, mr, pb, GemmKernel.NR, 1, 1.0, pc, mr, accumulate: true);
            }

            double wall = Stopwatch.GetElapsedTime(start).TotalSeconds;
            process.Refresh();
            double cpuSeconds = (process.TotalProcessorTime - cpu).TotalSeconds;
            double flops = 2.0 * kc * mr * GemmKernel.NR * reps;
            Console.WriteLine($"tile {mr}x{GemmKernel.NR}, kc {kc}: {flops / wall / 1e9:F1} GFLOPS wall, {flops / cpuSeconds / 1e9:F1} per CPU-second");
        }
    }
}
