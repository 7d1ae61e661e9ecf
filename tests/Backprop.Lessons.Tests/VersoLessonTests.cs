using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>
/// Every lesson, unchanged, through Verso's own `verso run`: it passes, and every cell prints the lines and shows the
/// HTML outputs our runner's does. Verso cannot take a lesson's parameters (it reads typed ones only from .verso
/// files), so both run the lesson as written.
/// </summary>
[Collection(LessonsCollection.Name)]
public sealed class VersoLessonTests
{
    public static TheoryData<string> Lessons => new(
        "01-computational-graph.ipynb", "02-activation-layers.ipynb", "03-affine-shapes.ipynb",
        "04-softmax-with-loss.ipynb", "05-two-layer-net.ipynb", "06-training-mnist.ipynb");

    [VersoTheory]
    [MemberData(nameof(Lessons))]
    public async Task Lesson_RunsInVerso_PrintingAndShowingWhatOurRunnerDoes(string notebook)
    {
        var (exitCode, outputs, log) = VersoCli.Run(Path.Combine(LessonRun.RepositoryRoot, "notebooks", notebook));
        var errors = outputs.Where(o => o.IsError).Select(o => $"cell {o.CellIndex}: {o.Content}").ToList();
        Assert.True(exitCode == 0 && errors.Count == 0, $"verso run {notebook} exited {exitCode}:\n{string.Join("\n", errors)}\n{log}");

        var ours = await LessonRun.RunAsync(notebook);
        ours.AssertAllCellsPassed();
        foreach (var (cell, index) in ours.Document.Cells.Select((c, i) => (c, i)).Where(p => p.c.Kind == CellKind.Code))
        {
            var printed = Lines(cell.Outputs.Where(o => o.Kind == CellOutputKind.Stream && o.StreamName == "stdout").Select(o => o.Text!));
            var versoText = Lines(outputs.Where(o => o.CellIndex == index && o.MimeType == "text/plain").Select(o => o.Content));
            // A cell that reads a clock prints other times on every run: there its lines agree with their numbers masked.
            Func<string, string> key = cell.Source.Contains("Elapsed", StringComparison.Ordinal) ? Masked : line => line;
            var expected = printed.Select(key).ToList();
            Assert.Equal(expected, versoText.Select(key).Where(expected.Contains));

            int ourHtml = cell.Outputs.Count(o => o.Data.ContainsKey("text/html"));
            int versoHtml = outputs.Count(o => o.CellIndex == index && o.MimeType == "text/html");
            Assert.True(ourHtml == versoHtml, $"{notebook} {cell.Describe()}: our runner shows {ourHtml} HTML outputs, Verso {versoHtml}");
        }
    }

    private static List<string> Lines(IEnumerable<string> texts) =>
        string.Concat(texts).Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(l => l.TrimEnd('\r')).ToList();

    private static string Masked(string line) => Regex.Replace(line, @"\d+([.,]\d+)*", "#");
}
