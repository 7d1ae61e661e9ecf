using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Backprop.Notebooks;

/// <summary>
/// Runs a whole notebook headlessly in one <see cref="ScriptSession"/>, like a teacher pressing "Run All" in VS Code:
/// every C# cell in order, outputs recorded in the document, each cell judged (tags parameters / raises-exception honoured).
/// </summary>
public static class NotebookRunner
{
    public const string RaisesExceptionTag = "raises-exception";

    /// <summary>Reads and runs <paramref name="path"/>; a file that cannot be read gives a result with <see cref="NotebookRunResult.LoadError"/>.</summary>
    public static async Task<NotebookRunResult> RunAsync(string path, RunOptions options, CancellationToken cancellationToken = default)
    {
        NotebookDocument document;
        try
        {
            document = NotebookDocument.Read(path);
        }
        catch (NotebookFormatException e)
        {
            return new NotebookRunResult(path, null, [], TimeSpan.Zero, e.Message);
        }
        catch (IOException e)
        {
            return new NotebookRunResult(path, null, [], TimeSpan.Zero, $"{path}: {e.Message}");
        }

        return await RunAsync(document, options, cancellationToken);
    }

    /// <summary>Runs an already read document (its cells receive the outputs).</summary>
    public static async Task<NotebookRunResult> RunAsync(NotebookDocument document, RunOptions options, CancellationToken cancellationToken = default)
    {
        var clock = Stopwatch.StartNew();
        try
        {
            ParameterInjector.Inject(document, options.Parameters, options.RequireParametersCell);
        }
        catch (ArgumentException e)
        {
            return new NotebookRunResult(document.Path, document, [], clock.Elapsed, $"{document.Path}: {e.Message}");
        }

        options.Prepared?.Invoke(new NotebookRunResult(document.Path, document, [], clock.Elapsed, null));

        var timeout = CellTimeout(document, options);
        var fileName = Path.GetFileName(document.Path);
        var results = new List<CellRunResult>();
        using var session = new ScriptSession(new ScriptSessionOptions
        {
            WorkingDirectory = Path.GetDirectoryName(Path.GetFullPath(document.Path))!,
            NuGetCacheRoot = options.NuGetCacheRoot,
            NuGetSources = options.NuGetSources,
            Log = options.Log,
        });

        string? skipReason = null;
        foreach (var cell in document.Cells.Where(c => c.Kind == CellKind.Code))
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (skipReason is not null || cancellationToken.IsCancellationRequested)
            {
                results.Add(new CellRunResult(cell, CellRunStatus.Skipped, skipReason ?? StopMarker.NotRun, TimeSpan.Zero));
                continue;
            }

            options.Log?.Invoke($"{cell.Describe()} running");
            CellRunResult result;
            using (Heartbeat.Start(options, cell))
            {
                result = await RunCellAsync(session, cell, fileName, timeout, options, PageText.Of(document.Path).Stopped, cancellationToken);
            }

            results.Add(result);
            options.Log?.Invoke($"{cell.Describe()} {Verdict(result)} ({result.Elapsed.TotalSeconds:0.0} s)");
            options.CellFinished?.Invoke(new NotebookRunResult(document.Path, document, results.ToArray(), clock.Elapsed, null));
            if (session.IsBroken)
            {
                skipReason = $"not run: {cell.Describe()} could not be stopped";
            }
            else if (options.StopOnError && !result.Passed)
            {
                skipReason = $"not run: stopped after the failure in {cell.Describe()} (--stop-on-error)";
            }
        }

        return new NotebookRunResult(document.Path, document, results, clock.Elapsed, null);
    }

    private static string Verdict(CellRunResult r) => r.Status switch
    {
        CellRunStatus.Passed => "ok",
        _ when r.Message == StopMarker.Message => "STOPPED",
        CellRunStatus.TimedOut => "TIMED OUT",
        CellRunStatus.Skipped => "skipped",
        _ => "FAILED",
    };

    private static async Task<CellRunResult> RunCellAsync(ScriptSession session, NotebookCell cell, string fileName, TimeSpan timeout, RunOptions options, string stopped, CancellationToken cancellationToken)
    {
        var printed = options.Printed;
        var sink = new CollectingSink(echo: printed is null ? null : o =>
        {
            if (o.Kind == CellOutputKind.Stream)
            {
                printed(o.Text ?? string.Empty);
            }
        });
        if (!KernelNames.IsCSharp(cell.Language))
        {
            var message = $"{cell.Describe()}: the '{cell.Language}' language is not supported (this runner runs C# cells only).";
            cell.Outputs.Add(CellOutput.Error("UnsupportedLanguage", message, [message]));
            return new CellRunResult(cell, CellRunStatus.Failed, message, TimeSpan.Zero);
        }

        var location = new CellLocation(fileName, cell.FileLine);
        var result = await session.ExecuteAsync(cell.Source, sink, location, timeout, cancellationToken);
        // The page's [n] is the cell's number in the source notebook, whatever the session counted (an injected cell).
        var label = cell.CodeNumber > 0 ? cell.CodeNumber : (int?)null;
        cell.Outputs.AddRange(sink.Outputs.Select(o => o.Kind == CellOutputKind.ExecuteResult ? o with { ExecutionCount = label } : o));
        cell.ExecutionCount = label;
        var raises = cell.HasTag(RaisesExceptionTag);
        switch (result.Status)
        {
            case CellStatus.Succeeded when raises:
                var message = $"{cell.Describe()} is tagged '{RaisesExceptionTag}' but did not throw.";
                cell.Outputs.Add(CellOutput.Error("ExpectedExceptionMissing", message, [message]));
                return new CellRunResult(cell, CellRunStatus.Failed, message, result.Elapsed);
            case CellStatus.Succeeded:
                return new CellRunResult(cell, CellRunStatus.Passed, null, result.Elapsed);
            case CellStatus.TimedOut:
                var text = $"{cell.Describe()} timed out after {timeout.TotalSeconds:0.###} s.";
                cell.Outputs.Add(CellOutput.Error("TimeoutError", text, [text]));
                return new CellRunResult(cell, CellRunStatus.TimedOut, text, result.Elapsed);
            case CellStatus.Cancelled:
                cell.Outputs.Add(StopMarker.Output(stopped));
                return new CellRunResult(cell, CellRunStatus.Failed, StopMarker.Message, result.Elapsed);
            default:
                cell.Outputs.Add(result.Error!);
                var error = cell.HasTag(ParameterInjector.InjectedTag) ? ParameterInjector.Explain(cell, result.Error!.ErrorText) : result.Error!.ErrorText;
                return raises
                    ? new CellRunResult(cell, CellRunStatus.Passed, null, result.Elapsed)
                    : new CellRunResult(cell, CellRunStatus.Failed, error, result.Elapsed);
        }
    }

    private static TimeSpan CellTimeout(NotebookDocument document, RunOptions options)
    {
        var value = (document.Metadata["backprop"] as JsonObject)?["cell_timeout"];
        return value is JsonValue v && v.TryGetValue<double>(out var seconds) && seconds > 0
            ? TimeSpan.FromSeconds(seconds)
            : options.CellTimeout;
    }
}
