using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>`grade`: runs every submission's exercises in its own process against the kit's checks, and writes the grade sheet.</summary>
internal static class GradeCommand
{
    public const string Usage = """
Usage: backprop-run grade <submissions-folder> -o <report-dir> [--kit <lessons-folder>] [--timeout <seconds>]

Grades the submitted notebooks (a subfolder per student, or <student>-<lesson>.ipynb files): each runs in its own
process with the kit's setup cell, the student's exercise cells and the kit's checks and hidden tests (default kit:
notebooks/; default timeout per cell: 60 s). A notebook released from the kit's Korean edition (notebooks/ko/) is
graded by that edition, so its hints are Korean. Writes grades.csv, grades.html and each student's executed notebooks.
""";

    public static async Task<int> RunAsync(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        string? folder = null, output = null, kitFolder = "notebooks";
        double timeout = 60;
        for (int i = 0; i < args.Count; i++)
        {
            string Value() => i + 1 < args.Count ? args[++i] : throw new UsageException($"grade: option {args[i]} needs a value.");
            switch (args[i])
            {
                case "-h" or "--help":
                    stdout.Write(Usage);
                    return 0;
                case "-o" or "--output":
                    output = Value();
                    break;
                case "--kit":
                    kitFolder = Value();
                    break;
                case "--timeout":
                    var t = Value();
                    timeout = double.TryParse(t, NumberStyles.Float, CultureInfo.InvariantCulture, out var s) && s > 0 ? s
                        : throw new UsageException($"--timeout expects a positive number of seconds, not '{t}'.");
                    break;
                default:
                    folder = args[i].StartsWith('-') ? throw new UsageException($"grade: unknown option '{args[i]}'.") : args[i];
                    break;
            }
        }

        if (folder is null || output is null || !Directory.Exists(folder))
        {
            throw new UsageException(folder is not null && !Directory.Exists(folder)
                ? $"{folder}: no such folder of submissions."
                : "grade needs a folder of submissions and a report folder: backprop-run grade submissions/ -o report/");
        }

        // Each edition of the kit (notebooks/, notebooks/ko/) grades the submissions released from it.
        var editions = CourseEdition.Find([kitFolder]).ToDictionary(e => e.Text.Tag, e => e.Notebooks.Select(NotebookDocument.Read)
            .Where(n => ExerciseCells.Solutions(n).Count > 0)
            .ToDictionary(n => Path.GetFileNameWithoutExtension(n.Path), StringComparer.OrdinalIgnoreCase));
        var main = editions.Values.First();
        NotebookDocument KitFor(Submissions.Submission s) =>
            editions.GetValueOrDefault(LanguageOf(s.Path))?.GetValueOrDefault(s.Lesson) ?? main[s.Lesson];
        var submissions = Submissions.Find(folder, main, stderr);
        var report = Path.GetFullPath(output);
        var work = Path.Combine(Path.GetTempPath(), "backprop-grade", Guid.NewGuid().ToString("N"));
        var command = CommandLine.Parse(["graded.ipynb", "--timeout", timeout.ToString(CultureInfo.InvariantCulture)]);
        var outcomes = new List<CheckOutcome>();
        try
        {
            // The kit's own solutions run first: they say which exercises each check cell grades, and how many points each is worth.
            var expected = new Dictionary<NotebookDocument, Dictionary<string, List<CheckOutputs.Verdict>>>();
            foreach (var kit in submissions.Select(KitFor).Distinct())
            {
                var lesson = Path.GetFileNameWithoutExtension(kit.Path);
                var name = Path.GetRelativePath(Path.GetFullPath(kitFolder), kit.Path);
                stderr.WriteLine($"kit: {name}");
                var run = await RunCopy(GradedCopy.Make(kit, null, Path.Combine(work, "kit", Path.ChangeExtension(name, ".ipynb"))), kit, command);
                expected[kit] = run.Document!.Cells.Where(IsCheck).ToDictionary(c => c.Id, CheckOutputs.Of);
                var notFull = expected[kit].Values.SelectMany(v => v).Where(v => v.Points < v.Max).ToList();
                foreach (var v in notFull)
                {
                    stderr.WriteLine($"warning: the kit's own solution to {name} / {v.Exercise} scores {v.Points}/{v.Max}: {v.Hint}");
                }
            }

            int index = 0;
            foreach (var submission in submissions)
            {
                stderr.WriteLine($"[{++index}/{submissions.Count}] {submission.Student} · {submission.Lesson}");
                var graded = await Grade(submission, KitFor(submission), expected[KitFor(submission)], Path.Combine(work, Safe(submission.Student)), report, command);
                outcomes.AddRange(graded);
                stderr.WriteLine($"    {graded.Sum(o => o.Points)}/{graded.Sum(o => o.Max)} points");
            }
        }
        finally
        {
            TryDelete(work);
        }

        Directory.CreateDirectory(report);
        GradeReport.Write(outcomes, report);
        stdout.WriteLine();
        foreach (var student in outcomes.GroupBy(o => o.Student))
        {
            stdout.WriteLine($"{student.Key,-24} {student.Sum(o => o.Points),4} / {student.Sum(o => o.Max)}");
        }

        stdout.WriteLine($"Report: {Path.Combine(report, "grades.html")}");
        return 0;
    }

