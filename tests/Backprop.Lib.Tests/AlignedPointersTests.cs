using System;
using Backprop.LinearAlgebra;

namespace Backprop.Lib.Tests;

public unsafe class AlignedPointersTests
{
    [Fact]
    public void Align_RoundsUpToTheNextBoundary_WithinTheSlack()
    {
        double[] buffer = GC.AllocateArray<double>(64, pinned: true);
        fixed (double* start = buffer)
        {
            for (int offset = 0; offset < 8; offset++)
            {
                double* aligned = AlignedPointers.Align(start + offset);

                Assert.Equal(0, (nint)aligned % 32);
                Assert.InRange((long)(aligned - (start + offset)), 0, AlignedPointers.Slack - 1);
            }
        }
    }
}
