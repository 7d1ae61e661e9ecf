using System;
using System.Threading;

namespace Backprop.Notebooks;

/// <summary>A "cell 7 still running (60 s)" progress line every interval while a long cell runs, so a silent cell is not mistaken for a hung runner.</summary>
internal sealed class Heartbeat : IDisposable
{
    private readonly Timer? _timer;

    private Heartbeat(Action<string> log, NotebookCell cell, TimeSpan interval)
    {
        var clock = System.Diagnostics.Stopwatch.StartNew();
        _timer = new Timer(_ => log($"{cell.Describe()} still running ({clock.Elapsed.TotalSeconds:0} s)"), null, interval, interval);
    }

    private Heartbeat()
    {
    }

    public static Heartbeat Start(RunOptions options, NotebookCell cell) =>
        options.Log is { } log && options.HeartbeatInterval > TimeSpan.Zero ? new Heartbeat(log, cell, options.HeartbeatInterval) : new Heartbeat();

    public void Dispose() => _timer?.Dispose();
}
