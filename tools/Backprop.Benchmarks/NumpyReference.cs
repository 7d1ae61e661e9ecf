using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json;

namespace Backprop.Benchmarks;

/// <summary>Runs bench/train_neuralnet.py with Debian's numpy (/usr/bin/python3) and reads its one JSON line.</summary>
internal sealed class NumpyReference(string script)
{
    public const string Python = "/usr/bin/python3";

    /// <summary>Set on some processors so that old OpenBLAS builds run at all; they slow a current one (see the env notes).</summary>
    private static readonly string[] s_openBlasOverrides = ["OPENBLAS_CORETYPE", "OPENBLAS_L2_SIZE"];

    public string Script { get; } = script;

    /// <summary>What the environment had set that this benchmark unsets for numpy, e.g. "OPENBLAS_CORETYPE=Haswell".</summary>
    public static string Overrides =>
        string.Join(", ", s_openBlasOverrides.Where(v => Environment.GetEnvironmentVariable(v) is not null)
            .Select(v => $"{v}={Environment.GetEnvironmentVariable(v)}"));

    public static NumpyReference Find()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            string candidate = Path.Combine(dir.FullName, "bench", "train_neuralnet.py");
            if (File.Exists(candidate))
            {
                return new NumpyReference(candidate);
            }
        }

        throw new FileNotFoundException("bench/train_neuralnet.py not found above " + AppContext.BaseDirectory);
    }

    public (RunResult Run, string Blas) Full(int iterations, int seed)
    {
        using JsonDocument json = Invoke("full", "--iters", iterations.ToString(), "--seed", seed.ToString());
        JsonElement r = json.RootElement;
        var result = new RunResult(
            "numpy + OpenBLAS",
            r.GetProperty("full_seconds").GetDouble(),
            r.GetProperty("iteration_seconds").GetDouble(),
            r.GetProperty("evaluation_seconds").GetDouble(),
            r.GetProperty("evaluations").GetInt32(),
            r.GetProperty("train_accuracy").GetDouble(),
            r.GetProperty("test_accuracy").GetDouble(),
            r.GetProperty("test_accuracies").EnumerateArray().Select(e => e.GetDouble()).ToArray(),
            r.GetProperty("final_loss").GetDouble());
        return (result, DescribeBlas(r.GetProperty("blas"), r.GetProperty("numpy").GetString()));
    }

    public List<GemmResult> Gemm()
    {
        using JsonDocument json = Invoke("gemm");
        return json.RootElement.GetProperty("gemm").EnumerateArray().Select(e => new GemmResult(
            e.GetProperty("shape").GetString()!,
            e.GetProperty("m").GetInt32(),
            e.GetProperty("k").GetInt32(),
            e.GetProperty("n").GetInt32(),
            e.GetProperty("seconds").GetDouble(),
            e.GetProperty("gflops").GetDouble(),
            double.NaN)).ToList();
    }

    private static string DescribeBlas(JsonElement blas, string? numpyVersion)
    {
        if (!blas.GetProperty("openblas").GetBoolean())
        {
            throw new InvalidOperationException(
                "numpy is not using OpenBLAS (install libopenblas0-pthread): the reference would be 10x slower than it should be. BLAS: " + blas);
        }

        string config = blas.TryGetProperty("config", out var c) ? c.GetString()! : "OpenBLAS";
        string core = blas.TryGetProperty("core", out var k) ? k.GetString()! : "?";
        string threads = blas.TryGetProperty("threads", out var t) ? t.GetInt32().ToString() : "?";
        return $"numpy {numpyVersion}, {config}, kernel {core}, {threads} threads";
    }

    private JsonDocument Invoke(params string[] args)
    {
        var start = new ProcessStartInfo(Python) { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        start.ArgumentList.Add(Script);
        foreach (string a in args)
        {
            start.ArgumentList.Add(a);
        }

        foreach (string v in s_openBlasOverrides)
        {
            start.Environment.Remove(v);
        }

        using var process = Process.Start(start) ?? throw new InvalidOperationException("could not start " + Python);
        var stderr = process.StandardError.ReadToEndAsync();
        string stdout = process.StandardOutput.ReadToEnd();
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new InvalidOperationException($"{Python} {Script} {string.Join(' ', args)} failed ({process.ExitCode}):\n{stderr.Result}");
        }

        return JsonDocument.Parse(stdout.Trim().Split('\n')[^1]);
    }
}
