using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// The notebook `grade` runs for one submission: the kit's own setup cell and exercise section, with only the
/// solution cells taken from the submission. The checks and hidden tests are the kit's, never the student's.
/// </summary>
internal static partial class GradedCopy
{
    /// <param name="kit">The teacher edition of the lesson.</param>
    /// <param name="submission">The student's notebook; null grades the kit's own solutions.</param>
    /// <param name="path">Where the copy will be written (its #r paths point back into the kit's folder).</param>
    public static NotebookDocument Make(NotebookDocument kit, NotebookDocument? submission, string path)
    {
        var copy = new NotebookDocument(path, NotebookFormat.Ipynb) { DefaultLanguage = kit.DefaultLanguage, Metadata = (JsonObject)kit.Metadata.DeepClone() };
        int setup = kit.Cells.FindIndex(c => c.Kind == CellKind.Code);
        int first = kit.Cells.FindIndex(ExerciseCells.IsExercise), last = kit.Cells.FindLastIndex(ExerciseCells.IsExercise);
        if (setup < 0 || first < 0)
        {
            throw new FormatException($"{kit.Path}: no exercise cells (tagged '{ExerciseCells.Solution}') to grade.");
        }

        // The exercise section starts at the markdown cell that introduces it.
        int start = first > 0 && kit.Cells[first - 1].Kind == CellKind.Markdown ? first - 1 : first;
        var kitSolutions = ExerciseCells.Solutions(kit);
        var theirs = submission is null ? null : ExerciseCells.Solutions(submission);
        var folder = Path.GetDirectoryName(kit.Path)!;
        foreach (var cell in kit.Cells.Take(setup + 1).Where(c => c.Kind == CellKind.Code).Concat(kit.Cells.Skip(start).Take(last - start + 1)))
        {
            var source = cell.Kind != CellKind.Code ? cell.Source
                : cell.HasTag(ExerciseCells.Solution) ? Theirs(cell, kitSolutions.IndexOf(cell), kitSolutions.Count, submission, theirs)
                : cell.HasTag(ExerciseCells.Check) || cell.HasTag(ExerciseCells.HiddenTest) ? Qualified(cell.Source)
                : ExerciseCells.Rebase(cell.Source, folder, null);
            copy.Cells.Add(new NotebookCell(cell.Kind, cell.Language, source) { Id = cell.Id, Metadata = (JsonObject)cell.Metadata.DeepClone(), Number = copy.Cells.Count + 1 });
        }

        return copy;
    }

    // The submission's cell with the kit's id, else the one in the same place among the solution cells, else the stub.
    private static string Theirs(NotebookCell kitCell, int index, int count, NotebookDocument? submission, System.Collections.Generic.List<NotebookCell>? theirs)
    {
        if (submission is null || theirs is null)
        {
            return kitCell.Source;
        }

        var match = submission.Cells.FirstOrDefault(c => c.Kind == CellKind.Code && c.Id == kitCell.Id)
            ?? (theirs.Count == count ? theirs[index] : null);
        return match?.Source ?? ExerciseCells.Stub(kitCell.Source, kitCell.Describe());
    }

    // A student could declare a class named Exercise to shadow the library's; the kit's checks name it in full.
    private static string Qualified(string source) => ExerciseName().Replace(source, "global::Backprop.Exercise.");

    [GeneratedRegex(@"(?<![\w.:])Exercise\.")]
    private static partial Regex ExerciseName();
}
