using System;
using Backprop.LinearAlgebra;

namespace Backprop.Benchmarks;

public static class Program
{
    public static int Main(string[] args)
    {
        FastLinearAlgebra.Install();
        string command = args.Length > 0 ? args[0] : "full";
        switch (command)
        {
            case "gemm1":
                GemmWorker.Enabled = false;
                goto case "gemm";
            case "gemm":
                foreach (var r in GemmShapes.Run())
                {
                    Console.WriteLine($"{r.Shape,-20} {r.Seconds * 1e3,8:F3} ms {r.Gflops,7:F1} GFLOPS, {r.GflopsPerCpuSecond,7:F1} per CPU-second");
                }

                return 0;
            case "ours":
                {
                    var data = IdxData.Load();
                    int iters = args.Length > 1 ? int.Parse(args[1]) : 10000;
                    var r = FullRun.Run(data, iters, 0);
                    Console.WriteLine(r);
                    Console.WriteLine($"iteration {r.IterationSeconds * 1e3:F3} ms, eval {r.EvaluationSeconds:F3} s, full {r.FullSeconds:F2} s");
                    return 0;
                }

            default:
                Console.Error.WriteLine("usage: full [--rounds N] | gemm | micro");
                return 2;
        }
    }
}
