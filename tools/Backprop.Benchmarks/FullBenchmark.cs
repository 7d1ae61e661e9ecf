using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Runtime.Intrinsics;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>
/// The book's full MNIST run, ours and numpy's, interleaved for a few rounds in one process, then the
/// workload's matrix products on both; prints one markdown report (medians with [min..max]).
/// </summary>
internal static class FullBenchmark
{
    public static void Run(int rounds, int iterations, int verifyIterations)
    {
        var numpy = NumpyReference.Find();
        Console.WriteLine($"# Backprop benchmark: the book's train_neuralnet.py, C# vs numpy ({DateTime.UtcNow:yyyy-MM-dd HH:mm} UTC)");
        Console.WriteLine();
        var data = IdxData.Load();
        Console.WriteLine($"- data: {data.Directory} ({data.XTrain.RowCount} + {data.XTest.RowCount} images)");
        Console.WriteLine($"- machine: {Environment.ProcessorCount} cores, Vector256 {Vector256.IsHardwareAccelerated}; .NET {Environment.Version}; provider: {LinearAlgebraControl.Provider}");
        string overrides = NumpyReference.Overrides;
        Console.WriteLine($"- reference: {NumpyReference.Python} {numpy.Script}{(overrides.Length > 0 ? $" (with {overrides} unset for it)" : string.Empty)}");
        Console.WriteLine($"- {iterations} iterations of batch 100, {rounds} rounds, numpy then C# in each round; load average at start: {LoadAverage()}");
        Console.WriteLine();

        var ours = new List<RunResult>();
        var theirs = new List<RunResult>();
        string blas = string.Empty;
        for (int round = 1; round <= rounds; round++)
        {
            (RunResult n, blas) = numpy.Full(iterations, seed: round);
            theirs.Add(n);
            RunResult o = FullRun.Run(data, iterations, seed: round);
            ours.Add(o);
            Console.WriteLine($"round {round}: numpy {n.FullSeconds:F2} s, C# {o.FullSeconds:F2} s, C#/numpy {o.FullSeconds / n.FullSeconds:F3}");
        }

        Console.WriteLine($"- {blas}; load average after the runs: {LoadAverage()}");
        Console.WriteLine();
        PrintRuns(ours, theirs, iterations);

        var ourGemm = new List<List<GemmResult>>();
        var theirGemm = new List<List<GemmResult>>();
        for (int round = 1; round <= rounds; round++)
        {
            theirGemm.Add(numpy.Gemm());
            ourGemm.Add(GemmShapes.Run());
        }

        PrintGemm(ourGemm, theirGemm);

        if (verifyIterations > 0)
        {
            Console.WriteLine();
            Verify.Run(data, verifyIterations);
        }

        var ratio = Stats.Of(ours.Zip(theirs, (o, n) => o.FullSeconds / n.FullSeconds));
        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"Per round: {string.Join(", ", ours.Zip(theirs, (o, n) => (o.FullSeconds / n.FullSeconds).ToString("F3", CultureInfo.InvariantCulture)))} (min {ratio.Min:F3}, max {ratio.Max:F3}); " +
            $"{ours[0].Evaluations} evaluations per run, {iterations} iterations."));
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture, $"literal C#/numpy, full run: {ratio.Median:F3} (median of {ours.Count} rounds)"));
    }

    // Other work on the machine slows both sides; the ratio is fair only if both saw the same load, hence interleaving.
    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "unknown";

    private static void PrintRuns(List<RunResult> ours, List<RunResult> theirs, int iterations)
    {
        double iterationFlops = FullRun.IterationFlops(100);
        double evaluationFlops = FullRun.EvaluationFlops(70000);
        Console.WriteLine("| implementation | ms / iteration | s / full evaluation (70,000 images) | full run s | GFLOPS iteration / evaluation | final train / test accuracy |");
        Console.WriteLine("|---|---|---|---|---|---|");
        foreach (var runs in new[] { theirs, ours })
        {
            var evaluations = runs[0].Evaluations;
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {runs[0].Implementation} | {Stats.Of(runs.Select(r => r.IterationSeconds * 1e3)).Format("F3")} " +
                $"| {Stats.Of(runs.Select(r => r.EvaluationSeconds)).Format("F3")} " +
                $"| **{Stats.Of(runs.Select(r => r.FullSeconds)).Format("F2")}** " +
                $"| {Stats.Of(runs.Select(r => iterationFlops / r.IterationSeconds / 1e9)).Median:F1} / {Stats.Of(runs.Select(r => evaluationFlops / r.EvaluationSeconds / 1e9)).Median:F1} " +
                $"| {string.Join(", ", runs.Select(r => $"{r.TrainAccuracy:F4} / {r.TestAccuracy:F4}"))} |"));
        }

        Console.WriteLine();
        Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
            $"C# allocations per 1,000 steps (evaluations included): {string.Join(", ", ours.Select(o => $"{o.MegabytesPerThousandSteps:F0} MB"))}; " +
            $"gen0 / gen1 / gen2 collections per 1,000 steps: {string.Join(", ", ours.Select(o => o.CollectionsPerThousandSteps.ToString()))}."));
        Console.WriteLine();
    }

    private static void PrintGemm(List<List<GemmResult>> ours, List<List<GemmResult>> theirs)
    {
        Console.WriteLine("| product (m×k · k×n) | numpy GFLOPS | C# GFLOPS | C# / numpy speed |");
        Console.WriteLine("|---|---|---|---|");
        for (int s = 0; s < ours[0].Count; s++)
        {
            var o = Stats.Of(ours.Select(r => r[s].Gflops));
            var n = Stats.Of(theirs.Select(r => r[s].Gflops));
            var g = ours[0][s];
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"| {g.Shape}: {g.M}×{g.K} · {g.K}×{g.N} | {n.Format("F1")} | {o.Format("F1")} | {o.Median / n.Median:F2}× |"));
        }
    }
}
