using System;
using System.Diagnostics;
using System.Threading;

namespace Backprop.Kernel;

/// <summary>Stops the kernel when the Jupyter process that started it dies, so no orphan keeps a core busy.</summary>
/// <remarks>jupyter_client passes its pid in JPY_PARENT_PID on Linux and macOS (on Windows it is a handle, not a pid).</remarks>
internal sealed class ParentWatch : IDisposable
{
    private readonly Timer _timer;

    public ParentWatch(int parentPid, Action onParentGone, TimeSpan interval)
    {
        var fired = 0;
        _timer = new Timer(
            _ =>
            {
                if (!IsAlive(parentPid) && Interlocked.Exchange(ref fired, 1) == 0)
                {
                    onParentGone();
                }
            },
            null,
            interval,
            interval);
    }

    /// <summary>A watch on JPY_PARENT_PID, or null when there is no parent pid to watch.</summary>
    public static ParentWatch? FromEnvironment(Action onParentGone)
    {
        var value = Environment.GetEnvironmentVariable("JPY_PARENT_PID");
        return !OperatingSystem.IsWindows() && int.TryParse(value, out var pid) && pid > 1
            ? new ParentWatch(pid, onParentGone, TimeSpan.FromSeconds(2))
            : null;
    }

    public void Dispose() => _timer.Dispose();

    private static bool IsAlive(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
        catch (InvalidOperationException)
        {
            return false;
        }
    }
}
