using System;
using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra.Double;
using MathNet.Numerics.Providers.LinearAlgebra;

namespace Backprop.Fast.Tests;

/// <summary>The provider's element-wise operations are MathNet's own, bit for bit; its options live on the instance.</summary>
public class ProviderTests
{
    // Lengths around the vector width and its multiples, so that every loop's tail runs too.
    public static TheoryData<int> Lengths => new() { 0, 1, 3, 4, 5, 8, 17, 1001 };

    [Theory]
    [MemberData(nameof(Lengths))]
    public void ArrayOperations_AreTheManagedProvidersBitForBit(int length)
    {
        var random = new Random(length);
        double[] x = GemmTests.RandomArray(random, length), y = GemmTests.RandomArray(random, length);
        var managed = ManagedLinearAlgebraProvider.Instance;
        var ours = new FastLinearAlgebraProvider();

        Same(length, (p, r) => p.AddArrays(x, y, r), managed, ours, "x + y");
        Same(length, (p, r) => p.SubtractArrays(x, y, r), managed, ours, "x - y");
        Same(length, (p, r) => p.PointWiseMultiplyArrays(x, y, r), managed, ours, "x .* y");
        Same(length, (p, r) => p.PointWiseDivideArrays(x, y, r), managed, ours, "x ./ y");
        Same(length, (p, r) => p.ScaleArray(0.1, x, r), managed, ours, "0.1 x");
        Same(length, (p, r) => p.AddVectorToScaledVector(y, -0.1, x, r), managed, ours, "y - 0.1 x");
    }

    [Fact]
    public void ArrayOperations_OnInfinitiesNaNsZerosAndSubnormals_AreTheManagedProvidersBitForBit()
    {
        // Every pair of these meets in some lane and in the scalar tail (11 values: two vectors of four and three left).
        double[] special = [double.NaN, double.PositiveInfinity, double.NegativeInfinity, -0.0, 0.0, double.MaxValue, double.Epsilon, -1e-310, 1.0, -3.5, 1e300];
        var managed = ManagedLinearAlgebraProvider.Instance;
        var ours = new FastLinearAlgebraProvider();
        for (int shift = 0; shift < special.Length; shift++)
        {
            double[] x = special, y = special.Skip(shift).Concat(special.Take(shift)).ToArray();
            SameBits((p, r) => p.AddArrays(x, y, r), managed, ours, $"x + y, shift {shift}");
            SameBits((p, r) => p.SubtractArrays(x, y, r), managed, ours, $"x - y, shift {shift}");
            SameBits((p, r) => p.PointWiseMultiplyArrays(x, y, r), managed, ours, $"x .* y, shift {shift}");
            SameBits((p, r) => p.PointWiseDivideArrays(x, y, r), managed, ours, $"x ./ y, shift {shift}");
            SameBits((p, r) => p.ScaleArray(y[0], x, r), managed, ours, $"{y[0]} x");
            SameBits((p, r) => p.AddVectorToScaledVector(y, y[0], x, r), managed, ours, $"y + {y[0]} x");
        }
    }

    private static void SameBits(Action<ILinearAlgebraProvider, double[]> operation, ILinearAlgebraProvider managed, ILinearAlgebraProvider ours, string what)
    {
        double[] expected = new double[11], actual = new double[11];
        operation(managed, expected);
        operation(ours, actual);
        Assert.True(
            expected.Select(BitConverter.DoubleToInt64Bits).SequenceEqual(actual.Select(BitConverter.DoubleToInt64Bits)),
            $"{what}: managed {string.Join(", ", expected)}, ours {string.Join(", ", actual)}");
    }

    [Fact]
    public void ArrayOperations_OfDifferentLengths_SayWhich()
    {
        var error = Assert.Throws<ArgumentException>(() => new FastLinearAlgebraProvider().AddArrays(new double[3], new double[4], new double[3]));

        Assert.Contains("3, 4 and 3", error.Message);
    }

    [Fact]
    public void Options_OneCore_HasNoHelperThread()
    {
        var provider = new FastLinearAlgebraProvider(new FastLinearAlgebraOptions { UseSecondCore = false });

        Assert.Null(provider.Second);
        Assert.Contains("1 core", provider.ToString());
    }

    [Fact]
    public void Install_MakesItMathNetsProvider_AndReturnsIt()
    {
        var before = LinearAlgebraControl.Provider;
        try
        {
            var provider = FastLinearAlgebra.Install(new FastLinearAlgebraOptions { UseSecondCore = false });

            Assert.Same(provider, LinearAlgebraControl.Provider);
            Assert.False(provider.Options.UseSecondCore);
            var x = DenseMatrix.OfArray(new double[,] { { 1, 2 }, { 3, 4 }, { 5, 6 } });
            var w = DenseMatrix.OfArray(new double[,] { { 1, 0, 2 }, { -1, 3, 1 } });
            Assert.Equal(new double[,] { { -1, 6, 4 }, { -1, 12, 10 }, { -1, 18, 16 } }, (x * w).ToArray());
        }
        finally
        {
            LinearAlgebraControl.Provider = before;
        }
    }

    // Swaps the process-wide provider, so it sits in this class with Install's test: xunit runs a class's tests one at a time.
    [Fact]
    public void Training_UnderMathNetsProviderAndOurs_GivesTheSameWeights()
    {
        var random = new Random(3);
        var x = Matrix<double>.Build.Dense(500, 784, (_, _) => random.NextDouble() < 0.5 ? 0 : random.NextDouble());
        int[] t = Enumerable.Range(0, 500).Select(i => i % 10).ToArray();
        var options = new TrainingOptions { Iterations = 60, Seed = 7 };
        var before = LinearAlgebraControl.Provider;
        try
        {
            LinearAlgebraControl.UseManaged();
            var managed = new TwoLayerNet(784, 50, 10, seed: 1);
            var managedHistory = Trainer.Train(managed, x, t, x, t, options);
            FastLinearAlgebra.Install();
            var ours = new TwoLayerNet(784, 50, 10, seed: 1);
            var ourHistory = Trainer.Train(ours, x, t, x, t, options);

            foreach (string key in managed.Params.Keys)
            {
                double error = (managed.Params[key] - ours.Params[key]).Enumerate().Max(Math.Abs);
                Assert.True(error < 1e-12, $"{key} differs by {error:E2}");
            }
            Assert.Equal(managedHistory.Losses[^1], ourHistory.Losses[^1], 1e-12);
            Assert.Equal(managedHistory.TrainAccuracies, ourHistory.TrainAccuracies);
        }
        finally
        {
            LinearAlgebraControl.Provider = before;
        }
    }

    private static void Same(
        int length, Action<ILinearAlgebraProvider, double[]> operation, ILinearAlgebraProvider managed, ILinearAlgebraProvider ours, string what)
    {
        double[] expected = new double[length], actual = new double[length];
        operation(managed, expected);
        operation(ours, actual);
        Assert.True(expected.SequenceEqual(actual), $"{what} differs from the managed provider at length {length}");
    }
}
