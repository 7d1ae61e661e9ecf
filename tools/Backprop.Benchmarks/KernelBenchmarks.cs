using System;
using BenchmarkDotNet.Attributes;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Benchmarks;

/// <summary>BenchmarkDotNet on the workload's products: our provider against MathNet's managed one.</summary>
/// <remarks>In process: BenchmarkDotNet's generated project cannot see this tool's types, and the provider is per process anyway.</remarks>
[MemoryDiagnoser]
[InProcess]
public class KernelBenchmarks
{
    private Matrix<double> _x = null!;
    private Matrix<double> _w = null!;
    private Matrix<double> _dout = null!;
    private Matrix<double> _y = null!;
    private Matrix<double> _dw = null!;
    private Matrix<double> _dx = null!;

    [Params("fast", "managed")]
    public string Provider { get; set; } = "fast";

    [GlobalSetup]
    public void Setup()
    {
        LinearAlgebra.FastLinearAlgebra.Install();
        if (Provider == "managed")
        {
            LinearAlgebraControl.Provider = ManagedLinearAlgebraProvider.Instance;
        }

        var random = new Random(3);
        _x = Matrix<double>.Build.Dense(100, 784, (_, _) => random.NextDouble());
        _w = Matrix<double>.Build.Dense(784, 50, (_, _) => random.NextDouble() - 0.5);
        _dout = Matrix<double>.Build.Dense(100, 50, (_, _) => random.NextDouble() - 0.5);
        _y = Matrix<double>.Build.Dense(100, 50);
        _dw = Matrix<double>.Build.Dense(784, 50);
        _dx = Matrix<double>.Build.Dense(100, 784);
    }

    [Benchmark(Description = "x·W1 100×784·784×50")]
    public void Forward() => _x.Multiply(_w, _y);

    [Benchmark(Description = "xᵀ·dout 784×100·100×50")]
    public void WeightGradient() => _x.TransposeThisAndMultiply(_dout, _dw);

    [Benchmark(Description = "dout·W1ᵀ 100×50·50×784")]
    public void InputGradient() => _dout.TransposeAndMultiply(_w, _dx);
}
