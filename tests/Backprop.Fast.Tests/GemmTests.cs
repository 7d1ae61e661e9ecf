using System;
using System.Runtime.Intrinsics;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Fast.Tests;

public class GemmTests
{
    // A helper thread of this class's own: the products below are split with it like a provider's.
    private static readonly SecondCore s_second = new();

    [Theory]
    [InlineData(53, 47, 61)]
    [InlineData(1, 1, 1)]
    [InlineData(7, 5, 3)]
    [InlineData(8, 256, 6)]
    [InlineData(100, 784, 50)]
    [InlineData(1031, 1019, 7)]
    [InlineData(9, 300, 1025)]
    [InlineData(37, 29, 35)]
    [InlineData(8, 5, 5)]
    public void Multiply_MatchesNaiveTripleLoop_ForEveryTransposeAlphaAndBeta(int m, int k, int n)
    {
        AssertEveryTransposeAlphaAndBeta(m, k, n, new Random(m * 7919 + k * 31 + n));
    }

    [Theory]
    [InlineData(403, 331, 77)]
    [InlineData(61, 331, 509)]
    [InlineData(403, 331, 55)]
    public void Multiply_BigEnoughForTwoCores_MatchesNaiveTripleLoop(int m, int k, int n)
    {
        // Tall products are cut into row halves, wide ones into column halves.
        Assert.True(2L * m * n * k >= Gemm.ParallelFlops);
        AssertEveryTransposeAlphaAndBeta(m, k, n, new Random(m + n));
    }

    [Theory]
    [InlineData(20, 4001, 13)]
    [InlineData(100, 784, 50)]
    [InlineData(7, 3001, 101)]
    public void Multiply_ShortAndWide_SplitAlongKOverTwoCores_MatchesNaiveTripleLoop(int m, int k, int n)
    {
        // Each core sums half of k; the second half's C is added to the first's at the end.
        Assert.True(2L * m * n * k >= Gemm.ParallelFlops);
        Assert.True(k >= 4 * Math.Max(m, n));
        AssertEveryTransposeAlphaAndBeta(m, k, n, new Random(m * 31 + n));
    }

    [Theory]
    [InlineData(20, 4001, 13)]
    [InlineData(403, 331, 77)]
    [InlineData(61, 331, 509)]
    public void Multiply_WhenTheSecondCoreDoesNotComeInTime_TheCallerRunsBothHalves(int m, int k, int n)
    {
        // A busy machine may not run the worker thread at all: the caller takes its half back instead of waiting.
        var random = new Random(m + k);
        double[] a = RandomArray(random, m * k);
        double[] b = RandomArray(random, k * n);
        double[] c = RandomArray(random, m * n);
        double[] expected = Naive(false, false, m, n, k, 1.5, a, b, 0.5, c);
        var asleep = new SecondCore { Standby = true };

        Gemm.Multiply(false, false, m, n, k, 1.5, a, m, b, k, 0.5, c, m, asleep);

        AssertClose(expected, c, $"{m}x{k}x{n} with the worker on standby");
    }

    [Fact]
    public void Multiply_WithBetaZero_IgnoresNaNAlreadyInC()
    {
        double[] a = { 1, 2, 3, 4 };
        double[] b = { 1, 0, 0, 1 };
        double[] c = { double.NaN, double.NaN, double.NaN, double.NaN };

        Gemm.Multiply(false, false, 2, 2, 2, 1.0, a, 2, b, 2, 0.0, c, 2);

        Assert.Equal(a, c);
    }

    [Fact]
    public void Multiply_OnARowBlockOfLargerStorage_LeavesTheRestUntouched()
    {
        // Evaluation streams row blocks of the 60000-row data in place: lda is the full column height.
        var random = new Random(5);
        int rows = 37, k = 19, n = 11, start = 8, count = 21;
        double[] a = RandomArray(random, rows * k);
        double[] b = RandomArray(random, k * n);
        double[] c = new double[count * n];
        double[] block = new double[count * k];
        for (int p = 0; p < k; p++)
        {
            Array.Copy(a, start + (p * rows), block, p * count, count);
        }

        Gemm.Multiply(false, false, count, n, k, 1.0, a.AsSpan(start), rows, b, k, 0.0, c, count);

        AssertClose(Naive(false, false, count, n, k, 1.0, block, b, 0.0, new double[count * n]), c, "row block");
    }

    [Fact]
    public void Provider_NamesTheTileThisMachineRuns()
    {
        // AVX2 machines run Vector256 tiles, NEON (ARM64) and SSE-only ones Vector128.
        string expected = Vector256.IsHardwareAccelerated ? "Vector256" : "Vector128";

        Assert.True(GemmKernel.IsSupported);
        Assert.StartsWith($"Backprop GEMM ({expected} tiles", new FastLinearAlgebraProvider().ToString());
    }

