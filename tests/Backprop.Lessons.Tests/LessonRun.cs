using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Diagnostics;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Kernel.Tests;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>One lesson run headlessly through the notebook engine, with its outputs read back as the student sees them.</summary>
public sealed partial class LessonRun
{
    private LessonRun(NotebookDocument document, string executedPath, IReadOnlyList<string> failures)
    {
        Document = document;
        ExecutedPath = executedPath;
        Failures = failures;
        var outputs = document.Cells.SelectMany(c => c.Outputs).ToList();
        Stdout = string.Concat(outputs.Where(o => o.Kind == CellOutputKind.Stream && o.StreamName == "stdout").Select(o => o.Text));
        Html = outputs.Select(o => o.Data.GetValueOrDefault("text/html")).OfType<string>().Select(h => WebUtility.HtmlDecode(h)).ToList();
        Errors = outputs.Where(o => o.Kind == CellOutputKind.Error).ToList();
    }

    /// <summary>The executed notebook with its outputs.</summary>
    public NotebookDocument Document { get; }

    /// <summary>Every cell that did not pass, as "cell N: why".</summary>
    public IReadOnlyList<string> Failures { get; }

    /// <summary>The executed notebook, written beside the test output (sources are never overwritten).</summary>
    public string ExecutedPath { get; }

    /// <summary>Everything the cells printed with Console.WriteLine, in order.</summary>
    public string Stdout { get; }

    /// <summary>Every text/html output (entities decoded): graphs, charts, tables.</summary>
    public IReadOnlyList<string> Html { get; }

    /// <summary>The error outputs (cells tagged raises-exception show theirs on purpose).</summary>
    public IReadOnlyList<CellOutput> Errors { get; }

    public static string RepositoryRoot { get; } = FindRoot();

    private static readonly ConcurrentDictionary<string, Lazy<Task<LessonRun>>> Runs = new(StringComparer.Ordinal);

    /// <summary>Runs the lesson on the chosen front end: our in-process runner, or real Jupyter on our kernel.</summary>
    public static Task<LessonRun> RunAsync(string fileName, IReadOnlyDictionary<string, string> parameters, LessonFrontEnd frontEnd) =>
        frontEnd == LessonFrontEnd.Jupyter ? Task.Run(() => RunWithJupyter(fileName, parameters)) : Once(fileName, parameters);

