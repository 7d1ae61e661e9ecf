using System;
using System.Diagnostics;
using System.Threading;

namespace Backprop.Kernel.Tests;

public sealed class ParentWatchTests
{
    [Fact]
    public void FiresOnce_WhenTheWatchedProcessExits()
    {
        using var parent = Process.Start("/bin/sleep", "3");
        var fired = 0;
        using var gone = new ManualResetEventSlim();
        using var watch = new ParentWatch(parent.Id, () =>
        {
            Interlocked.Increment(ref fired);
            gone.Set();
        }, TimeSpan.FromMilliseconds(50));

        Assert.False(gone.Wait(TimeSpan.FromMilliseconds(200)));
        Assert.True(gone.Wait(TimeSpan.FromSeconds(30)));
        parent.WaitForExit();
        Thread.Sleep(200);
        Assert.Equal(1, fired);
    }
}
