using System;
using System.Linq;
using Backprop.LinearAlgebra;
using BenchmarkDotNet.Running;

namespace Backprop.Benchmarks;

/// <summary>
/// <c>full [--rounds 3] [--iters 10000] [--verify-iters 1200]</c>: the book's run, C# vs numpy, interleaved;
/// <c>gemm</c>: the workload's products on our provider; <c>phases</c>: where a step's CPU time goes;
/// <c>profile</c>: where a real two-core step's wall time goes, layer by layer;
/// <c>micro</c>: BenchmarkDotNet on the kernels (arguments after it go to BenchmarkDotNet).
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        // Benchmarks may touch MathNet before any Backprop type; install the provider explicitly.
        FastLinearAlgebra.Install();
        string command = args.Length > 0 ? args[0] : "full";
        if (args.Contains("--one-core"))
        {
            SecondCore.Enabled = false;
        }

        if (args.Contains("--no-screen"))
        {
            ScreenedArgmax.Enabled = false;
        }

        switch (command)
        {
            case "full":
                FullBenchmark.Run(Option(args, "--rounds", 3), Option(args, "--iters", 10000), Option(args, "--verify-iters", 1200));
                return 0;
            case "gemm1":
                SecondCore.Enabled = false;
                goto case "gemm";
            case "gemm":
                foreach (var r in GemmShapes.Run())
                {
                    Console.WriteLine($"{r.Shape,-20} {r.Seconds * 1e3,8:F3} ms {r.Gflops,7:F1} GFLOPS, {r.GflopsPerCpuSecond,7:F1} per CPU-second");
                }

                return 0;
            case "peak":
                KernelPeak.Run();
                return 0;
            case "ours":
                {
                    var r = FullRun.Run(IdxData.Load(), Option(args, "--iters", 10000), 1);
                    Console.WriteLine($"C# alone: {r.FullSeconds:F2} s full run, {r.IterationSeconds * 1e3:F3} ms/iteration, {r.EvaluationSeconds:F3} s/evaluation, test accuracy {r.TestAccuracy:F4}");
                    return 0;
                }

            case "phases":
                Phases.Run(IdxData.Load());
                return 0;
            case "screen":
                ScreenProfile.Run(IdxData.Load(), Option(args, "--iters", 600));
                return 0;
            case "profile":
                StepProfile.Run(IdxData.Load());
                return 0;
            case "micro":
                BenchmarkRunner.Run<KernelBenchmarks>(args: args.Skip(1).ToArray());
                return 0;
            default:
                Console.Error.WriteLine("usage: Backprop.Benchmarks full [--rounds N] [--iters N] [--verify-iters N] | ours [--iters N] | gemm | gemm1 | phases | profile | screen [--iters N] | peak | micro; --one-core keeps products on one thread; --no-screen evaluates accuracy by the double pass alone");
                return 2;
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
