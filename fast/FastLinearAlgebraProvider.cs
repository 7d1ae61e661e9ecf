using System;
using System.Threading;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Fast;

/// <summary>
/// MathNet's linear-algebra provider with our own double-precision matrix product and vectorized element-wise
/// arithmetic underneath, so that <c>x * W</c>, <c>x.TransposeThisAndMultiply(dout)</c> and <c>W - lr * dW</c>
/// run at machine speed while the layers of §5.6 keep reading like the book. Everything else is MathNet's managed provider.
/// </summary>
public sealed partial class FastLinearAlgebraProvider : ILinearAlgebraProvider
{
    private readonly Lazy<SecondCore?> _second;

    public FastLinearAlgebraProvider(FastLinearAlgebraOptions? options = null)
    {
        Options = options ?? new FastLinearAlgebraOptions();
        bool two = Options.UseSecondCore && Environment.ProcessorCount > 1;
        _second = new Lazy<SecondCore?>(() => two ? new SecondCore() : null, LazyThreadSafetyMode.ExecutionAndPublication);
    }

    public FastLinearAlgebraOptions Options { get; }

    /// <summary>The helper thread big products are split with, or null on one core (tests put it on standby).</summary>
    internal SecondCore? Second => _second.Value;

    private static ManagedLinearAlgebraProvider Managed => ManagedLinearAlgebraProvider.Instance;

    public bool IsAvailable() => true;

    public void InitializeVerify()
    {
    }

    public void FreeResources()
    {
    }

    public override string ToString() =>
        GemmKernel.IsSupported
            ? $"Backprop GEMM ({GemmKernel.Vectors} tiles, {(Options.UseSecondCore && Environment.ProcessorCount > 1 ? "2 cores" : "1 core")}) over MathNet managed"
            : "MathNet managed (no vector hardware)";

    public void MatrixMultiply(double[] x, int rowsX, int columnsX, double[] y, int rowsY, int columnsY, double[] result) =>
        MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.DontTranspose, 1.0, x, rowsX, columnsX, y, rowsY, columnsY, 0.0, result);

    public void MatrixMultiplyWithUpdate(
        Transpose transposeA, Transpose transposeB, double alpha, double[] a, int rowsA, int columnsA,
        double[] b, int rowsB, int columnsB, double beta, double[] c)
    {
        if (!GemmKernel.IsSupported)
        {
            Managed.MatrixMultiplyWithUpdate(transposeA, transposeB, alpha, a, rowsA, columnsA, b, rowsB, columnsB, beta, c);
            return;
        }

        ArgumentNullException.ThrowIfNull(a);
        ArgumentNullException.ThrowIfNull(b);
        ArgumentNullException.ThrowIfNull(c);
        bool transA = transposeA != Transpose.DontTranspose;
        bool transB = transposeB != Transpose.DontTranspose;
        int m = transA ? columnsA : rowsA;
        int k = transA ? rowsA : columnsA;
        int kB = transB ? columnsB : rowsB;
        int n = transB ? rowsB : columnsB;
        if (k != kB)
        {
            throw new ArgumentException($"Matrix dimensions must agree: op(A) is {m}×{k} but op(B) is {kB}×{n}.");
        }

        if (a.Length < rowsA * columnsA || b.Length < rowsB * columnsB || c.Length != m * n)
        {
            throw new ArgumentException($"Storage too small: A {a.Length} for {rowsA}×{columnsA}, B {b.Length} for {rowsB}×{columnsB}, C {c.Length} for {m}×{n}.");
        }

        Gemm.Multiply(transA, transB, m, n, k, alpha, a, rowsA, b, rowsB, beta, c, m, Second);
    }
}
