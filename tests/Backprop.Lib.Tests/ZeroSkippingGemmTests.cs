using System;
using System.Linq;
using Backprop.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class ZeroSkippingGemmTests
{
    [Theory]
    [InlineData(37, 129, 50)]
    [InlineData(16, 257, 52)]
    [InlineData(101, 784, 50)]
    [InlineData(21, 333, 104)]
    [InlineData(11, 470, 45)]
    [InlineData(403, 331, 52)]
    public void Multiply_MostlyZeroA_MatchesNaiveTripleLoop(int m, int k, int n)
    {
        // Shapes that leave remainders everywhere: rows past a block of 16, columns past a 4-wide step, k past a 64-bit word.
        var random = new Random(m * 13 + k);
        foreach (bool transA in new[] { false, true })
        {
            foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 1.0), (2.0, 0.25) })
            {
                double[] a = MostlyZeros(random, m * k);
                double[] b = GemmTests.RandomArray(random, k * n);
                double[] c = GemmTests.RandomArray(random, m * n);
                double[] expected = GemmTests.Naive(transA, false, m, n, k, alpha, a, b, beta, c);
                Assert.Equal(ZeroSkippingGemm.IsSupported, Pays(transA, m, n, k, a)); // the zero-skipping path, wherever the machine has it

                Gemm.Multiply(transA, false, m, n, k, alpha, a, transA ? k : m, b, k, beta, c, m);

                GemmTests.AssertClose(expected, c, $"{m}x{k}x{n} transA={transA} alpha={alpha} beta={beta}");
            }
        }
    }

    [Fact]
    public void Multiply_InfinityInB_WhereAIsZero_GivesNaN_AsTheDenseProductDoes()
    {
        // 0·∞ is NaN, not 0: with a non-finite B no zero may be skipped.
        int m = 20, k = 256, n = 52;
        var random = new Random(3);
        double[] a = MostlyZeros(random, m * k);
        double[] b = GemmTests.RandomArray(random, k * n);
        Assert.Equal(ZeroSkippingGemm.IsSupported, Pays(false, m, n, k, a));
        int zeroColumn = Enumerable.Range(0, k).First(p => a[0 + (p * m)] == 0);
        b[zeroColumn] = double.PositiveInfinity;
        double[] c = new double[m * n];

        Gemm.Multiply(false, false, m, n, k, 1.0, a, m, b, k, 0.0, c, m);

        Assert.True(double.IsNaN(c[0]), $"C(0, 0) is {c[0]}");
    }

    [Fact]
    public void Multiply_NaNInA_SpreadsToItsRowOfC()
    {
        int m = 20, k = 256, n = 52;
        var random = new Random(4);
        double[] a = MostlyZeros(random, m * k);
        a[5 + (17 * m)] = double.NaN;
        double[] b = GemmTests.RandomArray(random, k * n);
        double[] c = new double[m * n];
        Assert.Equal(ZeroSkippingGemm.IsSupported, Pays(false, m, n, k, a));

        Gemm.Multiply(false, false, m, n, k, 1.0, a, m, b, k, 0.0, c, m);

        Assert.All(Enumerable.Range(0, n), j => Assert.True(double.IsNaN(c[5 + (j * m)])));
        Assert.False(double.IsNaN(c[4]));
    }

    [Fact]
    public void Pays_OnlyForMostlyZeroA_AnUntransposedB_AndAWideEnoughC()
    {
        var random = new Random(5);
        double[] sparse = MostlyZeros(random, 100 * 784);
        double[] dense = GemmTests.RandomArray(random, 100 * 784);

        Assert.Equal(ZeroSkippingGemm.IsSupported, Pays(false, 100, 50, 784, sparse));
        Assert.False(Pays(false, 100, 50, 784, dense));
        Assert.False(Pays(false, 100, 10, 784, sparse));
        Assert.False(ZeroSkippingGemm.Pays(false, true, 100, 50, 784, sparse, 100));
    }

    [Theory]
    [InlineData(0.5, false)]
    [InlineData(0.85, true)]
    public void Pays_JudgesAllOfATallImageMatrix_NotAFewOfItsPixels(double zeroFraction, bool expected)
    {
        // 6000 "images" of 784 pixels whose first and last 98 pixels are always 0 (a border), the rest 0 at random.
        // Evenly spaced samples of a tall matrix would keep landing on the same few pixels, often the border.
        int m = 6000, k = 784;
        var random = new Random(6);
        double borderShare = 2.0 * 98 / k;
        double innerZero = (zeroFraction - borderShare) / (1 - borderShare);
        double[] a = new double[m * k];
        for (int p = 98; p < k - 98; p++)
        {
            for (int i = 0; i < m; i++)
            {
                a[i + (p * m)] = random.NextDouble() < innerZero ? 0.0 : random.NextDouble();
            }
        }

        Assert.Equal(expected && ZeroSkippingGemm.IsSupported, Pays(false, m, 50, k, a));
    }

    [Fact]
    public void Pays_IsNotFooledByZerosInRegularlySpacedPixels()
    {
        // Zeros only in every 49th pixel (2% of the matrix): exactly where 256 evenly spaced samples of a
        // 6000×784 matrix would all land, calling it all zeros.
        int m = 6000, k = 784;
        var random = new Random(7);
        double[] a = new double[m * k];
        for (int p = 0; p < k; p++)
        {
            for (int i = 0; i < m; i++)
            {
                a[i + (p * m)] = p % 49 == 0 ? 0.0 : 0.5 + random.NextDouble();
            }
        }

        Assert.False(Pays(false, m, 50, k, a));
    }

    private static bool Pays(bool transA, int m, int n, int k, double[] a) =>
        ZeroSkippingGemm.Pays(transA, false, m, n, k, a, transA ? k : m);

    // Four in five entries exactly 0, some of them -0, like the background of an MNIST digit.
    private static double[] MostlyZeros(Random random, int length) =>
        Enumerable.Range(0, length).Select(_ => random.Next(5) switch { 0 => random.NextDouble() - 0.5, 1 => -0.0, _ => 0.0 }).ToArray();
}
