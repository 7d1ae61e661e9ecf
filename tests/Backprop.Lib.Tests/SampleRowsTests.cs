using System;
using System.Linq;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>Batches drawn from a data set (x[batch_mask]) hold exactly the rows of x, however x is kept.</summary>
[Collection(ProviderSwapCollection.Name)]
public class SampleRowsTests
{
    // Rows of 787 values (odd: the tails past eight columns and four rows), 30 of them chosen with repeats.
    private static readonly int[] Chosen = Enumerable.Range(0, 30).Select(i => (i * 37) % 97).Append(5).Append(5).ToArray();

    [Fact]
    public void Pixels_Over255_AreKeptAsBytes_AndComeBackBitForBit()
    {
        var random = new Random(3);
        var x = Matrix<double>.Build.Dense(97, 787, (_, _) => random.Next(256) / 255.0);
        x[0, 0] = 1.0;
        x[1, 1] = 0.0;

        var samples = SampleRows.Of(x);

        Assert.True(samples.AsBytes);
        AssertGathersExactly(samples, x);
    }

    [Fact]
    public void RawPixels_0To255_AreKeptAsBytes_AndComeBackBitForBit()
    {
        var random = new Random(4);
        var x = Matrix<double>.Build.Dense(97, 787, (_, _) => random.Next(256));

        var samples = SampleRows.Of(x);

        Assert.True(samples.AsBytes);
        AssertGathersExactly(samples, x);
    }

    [Theory]
    [InlineData(0.5 / 255.0)] // between two bytes
    [InlineData(256.0)] // past the last byte
    [InlineData(-0.0)] // zero, but not the bits of 0 / 255
    [InlineData(double.NaN)]
    public void OneValueThatIsNotAByte_KeepsEverythingAsDoubles_Exactly(double odd)
    {
        var random = new Random(5);
        var x = Matrix<double>.Build.Dense(97, 787, (_, _) => random.Next(256) / 255.0);
        x[96, 786] = odd;

        var samples = SampleRows.Of(x);

        Assert.False(samples.AsBytes);
        AssertGathersExactly(samples, x, [96, .. Chosen]);
    }

    [Fact]
    public void SmallData_OnOneCore_IsGatheredExactly()
    {
        var x = Check.RandomMatrix(31, 7, seed: 8);
        var samples = SampleRows.Of(x);

        Assert.False(samples.AsBytes);
        AssertGathersExactly(samples, x, [30, 0, 5, 5, 17]);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void BigBatches_SplitOverTwoCores_AreExact_EvenWhenTheCallerDoesBothHalves(bool standby)
    {
        var (bytes, doubles) = PixelsAndReals(seed: 6);
        OnStandby(standby, () =>
        {
            AssertGathersExactly(SampleRows.Of(bytes), bytes);
            AssertGathersExactly(SampleRows.Of(doubles), doubles);
        });
    }

    [Fact]
    public void ARowThatIsNotThere_IsNamed()
    {
        var samples = SampleRows.Of(Check.RandomMatrix(31, 7, seed: 8));
        var batch = Matrix<double>.Build.Dense(2, 7);

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => samples.Gather([3, 31], batch));

        Assert.Contains("Row 31 is outside the 31 rows", error.Message);
    }

    [Fact]
    public void ABatchOfTheWrongShape_IsNamed()
    {
        var samples = SampleRows.Of(Check.RandomMatrix(31, 7, seed: 8));

        var error = Assert.Throws<ArgumentException>(() => samples.Gather([3, 4], Matrix<double>.Build.Dense(2, 6)));

        Assert.Contains("The batch is 2×6 but 2 rows of 7 values", error.Message);
    }

    [Theory]
    [InlineData(false)]
    [InlineData(true)]
    public void GatherInBackground_IntoTwoBatchesInTurn_IsExact_WithOrWithoutASecondCore(bool standby)
    {
        // The training loop's way: the next batch is gathered behind the scenes while the current one is used.
        var (bytes, doubles) = PixelsAndReals(seed: 9);
        OnStandby(standby, () =>
        {
            foreach (var x in new[] { bytes, doubles })
            {
                var samples = SampleRows.Of(x);
                Matrix<double>[] batches = [samples.NewBatch(Chosen.Length), samples.NewBatch(Chosen.Length)];
                for (int step = 0; step < 6; step++)
                {
                    int[] rows = Chosen.Select(r => (r + (step * 11)) % 97).ToArray();
                    var batch = batches[step % 2];
                    samples.GatherInBackground(rows, batch);
                    samples.FinishGather();

                    AssertHoldsRows(batch, x, rows);
                }
            }
        });
    }

    [Fact]
    public void GatherInBackground_IntoABatchItDidNotMake_GathersAtOnce()
    {
        // Only NewBatch's storage is pinned; any other batch could be moved by the GC under the second core.
        var random = new Random(11);
        var x = Matrix<double>.Build.Dense(97, 787, (_, _) => random.Next(256) / 255.0);
        var samples = SampleRows.Of(x);
        var batch = Matrix<double>.Build.Dense(Chosen.Length, 787);

        samples.GatherInBackground(Chosen, batch);

        AssertHoldsRows(batch, x, Chosen); // already there, before any FinishGather
        samples.FinishGather();
    }

    [Fact]
    public void GatherInBackground_ARowThatIsNotThere_IsNamedBeforeAnythingStarts()
    {
        var samples = SampleRows.Of(Check.RandomMatrix(31, 7, seed: 8));

        var error = Assert.Throws<ArgumentOutOfRangeException>(() => samples.GatherInBackground([3, -1], samples.NewBatch(2)));

        Assert.Contains("Row -1 is outside the 31 rows", error.Message);
        samples.FinishGather();
    }

    // 97 rows of 787: pixels k / 255 (kept as bytes) drawn from Random(seed), and reals (kept as doubles) from seed + 1.
    private static (Matrix<double> Bytes, Matrix<double> Doubles) PixelsAndReals(int seed)
    {
        var random = new Random(seed);
        return (Matrix<double>.Build.Dense(97, 787, (_, _) => random.Next(256) / 255.0), Check.RandomMatrix(97, 787, seed: seed + 1));
    }

    // Runs the test with the second core on standby (the caller then does both halves) or not, and leaves it off standby.
    private static void OnStandby(bool standby, Action test)
    {
        SecondCore.Standby = standby;
        try
        {
            test();
        }
        finally
        {
            SecondCore.Standby = false;
        }
    }

    private static void AssertGathersExactly(SampleRows samples, Matrix<double> x, int[]? rows = null)
    {
        rows ??= Chosen;
        var batch = Matrix<double>.Build.Dense(rows.Length, x.ColumnCount, double.NaN);

        samples.Gather(rows, batch);

        AssertHoldsRows(batch, x, rows);
    }

    private static void AssertHoldsRows(Matrix<double> batch, Matrix<double> x, int[] rows)
    {
        for (int r = 0; r < rows.Length; r++)
        {
            for (int j = 0; j < x.ColumnCount; j++)
            {
                Assert.Equal(BitConverter.DoubleToInt64Bits(x[rows[r], j]), BitConverter.DoubleToInt64Bits(batch[r, j]));
            }
        }
    }
}
