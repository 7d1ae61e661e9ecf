using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// Runs one notebook in a child `backprop-run run-one` process, so a cell that crashes the process (stack overflow,
/// Environment.Exit) or never returns cannot take the runner down: the parent relays progress, kills a silent child
/// after the cell timeout plus a margin, and reports the cell it was running, keeping earlier cells' outputs.
/// When the run is stopped the child is asked to stop, given a few seconds to save, then killed with its descendants;
/// the child also exits by itself when the runner disappears (its stdin pipe closes).
/// </summary>
internal static class IsolatedRun
{
    // Restore and compile are not part of the cell timeout; leave them this much on top before calling a child silent.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(120);

    // Longer than the engine's grace for a cancelled cell (3 s), so a stopped child can still save its last cell.
    private static readonly TimeSpan StopGrace = TimeSpan.FromSeconds(6);

    public static async Task<NotebookRunResult> RunAsync(string path, CommandLine command, bool requireParametersCell, TextWriter progress, CancellationToken stop)
    {
        var clock = Stopwatch.StartNew();
        using var state = StateFolder.Create();
        var end = await RunChildAsync(path, command, requireParametersCell, progress, state.Path, stop);
        return WorkerReport.Read(path, state.Path, end, clock.Elapsed);
    }

    private static async Task<WorkerEnd> RunChildAsync(string path, CommandLine command, bool requireParametersCell, TextWriter progress, string stateFolder, CancellationToken stop)
    {
        var psi = new ProcessStartInfo(Environment.ProcessPath!)
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
            RedirectStandardInput = true,
            UseShellExecute = false,
        };
        if (Path.GetFileNameWithoutExtension(Environment.ProcessPath!) == "dotnet")
        {
            psi.ArgumentList.Add(typeof(IsolatedRun).Assembly.Location);
        }

        foreach (var a in ChildArguments(path, command, requireParametersCell, stateFolder))
        {
            psi.ArgumentList.Add(a);
        }

        using var child = Process.Start(psi) ?? throw new InvalidOperationException("could not start the notebook process.");
        var lastActivity = Stopwatch.StartNew();
        string? crash = null;
        var relay = Task.Run(async () =>
        {
            // Our progress lines are indented; anything else is the runtime's own crash report: keep its first line.
            while (await child.StandardError.ReadLineAsync() is { } line)
            {
                if (line.StartsWith("    ", StringComparison.Ordinal) || line.Length == 0)
                {
                    if (!line.Contains(" still running (", StringComparison.Ordinal))
                    {
                        lastActivity.Restart();
                    }

                    progress.WriteLine(line);
                }
                else
                {
                    crash ??= line.Trim();
                }
            }
        });
        var drain = child.StandardOutput.ReadToEndAsync();

        var silentLimit = command.Timeout + Margin;
        var killed = false;
        var stopped = false;
        var stopAsked = Stopwatch.StartNew();
        while (!child.WaitForExit(200))
        {
            if (stop.IsCancellationRequested && !stopped)
            {
                stopped = true;
                stopAsked.Restart();
                Ask(child, ParentWatch.StopLine);
            }

            if ((stopped && stopAsked.Elapsed > StopGrace) || (!stopped && lastActivity.Elapsed > silentLimit))
            {
                Kill(child);
                killed = true;
                break;
            }
        }

        await child.WaitForExitAsync(CancellationToken.None);
        await Task.WhenAny(relay, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(2), CancellationToken.None));
        var exit = child.ExitCode;
        return new WorkerEnd(exit, killed, stopped || exit == WorkerEnd.StoppedExitCode, killed ? null : crash, silentLimit.TotalSeconds);
    }

    private static void Ask(Process child, string line)
    {
        try
        {
            child.StandardInput.WriteLine(line);
            child.StandardInput.Flush();
        }
        catch (IOException)
        {
            // It is already gone.
        }
    }

    private static void Kill(Process child)
    {
        try
        {
            child.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Exited meanwhile.
        }
    }

    private static IEnumerable<string> ChildArguments(string path, CommandLine command, bool requireParametersCell, string stateFolder)
    {
        yield return "run-one";
        yield return path;
        yield return "--state";
        yield return stateFolder;
        yield return "--timeout";
        yield return command.Timeout.TotalSeconds.ToString(System.Globalization.CultureInfo.InvariantCulture);
        if (command.StopOnError)
        {
            yield return "--stop-on-error";
        }

        if (!requireParametersCell)
        {
            yield return "--parameters-optional";
        }

        foreach (var (name, value) in command.Parameters)
        {
            yield return "-p";
            yield return $"{name}={value}";
        }
    }
}
