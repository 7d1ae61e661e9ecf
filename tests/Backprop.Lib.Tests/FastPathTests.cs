using System;
using System.Linq;
using Backprop;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The speed under the layers (reused buffers, storage loops, our GEMM) changes no number.</summary>
[Collection(ProviderSwapCollection.Name)]
public class FastPathTests
{
    [Fact]
    public void Affine_OnOddShapes_MatchesTheStraightforwardFormulas_AcrossBatchSizes()
    {
        var w = Check.RandomMatrix(53, 29, seed: 1);
        var b = Check.RandomMatrix(1, 29, seed: 2);
        var affine = new Affine(w, b);
        // A changing batch size makes the layer trade its buffers in and out: 37, 5, then 37 again.
        foreach (int batch in new[] { 37, 5, 37 })
        {
            var x = Check.RandomMatrix(batch, 53, seed: batch);
            var dout = Check.RandomMatrix(batch, 29, seed: batch + 1);
            var bRows = Matrix<double>.Build.Dense(batch, 29, (_, j) => b[0, j]);

            var y = affine.Forward(x);
            Check.AssertClose(Naive(x, w) + bRows, y, 1e-13);
            var dx = affine.Backward(dout);

            Check.AssertClose(Naive(dout, w.Transpose()), dx, 1e-13);
            Check.AssertClose(Naive(x.Transpose(), dout), affine.DW!, 1e-13);
            Check.AssertClose(Matrix<double>.Build.DenseOfRowVectors(dout.ColumnSums()), affine.DB!, 1e-13);
        }
    }

    [Fact]
    public void Relu_AfterABatchOfAnotherShape_MatchesNumericalGradient()
    {
        var relu = new Relu();
        relu.Forward(Check.RandomMatrix(11, 3, seed: 4));
        var x = Check.RandomMatrix(9, 17, seed: 5).Map(v => v + (Math.Sign(v) * 0.1));
        var dout = Check.RandomMatrix(9, 17, seed: 6);

        var numerical = Check.NumericalInputGradient(relu, x, dout);
        relu.Forward(x);

        Check.AssertClose(numerical, relu.Backward(dout));
    }

    [Fact]
    public void TrainingSteps_AfterWarmUp_AllocateNothing()
    {
        var network = new TwoLayerNet(784, 50, 10, seed: 1);
        var x = Check.RandomMatrix(100, 784, seed: 2, scale: 0.5);
        Labels t = Enumerable.Range(0, 100).Select(i => i % 10).ToArray();
        // Warm up every way a product can run, each of which sizes this thread's packing buffers once: whole on
        // this core (when another test holds the second one), in halves both here (the second core late), in halves
        // on two cores.
        foreach (var (enabled, standby) in new[] { (false, false), (true, true), (true, false) })
        {
            SecondCore.Enabled = enabled;
            SecondCore.Standby = standby;
            network.Gradient(x, t);
            network.Loss(x, t);
        }

        long before = GC.GetAllocatedBytesForCurrentThread();
        for (int i = 0; i < 20; i++)
        {
            var grad = network.Gradient(x, t);
            foreach (string key in grad.Keys)
            {
                DenseOps.SubtractScaled(network.Params[key], 0.1, grad[key]);
            }

            network.Loss(x, t);
        }

        long allocated = GC.GetAllocatedBytesForCurrentThread() - before;
        Assert.True(allocated == 0, $"20 training steps allocated {allocated} bytes");
    }

    [Fact]
    public void Training_GivesTheSameHistoryAsMathNetsManagedProvider()
    {
        var (x, t) = Blobs(rows: 400, features: 37, classes: 5, seed: 3);
        var (xTest, tTest) = Blobs(rows: 120, features: 37, classes: 5, seed: 4);
        var options = new TrainingOptions { Iterations = 200, BatchSize = 20, LearningRate = 0.1, Seed = 5 };

        var fast = Trainer.Train(new TwoLayerNet(37, 23, 5, seed: 6), x, t, xTest, tTest, options);
        var installed = LinearAlgebraControl.Provider;
        LinearAlgebraControl.Provider = ManagedLinearAlgebraProvider.Instance;
        TrainingHistory managed;
        try
        {
            managed = Trainer.Train(new TwoLayerNet(37, 23, 5, seed: 6), x, t, xTest, tTest, options);
        }
        finally
        {
            LinearAlgebraControl.Provider = installed;
        }

        Assert.IsType<FastLinearAlgebraProvider>(installed);
        Assert.Equal(managed.TrainAccuracies, fast.TrainAccuracies);
        Assert.Equal(managed.TestAccuracies, fast.TestAccuracies);
        for (int i = 0; i < managed.Losses.Count; i++)
        {
            Assert.True(Math.Abs(fast.Losses[i] - managed.Losses[i]) <= 1e-12 * Math.Abs(managed.Losses[i]), $"loss {i}: {fast.Losses[i]:R} vs {managed.Losses[i]:R}");
        }
    }

