using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Exercises.Tests;

public sealed class ReleaseCommandTests
{
    [Fact]
    public async Task Release_StubsEverySolution_DropsHiddenTests_AndTheStudentEditionRunsWithEveryCheckNotDone()
    {
        var scratch = Cli.NewScratch();
        var before = Directory.GetFiles(Cli.Lessons).ToDictionary(f => f, File.ReadAllText);
        var (exit, stdout, stderr) = Cli.Run(scratch, "release", Cli.Lessons, "-o", "student");
        Assert.True(exit == 0, stderr);
        Assert.Contains("02-activation-layers.ipynb: 2 exercises stubbed", stdout);
        Assert.All(before, kv => Assert.Equal(kv.Value, File.ReadAllText(kv.Key)));

        foreach (var lesson in Directory.GetFiles(Cli.Lessons, "*.ipynb"))
        {
            var teacher = NotebookDocument.Read(lesson);
            var student = NotebookDocument.Read(Path.Combine(scratch, "student", Path.GetFileName(lesson)));
            var solutions = teacher.Cells.Where(c => c.HasTag("solution")).ToList();
            Assert.NotEmpty(solutions);
            foreach (var solution in solutions)
            {
                var stub = student.Cells.Single(c => c.Id == solution.Id).Source;
                Assert.DoesNotContain("SOLUTION", stub);
                Assert.Contains("TODO", stub);
            }

            Assert.DoesNotContain(student.Cells, c => c.HasTag("hidden-test"));
            Assert.Equal(teacher.Cells.Count(c => !c.HasTag("hidden-test")), student.Cells.Count);
        }

        // Every lesson of the student edition runs to the end, and every check says "not done yet".
        var run = await NotebookRunner.RunAsync(Path.Combine(scratch, "student", "02-activation-layers.ipynb"), new RunOptions { CellTimeout = TimeSpan.FromSeconds(120) });
        Assert.True(run.Succeeded, string.Join("\n", run.Failures));
        var states = Checks(run.Document!).ToList();
        Assert.Equal(["Relu not-done", "Sigmoid not-done"], states);
    }

    [Fact]
    public void Release_IntoTheSourceFolder_IsRefused()
    {
        var (exit, _, stderr) = Cli.Run(Cli.RepositoryRoot, "release", "notebooks", "-o", "notebooks");
        Assert.Equal(2, exit);
        Assert.Contains("holds the sources", stderr);
    }

    [Fact]
    public void Release_ABrokenSolutionRegion_NamesTheCellAndLine_AndWritesNothing()
    {
        var scratch = Cli.NewScratch();
        var kit = NotebookDocument.Read(Path.Combine(Cli.Lessons, "04-softmax-with-loss.ipynb"));
        var cell = kit.Cells.First(c => c.HasTag("solution"));
        cell.Source = cell.Source.Replace("        // END SOLUTION\n    }\n}", "    }\n}", StringComparison.Ordinal);
        Directory.CreateDirectory(Path.Combine(scratch, "kit"));
        IpynbWriter.Write(kit, Path.Combine(scratch, "kit", "04-softmax-with-loss.ipynb"));
        var (exit, _, stderr) = Cli.Run(scratch, "release", "kit", "-o", "student");
        Assert.Equal(2, exit);
        Assert.Matches(@"04-softmax-with-loss\.ipynb cell \d+, line \d+: // BEGIN SOLUTION", stderr);
        Assert.False(Directory.Exists(Path.Combine(scratch, "student")));
    }

    public static IEnumerable<string> Checks(NotebookDocument document) =>
        document.Cells.SelectMany(c => c.Outputs)
            .Select(o => o.Data.GetValueOrDefault("text/html") ?? "")
            .SelectMany(h => Regex.Matches(h, "data-exercise=\"([^\"]*)\" data-state=\"([^\"]*)\""))
            .Select(m => $"{WebUtility.HtmlDecode(m.Groups[1].Value)} {m.Groups[2].Value}");
}
