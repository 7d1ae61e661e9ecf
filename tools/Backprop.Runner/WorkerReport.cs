using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// Turns what a worker saved, and how it ended, into the notebook's result: finished cells as saved, the cell it was
/// running marked with why it ended (the stop marker, a crash), the cells after it marked not run.
/// </summary>
internal static class WorkerReport
{
    public static NotebookRunResult Read(string path, string stateFolder, WorkerEnd end, TimeSpan elapsed)
    {
        var saved = RunState.Load(stateFolder, path);
        if (saved is not { } s || (s.Document is null && s.State.LoadError is null))
        {
            var reason = end.Stopped ? "was stopped before it read the notebook" : end.CellMessage();
            return new NotebookRunResult(path, null, [], elapsed, $"{path}: {reason}");
        }

        if (s.Document is null)
        {
            return new NotebookRunResult(path, null, [], elapsed, s.State.LoadError);
        }

        var byNumber = s.State.Cells.ToDictionary(c => c.Number);
        var results = new List<CellRunResult>();
        var ended = end.Killed || end.Stopped || end.ExitCode is not (0 or 1);
        string? skipReason = null;
        foreach (var cell in s.Document.Cells)
        {
            cell.FileLine = s.State.FileLines.GetValueOrDefault(cell.Number);
        }

        foreach (var cell in s.Document.Cells.Where(c => c.Kind == CellKind.Code))
        {
            if (byNumber.TryGetValue(cell.Number, out var cs))
            {
                results.Add(new CellRunResult(cell, cs.Status, cs.Message, TimeSpan.FromSeconds(cs.Seconds)));
                continue;
            }

            if (!ended)
            {
                continue;
            }

            if (skipReason is null)
            {
                var message = end.CellMessage();
                var status = end.Killed && !end.Stopped ? CellRunStatus.TimedOut : CellRunStatus.Failed;
                cell.Outputs.Add(end.Stopped ? StopMarker.Output(PageText.Of(path).Stopped) : CellOutput.Error(end.Killed ? "TimeoutError" : "ProcessExited", message, [message]));
                results.Add(new CellRunResult(cell, status, message, TimeSpan.Zero));
                skipReason = end.Stopped ? StopMarker.NotRun : $"not run: the notebook process stopped at {cell.Describe()}";
                continue;
            }

            results.Add(new CellRunResult(cell, CellRunStatus.Skipped, skipReason, TimeSpan.Zero));
        }

        return new NotebookRunResult(path, s.Document, results, elapsed, s.State.LoadError);
    }
}
