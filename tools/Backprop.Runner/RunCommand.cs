using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>`run`: every notebook in order, progress on stderr, files into the output folder, summary on stdout.</summary>
internal sealed class RunCommand
{
    private readonly CommandLine _command;
    private readonly TextWriter _out;
    private readonly TextWriter _err;
    private readonly StopSignals _stop;

    public RunCommand(CommandLine command, TextWriter stdout, TextWriter stderr, StopSignals stop)
    {
        _command = command;
        _out = stdout;
        _err = stderr;
        _stop = stop;
    }

    public async Task<int> ExecuteAsync()
    {
        var notebooks = FindNotebooks();
        var output = Path.GetFullPath(_command.Output);
        foreach (var folder in notebooks.Select(Path.GetDirectoryName).Distinct())
        {
            if (string.Equals(Path.TrimEndingDirectorySeparator(folder!), Path.TrimEndingDirectorySeparator(output), StringComparison.Ordinal))
            {
                throw new UsageException($"the output folder {output} is the notebooks' own folder; choose another with -o (sources are never overwritten).");
            }
        }

        var names = notebooks.GroupBy(n => Path.GetFileNameWithoutExtension(n), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
        if (names is not null)
        {
            throw new UsageException($"two notebooks would write the same output '{names.Key}': {string.Join(", ", names)}.");
        }

        OutputFolder.Prepare(output);
        var results = new List<(NotebookRunResult Result, string HtmlFile)>();
        var index = 0;
        foreach (var path in notebooks)
        {
            if (_stop.Token.IsCancellationRequested)
            {
                break;
            }

            index++;
            var name = Path.GetFileName(path);
            _err.WriteLine($"[{index}/{notebooks.Count}] {name}");
            var result = _command.InProcess
                ? await NotebookRunner.RunAsync(path, new RunOptions
                {
                    CellTimeout = _command.Timeout,
                    StopOnError = _command.StopOnError,
                    Parameters = _command.Parameters,
                    RequireParametersCell = notebooks.Count == 1,
                    Log = line => _err.WriteLine($"    {line}"),
                },
                    _stop.Token)
                : await IsolatedRun.RunAsync(path, _command, requireParametersCell: notebooks.Count == 1, _err, _stop.Token);
            var stem = Path.GetFileNameWithoutExtension(path);
            if (result.Document is not null)
            {
                PlotlyOnce.IncludeIn(result.Document);
                IpynbWriter.Write(result.Document, Path.Combine(output, stem + ".ipynb"));
            }

            var html = stem + ".html";
            if (_command.Html)
            {
                HtmlPublisher.Publish(result, Path.Combine(output, html));
            }

            results.Add((result, html));
            Report(result);
        }

        if (_command.Html)
        {
            HtmlPublisher.PublishSite(results, output);
        }

        Summary(results.Select(r => r.Result).ToList(), output);
        if (_stop.Name is { } signal)
        {
            _err.WriteLine($"stopped by {signal}: the cells that finished are saved in {output}; {notebooks.Count - index} notebook(s) not started.");
            return _stop.ExitCode;
        }

        return results.All(r => r.Result.Succeeded) ? 0 : 1;
    }

    private List<string> FindNotebooks()
    {
        var list = new List<string>();
        foreach (var input in _command.Inputs)
        {
            var full = Path.GetFullPath(input);
            if (Directory.Exists(full))
            {
                var found = Directory.EnumerateFiles(full)
                    .Where(NotebookDocument.IsNotebookPath)
                    .Order(StringComparer.Ordinal)
                    .ToList();
                if (found.Count == 0)
                {
                    throw new UsageException($"no .ipynb or .dib notebooks in {input}.");
                }

                list.AddRange(found);
            }
            else if (File.Exists(full))
            {
                if (!NotebookDocument.IsNotebookPath(full))
                {
                    throw new UsageException($"{input} is not a notebook (expected .ipynb or .dib).");
                }

                list.Add(full);
            }
            else
            {
                throw new UsageException($"{input}: no such file or folder.");
            }
        }

        return list.Distinct().ToList();
    }

    private void Report(NotebookRunResult result)
    {
        var name = Path.GetFileName(result.Path);
        if (result.Succeeded)
        {
            _err.WriteLine($"    passed: {result.Cells.Count} cells in {Seconds(result.Elapsed)} s");
            return;
        }

        _err.WriteLine($"    FAILED: {name}");
        foreach (var failure in result.Failures)
        {
            foreach (var line in failure.Split('\n'))
            {
                _err.WriteLine($"      {line}");
            }
        }
    }

    private void Summary(IReadOnlyList<NotebookRunResult> results, string output)
    {
        var width = Math.Max(8, results.Select(r => Path.GetFileName(r.Path).Length).DefaultIfEmpty(0).Max());
        _out.WriteLine();
        _out.WriteLine($"{"Notebook".PadRight(width)}  {"Cells",5}  {"Passed",6}  {"Failed",6}  {"Seconds",7}  Status");
        _out.WriteLine(new string('-', width + 44));
        foreach (var r in results)
        {
            var status = r.LoadError is not null ? "error" : r.Succeeded ? "ok" : "FAILED";
            _out.WriteLine($"{Path.GetFileName(r.Path).PadRight(width)}  {r.Cells.Count,5}  {r.PassedCount,6}  {r.FailedCount,6}  {Seconds(r.Elapsed),7}  {status}");
        }

        _out.WriteLine();
        _out.WriteLine($"Output: {output}");
        var passed = results.Count(r => r.Succeeded);
        _out.WriteLine($"{passed} passed, {results.Count - passed} failed");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