    /// <summary>
    /// The lesson run once per test process with these parameters (<paramref name="fileName"/> relative to notebooks/,
    /// "ko/…" for the Korean edition): the lesson's smoke tests and the editions' comparison share one run.
    /// </summary>
    public static Task<LessonRun> Once(string fileName, IReadOnlyDictionary<string, string> parameters) =>
        Runs.GetOrAdd(
            fileName + "?" + string.Join("&", parameters.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => $"{p.Key}={p.Value}")),
            _ => new Lazy<Task<LessonRun>>(() => RunAsync(fileName, parameters))).Value;

    public static async Task<LessonRun> RunAsync(string fileName, IReadOnlyDictionary<string, string>? parameters = null)
    {
        string source = Path.Combine(RepositoryRoot, "notebooks", fileName);
        UseMathNetsOwnProvider();
        var result = await NotebookRunner.RunAsync(source, new RunOptions
        {
            Parameters = parameters ?? new Dictionary<string, string>(),
            CellTimeout = TimeSpan.FromSeconds(240),
        });
        Assert.True(result.LoadError is null, result.LoadError);
        string executed = Path.Combine(AppContext.BaseDirectory, "executed", fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(executed)!);
        IpynbWriter.Write(result.Document!, executed);
        return new LessonRun(result.Document!, executed, result.Failures.ToList());
    }

    /// <summary>Executes the lesson with Debian's nbclient on our kernel and reads the executed JSON back with the engine's reader.</summary>
    public static LessonRun RunWithJupyter(string fileName, IReadOnlyDictionary<string, string>? parameters = null)
    {
        string source = Path.Combine(RepositoryRoot, "notebooks", fileName);
        var json = JupyterExecution.ExecuteWithJupyter(source, parameters).ToJsonString();
        string folder = Path.Combine(AppContext.BaseDirectory, "executed-jupyter");
        string executed = Path.Combine(folder, fileName);
        Directory.CreateDirectory(Path.GetDirectoryName(executed)!);
        File.WriteAllText(executed, json);
        var document = IpynbReader.Parse(json, executed, includeOutputs: true);
        return new LessonRun(document, executed, JupyterFailures(document));
    }

    /// <summary>Fails with every failed cell's message unless all cells passed.</summary>
    public void AssertAllCellsPassed() =>
        Assert.True(Failures.Count == 0, $"{Path.GetFileName(ExecutedPath)} failed:\n{string.Join("\n", Failures)}");

    /// <summary>The text after "name: " on the printed line that starts with it.</summary>
    public string Text(string name)
    {
        var match = Regex.Match(Stdout, $"^{Regex.Escape(name)}: (.+)$", RegexOptions.Multiline);
        Assert.True(match.Success, $"no line \"{name}: ...\" in the output of {Path.GetFileName(ExecutedPath)}:\n{Stdout}");
        return match.Groups[1].Value.Trim();
    }

    /// <summary>The text after "name: " on every printed line that starts with it, in order.</summary>
    public IReadOnlyList<string> Texts(string name) =>
        Regex.Matches(Stdout, $"^{Regex.Escape(name)}: (.+)$", RegexOptions.Multiline).Select(m => m.Groups[1].Value.Trim()).ToList();

    /// <summary>Every number printed as "name: value", in order (a lesson may print the same name twice, as the book does).</summary>
    public double[] All(string name) => Texts(name).Select(t => Parse(t, name)).ToArray();

    /// <summary>The HTML outputs that contain <paramref name="marker"/> (e.g. "bp-graph" for a traced graph's SVG).</summary>
    public IReadOnlyList<string> HtmlWith(string marker) => Html.Where(h => h.Contains(marker, StringComparison.Ordinal)).ToList();

    /// <summary>
    /// A number from a table the lesson shows (<see cref="Backprop.Table"/>'s HTML): the cell in the row whose first
    /// cell reads <paramref name="row"/>, under the header <paramref name="column"/>, at full precision (its tooltip).
    /// </summary>
    public double TableNumber(string column, string row)
    {
        foreach (string table in HtmlWith("bp-table"))
        {
            var rows = Regex.Matches(table, "<tr>(.*?)</tr>", RegexOptions.Singleline).Select(m => Cells(m.Groups[1].Value)).ToList();
            int j = rows.Count == 0 ? -1 : rows[0].FindIndex(c => c.Text == column);
            var found = rows.Skip(1).FirstOrDefault(r => r.Count > j && r[0].Text == row);
            if (j >= 0 && found is not null)
            {
                return Parse(found[j].Tip ?? found[j].Text, $"{row} / {column}");
            }
        }

        Assert.Fail($"no table in {Path.GetFileName(ExecutedPath)} has a row \"{row}\" under a column \"{column}\"");
        return double.NaN;
    }

    private static List<(string Text, string? Tip)> Cells(string row) =>
        Regex.Matches(row, "<t[dh]([^>]*)>(.*?)</t[dh]>", RegexOptions.Singleline)
            .Select(m => (m.Groups[2].Value.Trim(), Regex.Match(m.Groups[1].Value, "title=\"([^\"]*)\"") is { Success: true } t ? t.Groups[1].Value : null))
            .ToList();

    /// <summary>The number printed as "name: value".</summary>
    public double Number(string name) => Parse(Text(name), name);

    /// <summary>The numbers printed as "name: a, b, c".</summary>
    public double[] Numbers(string name) =>
        Text(name).Trim('[', ']', '(', ')').Split(',', StringSplitOptions.TrimEntries).Select(v => Parse(v, name)).ToArray();

    /// <summary>The executed notebook passes nbformat's own validator (the Debian python3-nbformat).</summary>
    public void AssertValidNbformat()
    {
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-nbformat", "nbformat");
        var start = new ProcessStartInfo("/usr/bin/python3")
        {
            RedirectStandardError = true,
            RedirectStandardOutput = true,
        };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add("import nbformat,sys; nb=nbformat.read(sys.argv[1], as_version=4); nbformat.validate(nb); print(nb.nbformat, nb.nbformat_minor)");
        start.ArgumentList.Add(ExecutedPath);
        using var process = Process.Start(start)!;
        string stdout = process.StandardOutput.ReadToEnd();
        string stderr = process.StandardError.ReadToEnd();
        process.WaitForExit();
        Assert.True(process.ExitCode == 0, $"{ExecutedPath} is not valid nbformat:\n{stderr}");
        Assert.Equal("4 5", stdout.Trim());
    }

    // The runner's verdict, read from what Jupyter recorded: an error is a failure unless the cell is tagged
    // raises-exception, and such a cell must raise.
    private static List<string> JupyterFailures(NotebookDocument document) =>
        document.Cells.Where(c => c.Kind == CellKind.Code)
            .SelectMany(cell =>
            {
                var errors = cell.Outputs.Where(o => o.Kind == CellOutputKind.Error).ToList();
                return cell.HasTag(NotebookRunner.RaisesExceptionTag)
                    ? errors.Count == 0 ? [$"{cell.Describe()}: tagged {NotebookRunner.RaisesExceptionTag} but raised nothing"] : new List<string>()
                    : errors.Select(e => $"{cell.Describe()}: {e.ErrorText}").ToList();
            })
            .ToList();

    private static double Parse(string text, string name) =>
        double.TryParse(text.Replace('−', '-'), NumberStyles.Float, CultureInfo.InvariantCulture, out double value)
            ? value
            : throw new FormatException($"\"{name}: {text}\" is not a number.");

    // The lessons share this process, and lesson 6 installs Backprop.Fast under MathNet for all of it: each lesson starts
    // on MathNet's managed provider, as in a process of its own, so its numbers do not depend on the lessons run before it.
    private static void UseMathNetsOwnProvider()
    {
        var mathNet = AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => a.GetName().Name == "MathNet.Numerics");
        if (mathNet is not null)
        {
            var useManaged = mathNet.GetType("MathNet.Numerics.Control")?.GetMethod("UseManaged", Type.EmptyTypes)
                ?? throw new MissingMethodException("MathNet.Numerics.Control.UseManaged() is gone: reset the provider another way");
            useManaged.Invoke(null, null);
        }
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backprop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException($"no Backprop.slnx above {AppContext.BaseDirectory}");
    }
}