    private static async Task<List<CheckOutcome>> Grade(Submissions.Submission submission, NotebookDocument kit, Dictionary<string, List<CheckOutputs.Verdict>> expected, string work, string report, CommandLine command)
    {
        NotebookDocument? theirs;
        string? unreadable = null;
        try
        {
            theirs = NotebookDocument.Read(submission.Path);
        }
        catch (NotebookFormatException e)
        {
            theirs = null;
            unreadable = $"the notebook could not be read: {e.Message}";
        }

        var results = new Dictionary<string, CellRunResult>();
        if (theirs is not null)
        {
            var run = await RunCopy(GradedCopy.Make(kit, theirs, Path.Combine(work, submission.Lesson + ".ipynb")), kit, command);
            results = run.Cells.ToDictionary(c => c.Cell.Id);
            if (run.Document is not null)
            {
                var mine = Path.Combine(report, Safe(submission.Student));
                Directory.CreateDirectory(mine);
                IpynbWriter.Write(run.Document, Path.Combine(mine, submission.Lesson + ".ipynb"));
                HtmlPublisher.Publish(run, Path.Combine(mine, submission.Lesson + ".html"));
            }
        }

        var outcomes = new List<CheckOutcome>();
        CellRunResult? solution = null;
        foreach (var cell in kit.Cells.Where(ExerciseCells.IsExercise))
        {
            var result = results.GetValueOrDefault(cell.Id);
            if (cell.HasTag(ExerciseCells.Solution))
            {
                solution = result is { Passed: false } || solution is { Passed: true } || solution is null ? result : solution;
                continue;
            }

            var verdicts = result is null ? [] : CheckOutputs.Of(result.Cell);
            var why = unreadable ?? CheckOutputs.WhyNoVerdict(solution, result);
            foreach (var want in expected.GetValueOrDefault(cell.Id) ?? [])
            {
                var got = verdicts.FirstOrDefault(v => v.Exercise == want.Exercise);
                outcomes.Add(got is null
                    ? new CheckOutcome(submission.Student, submission.Lesson, want.Exercise, 0, want.Max, "failed", why)
                    : new CheckOutcome(submission.Student, submission.Lesson, want.Exercise, Math.Min(got.Points, want.Max), want.Max, got.State, got.Hint));
            }

            solution = null;
        }

        return outcomes;
    }

    private static async Task<NotebookRunResult> RunCopy(NotebookDocument copy, NotebookDocument kit, CommandLine command)
    {
        var folder = Path.GetDirectoryName(copy.Path)!;
        Directory.CreateDirectory(folder);
        // The copy loads the course's package like the kit does, from the sources the kit's folder sees.
        NuGetConfigSources.WriteFor(Path.GetDirectoryName(Path.GetFullPath(kit.Path))!, folder, relative: false);
        IpynbWriter.Write(copy, copy.Path);
        // A grade stopped by Ctrl-C ends with its process; the worker sees its runner gone and exits too.
        return await IsolatedRun.RunAsync(copy.Path, command, requireParametersCell: false, TextWriter.Null, System.Threading.CancellationToken.None);
    }

    // The edition `release` stamped into the student's copy; a notebook without the stamp (or unreadable) is graded by the main kit.
    private static string LanguageOf(string submission)
    {
        try
        {
            return (NotebookDocument.Read(submission).Metadata["backprop"] as System.Text.Json.Nodes.JsonObject)?["language"]?.GetValue<string>() ?? string.Empty;
        }
        catch (Exception e) when (e is NotebookFormatException or InvalidOperationException or FormatException)
        {
            return string.Empty;
        }
    }

    private static bool IsCheck(NotebookCell cell) => cell.HasTag(ExerciseCells.Check) || cell.HasTag(ExerciseCells.HiddenTest);

    private static string Safe(string name) => string.Concat(name.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '/' ? '_' : c));

    private static void TryDelete(string folder)
    {
        try
        {
            if (Directory.Exists(folder))
            {
                Directory.Delete(folder, recursive: true);
            }
        }
        catch (IOException)
        {
            // A leftover temp folder is harmless.
        }
    }
}