    [Fact]
    public void Provider_TransposedProducts_MatchTheManagedProvider()
    {
        var random = new Random(11);
        Matrix<double> x = DenseMatrix.Create(101, 83, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> dout = DenseMatrix.Create(101, 29, (_, _) => random.NextDouble() - 0.5);
        Matrix<double> w = DenseMatrix.Create(83, 29, (_, _) => random.NextDouble() - 0.5);
        var managed = ManagedLinearAlgebraProvider.Instance;
        var ours = new FastLinearAlgebraProvider();
        double[] dw = new double[83 * 29], ourDw = new double[83 * 29];
        double[] dx = new double[101 * 83], ourDx = new double[101 * 83];
        managed.MatrixMultiplyWithUpdate(Transpose.Transpose, Transpose.DontTranspose, 1.0, Values(x), 101, 83, Values(dout), 101, 29, 0.0, dw);
        managed.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.Transpose, 1.0, Values(dout), 101, 29, Values(w), 83, 29, 0.0, dx);
        ours.MatrixMultiplyWithUpdate(Transpose.Transpose, Transpose.DontTranspose, 1.0, Values(x), 101, 83, Values(dout), 101, 29, 0.0, ourDw);
        ours.MatrixMultiplyWithUpdate(Transpose.DontTranspose, Transpose.Transpose, 1.0, Values(dout), 101, 29, Values(w), 83, 29, 0.0, ourDx);

        AssertClose(dw, ourDw, "xᵀ·dout");
        AssertClose(dx, ourDx, "dout·Wᵀ");
    }

    [Fact]
    public void Provider_MismatchedShapes_NameBothShapes()
    {
        var provider = new FastLinearAlgebraProvider();

        var error = Assert.Throws<ArgumentException>(() => provider.MatrixMultiplyWithUpdate(
            Transpose.DontTranspose, Transpose.DontTranspose, 1.0, new double[6], 2, 3, new double[8], 4, 2, 0.0, new double[4]));

        Assert.Contains("2×3", error.Message);
        Assert.Contains("4×2", error.Message);
    }

    private static double[] Values(Matrix<double> matrix) => ((DenseMatrix)matrix).Values;

    private static void AssertEveryTransposeAlphaAndBeta(int m, int k, int n, Random random)
    {
        foreach (bool transA in new[] { false, true })
        {
            foreach (bool transB in new[] { false, true })
            {
                foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 1.0), (2.0, 0.25) })
                {
                    double[] a = RandomArray(random, m * k);
                    double[] b = RandomArray(random, k * n);
                    double[] c = RandomArray(random, m * n);
                    double[] expected = Naive(transA, transB, m, n, k, alpha, a, b, beta, c);

                    double[] c2 = (double[])c.Clone();

                    Gemm.Multiply(transA, transB, m, n, k, alpha, a, transA ? k : m, b, transB ? n : k, beta, c, m);
                    Gemm.Multiply(transA, transB, m, n, k, alpha, a, transA ? k : m, b, transB ? n : k, beta, c2, m, s_second);

                    AssertClose(expected, c, $"{m}x{k}x{n} transA={transA} transB={transB} alpha={alpha} beta={beta}, one core");
                    AssertClose(expected, c2, $"{m}x{k}x{n} transA={transA} transB={transB} alpha={alpha} beta={beta}, two cores");
                }
            }
        }
    }

    internal static double[] Naive(bool transA, bool transB, int m, int n, int k, double alpha, double[] a, double[] b, double beta, double[] c)
    {
        var result = new double[m * n];
        for (int i = 0; i < m; i++)
        {
            for (int j = 0; j < n; j++)
            {
                double sum = 0;
                for (int p = 0; p < k; p++)
                {
                    double aip = transA ? a[p + (i * k)] : a[i + (p * m)];
                    double bpj = transB ? b[j + (p * n)] : b[p + (j * k)];
                    sum += aip * bpj;
                }

                result[i + (j * m)] = (alpha * sum) + (beta == 0 ? 0 : beta * c[i + (j * m)]);
            }
        }

        return result;
    }

    internal static double[] RandomArray(Random random, int length)
    {
        var values = new double[length];
        for (int i = 0; i < length; i++)
        {
            values[i] = (random.NextDouble() * 2) - 1;
        }

        return values;
    }

    internal static void AssertClose(double[] expected, double[] actual, string what)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            double tolerance = 1e-12 * Math.Max(1.0, Math.Abs(expected[i])) * 64;
            Assert.True(Math.Abs(expected[i] - actual[i]) <= tolerance, $"{what}: element {i} is {actual[i]}, expected {expected[i]}");
        }
    }
}
