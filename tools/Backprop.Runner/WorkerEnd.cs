using System;

namespace Backprop.Runner;

/// <summary>How a notebook's worker process ended, as the runner saw it.</summary>
/// <param name="ExitCode">The worker's exit code.</param>
/// <param name="Killed">The runner killed it: silent past the limit, or not stopping when asked.</param>
/// <param name="Stopped">The run was stopped (a signal to the runner or to the worker).</param>
/// <param name="Crash">The runtime's own first line when it died (e.g. "Stack overflow."), else null.</param>
/// <param name="SilentSeconds">The silence limit, for the message when <paramref name="Killed"/> without a stop.</param>
internal sealed record WorkerEnd(int ExitCode, bool Killed, bool Stopped, string? Crash, double SilentSeconds)
{
    /// <summary>Exit code of a worker that stopped itself after a stop request or a signal, having saved its state.</summary>
    public const int StoppedExitCode = 130;

    /// <summary>The one line put on the cell the worker was running when it ended.</summary>
    public string CellMessage()
    {
        if (Stopped)
        {
            return Backprop.Notebooks.StopMarker.Message;
        }

        if (Killed)
        {
            return $"did not finish: the notebook process was silent for {SilentSeconds:0} s and was stopped.";
        }

        if (Crash is { } crash && crash.StartsWith("Stack overflow", StringComparison.Ordinal))
        {
            return "the notebook process crashed with a stack overflow while running this cell (a recursion that never ends?).";
        }

        if (Crash is { } other)
        {
            return $"the notebook process crashed while running this cell: {other.Replace("Unhandled exception. ", string.Empty)}";
        }

        if (ExitCode > 128 && ExitCode < 160 && !OperatingSystem.IsWindows())
        {
            return $"the notebook process was killed (signal {ExitCode - 128}) while running this cell.";
        }

        return $"the notebook process ended (exit code {ExitCode}) while running this cell, e.g. Environment.Exit({ExitCode}).";
    }
}
