using System;
using System.Collections.Generic;
using System.Runtime.InteropServices;
using System.Threading;

namespace Backprop.Runner;

/// <summary>
/// Turns Ctrl-C, SIGTERM (a CI cancel, an IDE's stop button, an outer `timeout`) and SIGHUP into a cancellation, so the
/// run can save what finished and stop its worker instead of dying with it half done.
/// </summary>
internal sealed class StopSignals : IDisposable
{
    private readonly List<PosixSignalRegistration> _registrations = new();
    private readonly CancellationTokenSource _stop = new();
    private int _signal;

    public StopSignals()
    {
        foreach (var signal in new[] { PosixSignal.SIGINT, PosixSignal.SIGTERM, PosixSignal.SIGHUP })
        {
            _registrations.Add(PosixSignalRegistration.Create(signal, OnSignal));
        }
    }

    public CancellationToken Token => _stop.Token;

    /// <summary>The signal that stopped the run ("SIGINT"), or null.</summary>
    public string? Name => _signal switch { 0 => null, 2 => "SIGINT", 15 => "SIGTERM", 1 => "SIGHUP", var n => $"signal {n}" };

    /// <summary>The shell's exit status for a run stopped by the signal: 128 + its number.</summary>
    public int ExitCode => 128 + _signal;

    public void Dispose()
    {
        foreach (var r in _registrations)
        {
            r.Dispose();
        }

        _stop.Dispose();
    }

    /// <summary>Stops the run as <paramref name="signal"/> would (the worker, when its runner asks).</summary>
    public void Request(int signal = 15)
    {
        Interlocked.CompareExchange(ref _signal, signal, 0);
        _stop.Cancel();
    }

    private void OnSignal(PosixSignalContext context)
    {
        // Keep the process alive: the run stops itself, saves, and exits with ExitCode within seconds.
        context.Cancel = true;
        Request(context.Signal switch
        {
            PosixSignal.SIGINT => 2,
            PosixSignal.SIGTERM => 15,
            PosixSignal.SIGHUP => 1,
            _ => 15,
        });
    }
}
