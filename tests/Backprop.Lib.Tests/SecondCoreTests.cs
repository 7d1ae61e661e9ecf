using System;
using System.Threading;
using Backprop.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The second core's background pieces: each runs once, whoever runs it, and errors come back to the caller.</summary>
[Collection(ProviderSwapCollection.Name)]
public unsafe class SecondCoreTests
{
    [Theory]
    [InlineData(0)] // the caller finishes at once: it runs what the second core has not begun
    [InlineData(200)] // the caller finishes late: the second core has run them all
    public void BackgroundPieces_EachRunExactlyOnce(int microsecondsBeforeFinishing)
    {
        int[] runs = GC.AllocateArray<int>(97, pinned: true);
        fixed (int* counts = runs)
        {
            for (int round = 0; round < 20; round++)
            {
                if (round % 5 == 0)
                {
                    Thread.Sleep(10); // long enough for the second core to go to sleep: the pieces must wake it
                }

                bool started = SecondCore.TryRunInBackground(&Count, counts, runs.Length);
                if (!started)
                {
                    for (int i = 0; i < runs.Length; i++)
                    {
                        Count(counts, i);
                    }
                }

                SpinFor(microsecondsBeforeFinishing);
                SecondCore.FinishBackground();
            }
        }

        Assert.All(runs, n => Assert.Equal(20, n));
    }

    [Fact]
    public void BackgroundPieces_AndHalves_TakeTurns()
    {
        // Halves posted while pieces are pending still run, both of them, and the pieces all finish.
        int[] runs = GC.AllocateArray<int>(64, pinned: true);
        int[] halves = GC.AllocateArray<int>(2, pinned: true);
        fixed (int* counts = runs, halfCounts = halves)
        {
            bool started = SecondCore.TryRunInBackground(&Count, counts, runs.Length);
            for (int i = 0; i < 50; i++)
            {
                if (!SecondCore.TryRunHalves(&Count, halfCounts))
                {
                    Count(halfCounts, 0);
                    Count(halfCounts, 1);
                }
            }

            SecondCore.FinishBackground();
            if (!started)
            {
                Assert.All(runs, n => Assert.Equal(0, n));
                return;
            }
        }

        Assert.All(runs, n => Assert.Equal(1, n));
        Assert.Equal([50, 50], halves);
    }

    [Fact]
    public void AFailingPiece_IsReportedByFinish_AndTheBackgroundIsFreeAgain()
    {
        int[] runs = GC.AllocateArray<int>(8, pinned: true);
        fixed (int* counts = runs)
        {
            if (!SecondCore.TryRunInBackground(&FailAtThree, counts, runs.Length))
            {
                return; // no second core on this machine: nothing runs in the background
            }

            var error = Assert.Throws<InvalidOperationException>(SecondCore.FinishBackground);
            Assert.Contains("piece 3", error.InnerException!.Message);
            Assert.Equal([1, 1, 1, 0, 1, 1, 1, 1], runs);

            Assert.True(SecondCore.TryRunInBackground(&Count, counts, runs.Length));
            SecondCore.FinishBackground();
        }

        Assert.Equal([2, 2, 2, 1, 2, 2, 2, 2], runs);
    }

    private static void Count(void* state, int piece) => Interlocked.Increment(ref ((int*)state)[piece]);

    private static void FailAtThree(void* state, int piece)
    {
        if (piece == 3)
        {
            throw new InvalidOperationException("piece 3 failed");
        }

        Count(state, piece);
    }

    private static void SpinFor(int microseconds)
    {
        long until = System.Diagnostics.Stopwatch.GetTimestamp() + (microseconds * System.Diagnostics.Stopwatch.Frequency / 1_000_000);
        while (System.Diagnostics.Stopwatch.GetTimestamp() < until)
        {
        }
    }
}
