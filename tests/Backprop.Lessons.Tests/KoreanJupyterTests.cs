using System.Collections.Generic;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using System.Threading.Tasks;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>
/// The Korean edition in a student's Jupyter (nbclient on our kernel), not only in our runner: the setup cell's
/// culture holds across the kernel's cells, so captions and checks are Korean there too, with the runner's numbers.
/// </summary>
[Collection(LessonsCollection.Name)]
public sealed partial class KoreanJupyterTests
{
    private const string Lesson = "ko/01-computational-graph.ipynb";

    [SkippableFact]
    public async Task KoreanLesson1_OnJupyter_ShowsTheRunnersNumbers_WithKoreanChecksAndStepper()
    {
        var jupyter = await LessonRun.RunAsync(Lesson, new Dictionary<string, string>(), LessonFrontEnd.Jupyter);
        var runner = await LessonRun.Once(Lesson, new Dictionary<string, string>());
        jupyter.AssertAllCellsPassed();

        var (inJupyter, inRunner) = (Code(jupyter.Document), Code(runner.Document));
        Assert.Equal(inRunner.Count, inJupyter.Count);
        var none = new HashSet<string>();
        var differences = inRunner.Zip(inJupyter)
            .Select((p, i) => (Number: i + 1, Difference: OutputNumbers.Difference(OutputNumbers.Of(p.First, none), OutputNumbers.Of(p.Second, none))))
            .Where(p => p.Difference is not null)
            .Select(p => $"{Lesson}, code cell {p.Number}: {p.Difference}")
            .ToList();
        Assert.True(differences.Count == 0, string.Join("\n", differences));

        var checks = jupyter.HtmlWith("bp-check");
        Assert.Equal(3, checks.Count);
        Assert.All(checks, c => Assert.Contains("✓ 통과", c));
        // The stepper's words travel in its JSON, where the encoder may write Hangul as \uXXXX escapes.
        Assert.All(jupyter.HtmlWith("bp-stepper"), s =>
            Assert.Equal("다음 ▶", JsonSerializer.Deserialize<string>(NextButton().Match(s).Groups["text"].Value)));
    }

    private static List<NotebookCell> Code(NotebookDocument document) => document.Cells.Where(c => c.Kind == CellKind.Code).ToList();

    [GeneratedRegex("\"next\":(?<text>\"(?:[^\"\\\\]|\\\\.)*\")")]
    private static partial Regex NextButton();
}