    [Theory]
    [InlineData(53, 47, 61)]
    [InlineData(403, 331, 77)]
    [InlineData(101, 784, 50)] // five-wide tiles: 16×5 against 8×5
    [InlineData(21, 33, 35)]
    public void WideTile_WhereverItRuns_MatchesTheNarrowOne(int m, int k, int n)
    {
        // The 16-row Vector512 tile runs by itself on AVX-512 machines only; here it is forced on
        // (emulated where the hardware lacks it) so that every machine checks it, packing included.
        var x = Check.RandomMatrix(m, k, seed: 1);
        var xT = x.Transpose();
        var w = Check.RandomMatrix(k, n, seed: 2);
        var wT = w.Transpose();
        bool was = GemmKernel.Wide;
        try
        {
            foreach (var product in new Func<Matrix<double>>[] { () => x * w, () => xT.TransposeThisAndMultiply(w), () => x.TransposeAndMultiply(wT) })
            {
                GemmKernel.Wide = false;
                var narrow = product();
                GemmKernel.Wide = true;
                var wide = product();

                Check.AssertClose(narrow, wide, 1e-13);
            }
        }
        finally
        {
            GemmKernel.Wide = was;
        }
    }

    [Theory]
    [InlineData(100, 784, 50)] // the batch forward, cut along k over two cores
    [InlineData(100, 30, 13)] // a partial six-wide panel of B
    [InlineData(104, 19, 6)]
    [InlineData(20, 7, 5)]
    [InlineData(4, 9, 7)]
    [InlineData(7, 11, 6)] // a column height the vector does not divide: no rows stepped over
    [InlineData(36, 300, 1025)] // wide: panels of B outside, the left-over panel among them
    public void Multiply_WithAOffAVectorBoundary_MatchesNaiveTripleLoop_OnBothTiles(int m, int k, int n)
    {
        // The tile reads whole panels of A from vector boundaries, starting as many rows down as it takes; the
        // rows above and below them go through one left-over panel. A starts 0 to 7 doubles past a 64-byte line.
        var random = new Random(m + k + n);
        double[] storage = GC.AllocateArray<double>((m * k) + 16, pinned: true);
        double[] b = GemmTests.RandomArray(random, k * n);
        bool was = GemmKernel.Wide;
        try
        {
            foreach (bool wide in new[] { false, true })
            {
                GemmKernel.Wide = wide;
                for (int offset = 0; offset < 8; offset++)
                {
                    foreach (var (alpha, beta) in new[] { (1.0, 0.0), (-0.5, 1.0) })
                    {
                        var a = AtOffset(storage, offset, m * k);
                        double[] aCopy = GemmTests.RandomArray(random, m * k);
                        aCopy.CopyTo(a);
                        double[] c = GemmTests.RandomArray(random, m * n);
                        double[] expected = GemmTests.Naive(false, false, m, n, k, alpha, aCopy, b, beta, c);

                        Gemm.Multiply(false, false, m, n, k, alpha, a, m, b, k, beta, c, m);

                        Check.AssertClose(Matrix<double>.Build.Dense(m, n, expected), Matrix<double>.Build.Dense(m, n, c), 1e-12);
                    }
                }
            }
        }
        finally
        {
            GemmKernel.Wide = was;
        }
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void Update_BigEnoughForTwoCores_IsExact_EvenWhenTheCallerDoesBothHalves(bool standby)
    {
        // A 783×50 parameter: split over the two cores (an odd size: tails).
        var p = Check.RandomMatrix(783, 50, seed: 1);
        var g = Check.RandomMatrix(783, 50, seed: 2);
        var expected = Matrix<double>.Build.Dense(783, 50, (i, j) => p[i, j] - (0.1 * g[i, j]));
        SecondCore.Standby = standby;
        try
        {
            DenseOps.SubtractScaled(p, 0.1, g);
        }
        finally
        {
            SecondCore.Standby = false;
        }

        Assert.Equal(expected, p);
    }

    [Fact]
    public void SubtractScaled_OnAnOddLength_IsTheBooksUpdateExactly()
    {
        // params -= lr * grad: a multiply, then a subtraction (no fused multiply-add), for the vector body and the tail alike.
        var p = Check.RandomMatrix(7, 3, seed: 1);
        var g = Check.RandomMatrix(7, 3, seed: 2);
        var expected = Matrix<double>.Build.Dense(7, 3, (i, j) => p[i, j] - (0.1 * g[i, j]));

        DenseOps.SubtractScaled(p, 0.1, g);

        Assert.Equal(expected, p);
    }

    [Fact]
    public void SubtractScaled_GradientOfAnotherShape_NamesBoth()
    {
        var error = Assert.Throws<ArgumentException>(() =>
            DenseOps.SubtractScaled(Matrix<double>.Build.Dense(3, 2), 0.1, Matrix<double>.Build.Dense(2, 2)));

        Assert.Contains("2×2", error.Message);
        Assert.Contains("3×2", error.Message);
    }

    [Fact]
    public void Layers_KeepABufferPerShape_ForTheBatchTheTrainingSetAndTheTestSet()
    {
        // Training alternates a batch with the two evaluation sets: each keeps its own output, none is reallocated.
        var affine = new Affine(Check.RandomMatrix(5, 3, seed: 1), Matrix<double>.Build.Dense(1, 3));
        var batch = affine.Forward(Check.RandomMatrix(4, 5, seed: 2));
        var train = affine.Forward(Check.RandomMatrix(60, 5, seed: 3));
        var test = affine.Forward(Check.RandomMatrix(10, 5, seed: 4));

        Assert.Same(batch, affine.Forward(Check.RandomMatrix(4, 5, seed: 5)));
        Assert.Same(train, affine.Forward(Check.RandomMatrix(60, 5, seed: 6)));
        Assert.Same(test, affine.Forward(Check.RandomMatrix(10, 5, seed: 7)));

        // A fourth shape pushes out the one used longest ago.
        affine.Forward(Check.RandomMatrix(2, 5, seed: 8));
        Assert.Same(train, affine.Forward(Check.RandomMatrix(60, 5, seed: 9)));
        Assert.NotSame(batch, affine.Forward(Check.RandomMatrix(4, 5, seed: 10)));
    }

    [Fact]
    public void SoftmaxRows_FourAtATime_IsRowByRowSoftmax_BitForBit()
    {
        // 11 rows (two blocks of four and a tail of three) holding ties, -0, ±∞ and NaN, and plain rows.
        var x = Check.RandomMatrix(11, 7, seed: 3, scale: 30);
        double[] special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, 5.0];
        for (int j = 0; j < 7; j++)
        {
            x[1, j] = 5.0;
            x[2, j] = special[j % special.Length];
            x[9, j] = special[(j + 3) % special.Length];
        }
        x[5, 3] = double.PositiveInfinity;
        var y = Matrix<double>.Build.Dense(11, 7);

        DenseOps.SoftmaxRows(x, y);

        for (int i = 0; i < 11; i++)
        {
            double max = Enumerable.Range(0, 7).Aggregate(double.NegativeInfinity, (m, j) => Math.Max(m, x[i, j]));
            double[] e = Enumerable.Range(0, 7).Select(j => Math.Exp(x[i, j] - max)).ToArray();
            double sum = e.Aggregate(0.0, (total, v) => total + v);
            for (int j = 0; j < 7; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(e[j] / sum), BitConverter.DoubleToInt64Bits(y[i, j]));
            }
        }
    }

    [Fact]
    public void ArgmaxRows_FourAtATime_IsNumpysArgmax_FirstOnTies()
    {
        // numpy's argmax returns the first of equal maxima; a NaN never wins here (NaN > v is false).
        var x = Check.RandomMatrix(11, 10, seed: 4);
        for (int j = 0; j < 10; j++)
        {
            x[0, j] = 1.0;
            x[3, j] = j is 2 or 7 ? 9.0 : 0.0;
            x[6, j] = j == 0 ? double.NaN : -j;
            x[10, j] = j is 4 or 8 ? 3.0 : -0.0;
        }

        int[] best = DenseOps.ArgmaxRows(x);

        Assert.Equal(0, best[0]);
        Assert.Equal(2, best[3]);
        Assert.Equal(0, best[6]);
        Assert.Equal(4, best[10]);
        for (int i = 0; i < 11; i++)
        {
            int expected = Enumerable.Range(0, 10).Aggregate(0, (b, j) => x[i, j] > x[i, b] ? j : b);
            Assert.Equal(expected, best[i]);
        }
    }

    // The part of pinned storage that starts offset doubles past a 64-byte line.
    private static unsafe Span<double> AtOffset(double[] storage, int offset, int length)
    {
        fixed (double* p = storage)
        {
            int start = (int)((64 - ((nint)p % 64)) % 64 / sizeof(double)) + offset;
            return storage.AsSpan(start, length);
        }
    }

    private static Matrix<double> Naive(Matrix<double> a, Matrix<double> b) =>
        Matrix<double>.Build.Dense(a.RowCount, b.ColumnCount, (i, j) => Enumerable.Range(0, a.ColumnCount).Sum(p => a[i, p] * b[p, j]));

    // Gaussian blobs around one centre per class: separable enough that training moves the accuracy.
    private static (Matrix<double> X, Labels T) Blobs(int rows, int features, int classes, int seed)
    {
        var random = new Random(seed);
        var centres = Check.RandomMatrix(classes, features, seed: 99);
        int[] labels = Enumerable.Range(0, rows).Select(i => i % classes).ToArray();
        var x = Matrix<double>.Build.Dense(rows, features, (i, j) => centres[labels[i], j] + (0.8 * (random.NextDouble() - 0.5)));
        return (x, labels);
    }
}
