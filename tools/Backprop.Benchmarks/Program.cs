using System;
using Backprop.Fast;

namespace Backprop.Benchmarks;

/// <summary>
/// <c>full [--rounds 3] [--iters 10000] [--verify-iters 1200]</c>: the book's run, lesson 6's loop vs numpy, interleaved;
/// <c>ours [--iters N]</c>: our run alone; <c>steps [--iters N]</c>: where a step's time goes;
/// <c>gemm</c>: the workload's products on our provider. <c>--one-core</c> keeps the products on one thread.
/// </summary>
public static class Program
{
    public static int Main(string[] args)
    {
        FastLinearAlgebra.Install(new FastLinearAlgebraOptions { UseSecondCore = Array.IndexOf(args, "--one-core") < 0 && Environment.ProcessorCount > 1 });
        string command = args.Length > 0 ? args[0] : "full";
        switch (command)
        {
            case "full":
                FullBenchmark.Run(Option(args, "--rounds", 3), Option(args, "--iters", 10000), Option(args, "--verify-iters", 1200));
                return 0;
            case "gemm":
                foreach (var r in GemmShapes.Run())
                {
                    Console.WriteLine($"{r.Shape,-20} {r.Seconds * 1e3,8:F3} ms {r.Gflops,7:F1} GFLOPS, {r.GflopsPerCpuSecond,7:F1} per CPU-second");
                }

                return 0;
            case "ours":
                {
                    var r = FullRun.Run(IdxData.Load(), Option(args, "--iters", 10000), 1);
                    Console.WriteLine($"C# alone: {r.FullSeconds:F2} s full run, {r.IterationSeconds * 1e3:F3} ms/iteration, {r.EvaluationSeconds:F3} s/evaluation, " +
                        $"test accuracy {r.TestAccuracy:F4}, {r.MegabytesPerThousandSteps:F0} MB and {r.CollectionsPerThousandSteps} gen0/1/2 GCs per 1,000 steps");
                    return 0;
                }

            case "steps":
                StepParts.Run(IdxData.Load(), Option(args, "--iters", 2000));
                return 0;
            default:
                Console.Error.WriteLine("usage: Backprop.Benchmarks full [--rounds N] [--iters N] [--verify-iters N] | ours [--iters N] | steps [--iters N] | gemm; --one-core keeps products on one thread");
                return 2;
        }
    }

    private static int Option(string[] args, string name, int fallback)
    {
        int i = Array.IndexOf(args, name);
        return i >= 0 && i + 1 < args.Length ? int.Parse(args[i + 1]) : fallback;
    }
}
