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
        var editions = CourseEdition.Find(_command.Inputs);
        var notebooks = editions.SelectMany(e => e.Notebooks).ToList();
        var output = Path.GetFullPath(_command.Output);
        var sources = notebooks.Select(n => Path.TrimEndingDirectorySeparator(Path.GetDirectoryName(n)!)).Distinct().ToList();
        foreach (var edition in editions)
        {
            var folder = Path.TrimEndingDirectorySeparator(Path.Combine(output, edition.Folder));
            if (sources.Contains(folder, StringComparer.Ordinal))
            {
                throw new UsageException($"the output folder {folder} is the notebooks' own folder; choose another with -o (sources are never overwritten).");
            }

            var names = edition.Notebooks.GroupBy(n => Path.GetFileNameWithoutExtension(n), StringComparer.OrdinalIgnoreCase).FirstOrDefault(g => g.Count() > 1);
            if (names is not null)
            {
                throw new UsageException($"two notebooks would write the same output '{names.Key}': {string.Join(", ", names)}.");
            }
        }

        foreach (var edition in editions)
        {
            OutputFolder.Prepare(Path.Combine(output, edition.Folder));
        }

        var results = editions.ToDictionary(e => e, _ => new List<(NotebookRunResult Result, string HtmlFile)>());
        var index = 0;
        foreach (var (edition, path) in editions.SelectMany(e => e.Notebooks.Select(n => (e, n))))
        {
            if (_stop.Token.IsCancellationRequested)
            {
                break;
            }

            index++;
            _err.WriteLine($"[{index}/{notebooks.Count}] {edition.Display(path)}");
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
            var folder = Path.Combine(output, edition.Folder);
            if (result.Document is not null)
            {
                PlotlyOnce.IncludeIn(result.Document);
                IpynbWriter.Write(result.Document, Path.Combine(folder, stem + ".ipynb"));
            }

            var html = stem + ".html";
            if (_command.Html)
            {
                HtmlPublisher.Publish(result, Path.Combine(folder, html));
            }

            results[edition].Add((result, html));
            Report(result, edition.Display(path));
        }

        if (_command.Html)
        {
            // An edition a stopped run never reached gets no empty index.
            foreach (var edition in editions.Where(e => e == editions[0] || results[e].Count > 0))
            {
                // Every page links its twins in the other editions that ran, so a switch never leads to a missing page.
                var others = editions.Where(e => e != edition && results[e].Count > 0)
                    .Select(e => new Edition(e.Text, edition.HrefTo(e), results[e].Select(r => r.HtmlFile).ToHashSet(StringComparer.Ordinal)))
                    .ToList();
                HtmlPublisher.PublishSite(results[edition], Path.Combine(output, edition.Folder), new SiteOptions { Text = edition.Text, Editions = others });
            }
        }

        Summary(editions.SelectMany(e => results[e].Select(r => (Name: e.Display(r.Result.Path), r.Result))).ToList(), output);
        if (_stop.Name is { } signal)
        {
            _err.WriteLine($"stopped by {signal}: the cells that finished are saved in {output}; {notebooks.Count - index} notebook(s) not started.");
            return _stop.ExitCode;
        }

        return results.Values.SelectMany(r => r).All(r => r.Result.Succeeded) ? 0 : 1;
    }

    private void Report(NotebookRunResult result, string name)
    {
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

    private void Summary(IReadOnlyList<(string Name, NotebookRunResult Result)> notebooks, string output)
    {
        var results = notebooks.Select(n => n.Result).ToList();
        var width = Math.Max(8, notebooks.Select(n => n.Name.Length).DefaultIfEmpty(0).Max());
        _out.WriteLine();
        _out.WriteLine($"{"Notebook".PadRight(width)}  {"Cells",5}  {"Passed",6}  {"Failed",6}  {"Seconds",7}  Status");
        _out.WriteLine(new string('-', width + 44));
        foreach (var (name, r) in notebooks)
        {
            var status = r.LoadError is not null ? "error" : r.Succeeded ? "ok" : "FAILED";
            _out.WriteLine($"{name.PadRight(width)}  {r.Cells.Count,5}  {r.PassedCount,6}  {r.FailedCount,6}  {Seconds(r.Elapsed),7}  {status}");
        }

        _out.WriteLine();
        _out.WriteLine($"Output: {output}");
        var passed = results.Count(r => r.Succeeded);
        _out.WriteLine($"{passed} passed, {results.Count - passed} failed");
    }

    private static string Seconds(TimeSpan t) => t.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture);
}
