using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// Runs one notebook in a child `backprop-run run-one` process, so a cell that crashes the process (stack overflow,
/// Environment.Exit) or never returns cannot take the runner down: the parent relays progress, kills a silent child
/// after the cell timeout plus a margin, and reports the cell it was running, keeping earlier cells' outputs.
/// </summary>
internal static class IsolatedRun
{
    // Restore and compile are not part of the cell timeout; leave them this much on top before calling a child silent.
    private static readonly TimeSpan Margin = TimeSpan.FromSeconds(120);

    public static async Task<NotebookRunResult> RunAsync(string path, CommandLine command, bool requireParametersCell, TextWriter progress)
    {
        var stateFolder = Path.Combine(Path.GetTempPath(), "backprop-run", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(stateFolder);
        try
        {
            return await RunInChildAsync(path, command, requireParametersCell, progress, stateFolder);
        }
        finally
        {
            try
            {
                Directory.Delete(stateFolder, recursive: true);
            }
            catch (IOException)
            {
                // A leftover temp folder is harmless.
            }
        }
    }

    private static async Task<NotebookRunResult> RunInChildAsync(string path, CommandLine command, bool requireParametersCell, TextWriter progress, string stateFolder)
    {
        var clock = Stopwatch.StartNew();
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
        child.StandardInput.Close();
        var lastActivity = Stopwatch.StartNew();
        var relay = Task.Run(async () =>
        {
            // Our progress lines are indented; anything else is the runtime's own crash report: keep its first lines only.
            var foreign = 0;
            while (await child.StandardError.ReadLineAsync() is { } line)
            {
                lastActivity.Restart();
                if (line.StartsWith("    ", StringComparison.Ordinal) || line.Length == 0)
                {
                    progress.WriteLine(line);
                }
                else if (foreign++ < 2 && !line.TrimStart().StartsWith("at ", StringComparison.Ordinal))
                {
                    progress.WriteLine($"    process: {line}");
                }
            }
        });
        var drain = child.StandardOutput.ReadToEndAsync();

        var silentLimit = command.Timeout + Margin;
        var killed = false;
        while (!child.WaitForExit(250))
        {
            if (lastActivity.Elapsed > silentLimit)
            {
                child.Kill(entireProcessTree: true);
                killed = true;
                break;
            }
        }

        await child.WaitForExitAsync();
        await Task.WhenAny(relay, Task.Delay(TimeSpan.FromSeconds(2)));
        await Task.WhenAny(drain, Task.Delay(TimeSpan.FromSeconds(2)));
        var exit = child.ExitCode;
        var saved = RunState.Load(stateFolder, path);
        if (saved is not { } s || (s.Document is null && s.State.LoadError is null))
        {
            var reason = killed ? "was silent too long and was stopped" : $"exited with code {exit} before running any cell";
            return new NotebookRunResult(path, null, [], clock.Elapsed, $"{path}: the notebook process {reason}.");
        }

        if (s.Document is null)
        {
            return new NotebookRunResult(path, null, [], clock.Elapsed, s.State.LoadError);
        }

        var byNumber = s.State.Cells.ToDictionary(c => c.Number);
        var results = new List<CellRunResult>();
        var crashed = exit is not (0 or 1) || killed;
        string? skipReason = null;
        foreach (var cell in s.Document.Cells)
        {
            cell.FileLine = s.State.FileLines.GetValueOrDefault(cell.Number);
        }

        foreach (var cell in s.Document.Cells.Where(c => c.Kind == CellKind.Code))
        {
            if (byNumber.TryGetValue(cell.Number, out var cs))
            {
                cell.FileLine = cs.FileLine;
                results.Add(new CellRunResult(cell, cs.Status, cs.Message, TimeSpan.FromSeconds(cs.Seconds)));
                continue;
            }

            if (!crashed)
            {
                continue;
            }

            if (skipReason is null)
            {
                var message = killed
                    ? $"did not finish: the notebook process was silent for {silentLimit.TotalSeconds:0} s and was stopped."
                    : $"the notebook process ended (exit code {exit}) while running this cell, e.g. a stack overflow or Environment.Exit.";
                cell.Outputs.Add(CellOutput.Error(killed ? "TimeoutError" : "ProcessExited", message, [message]));
                results.Add(new CellRunResult(cell, killed ? CellRunStatus.TimedOut : CellRunStatus.Failed, message, TimeSpan.Zero));
                skipReason = $"not run: the notebook process stopped at {cell.Describe()}";
                continue;
            }

            results.Add(new CellRunResult(cell, CellRunStatus.Skipped, skipReason, TimeSpan.Zero));
        }

        return new NotebookRunResult(path, s.Document, results, clock.Elapsed, s.State.LoadError);
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
