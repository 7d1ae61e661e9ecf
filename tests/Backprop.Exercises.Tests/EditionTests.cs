using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Exercises.Tests;

/// <summary>Both editions of every lesson run to the end: the teacher's passes every check, the student's says "not done yet" everywhere.</summary>
public sealed class EditionTests
{
    public static TheoryData<string> Lessons => new()
    {
        "01-computational-graph", "02-activation-layers", "03-affine-shapes", "04-softmax-with-loss", "05-two-layer-net", "06-training-mnist",
    };

    // Small enough to be quick; the exercise cells do not depend on them.
    private static Dictionary<string, string> Parameters(string lesson) => lesson switch
    {
        "05-two-layer-net" => new() { ["hiddenSize"] = "10" },
        "06-training-mnist" => new() { ["iterations"] = "100" },
        _ => [],
    };

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task TeacherEdition_PassesEveryCheck(string lesson)
    {
        var run = await Run(Path.Combine(Cli.Lessons, lesson + ".ipynb"), lesson);
        var checks = Checks(run.Document!).ToList();
        Assert.NotEmpty(checks);
        Assert.All(checks, c => Assert.EndsWith(" passed", c, StringComparison.Ordinal));
        Assert.Equal(run.Document!.Cells.Count(c => c.HasTag("check") || c.HasTag("hidden-test")), checks.Count);
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task StudentEdition_RunsToTheEnd_WithEveryCheckNotDoneYet(string lesson)
    {
        var scratch = Cli.NewScratch();
        var (exit, _, stderr) = Cli.Run(scratch, "release", Path.Combine(Cli.Lessons, lesson + ".ipynb"), "-o", "student");
        Assert.True(exit == 0, stderr);
        var run = await Run(Path.Combine(scratch, "student", lesson + ".ipynb"), lesson);
        var checks = Checks(run.Document!).ToList();
        Assert.Equal(run.Document!.Cells.Count(c => c.HasTag("check")), checks.Count);
        Assert.All(checks, c => Assert.EndsWith(" not-done", c, StringComparison.Ordinal));
    }

    private static async Task<NotebookRunResult> Run(string path, string lesson)
    {
        var run = await NotebookRunner.RunAsync(path, new RunOptions { Parameters = Parameters(lesson), CellTimeout = TimeSpan.FromSeconds(240) });
        Assert.True(run.LoadError is null, run.LoadError);

        // Lesson 3 ends with a cell that fails on purpose (tagged raises-exception): the runner counts it as passed.
        Assert.True(run.Succeeded, string.Join("\n", run.Failures));
        return run;
    }

    /// <summary>"Relu passed", "Sigmoid not-done", … for every check box in the executed notebook.</summary>
    private static IEnumerable<string> Checks(NotebookDocument document) =>
        document.Cells.SelectMany(c => c.Outputs)
            .Select(o => o.Data.GetValueOrDefault("text/html") ?? "")
            .SelectMany(h => Regex.Matches(h, "data-exercise=\"([^\"]*)\" data-state=\"([^\"]*)\""))
            .Select(m => $"{WebUtility.HtmlDecode(m.Groups[1].Value)} {m.Groups[2].Value}");
}
