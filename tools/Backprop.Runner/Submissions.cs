using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// Finds the submitted notebooks in a folder: a subfolder per student (any lessons inside), or notebooks side by side
/// named after the student (e.g. kim-02-activation-layers.ipynb). A notebook's lesson is the one `release` stamped in
/// its metadata, else the lesson its file name contains, else the lesson whose exercise cells it shares.
/// </summary>
internal static class Submissions
{
    public sealed record Submission(string Student, string Lesson, string Path);

    public static List<Submission> Find(string folder, IReadOnlyDictionary<string, NotebookDocument> kit, TextWriter warnings)
    {
        var found = new List<Submission>();
        foreach (var dir in Directory.EnumerateDirectories(folder).Order(StringComparer.Ordinal))
        {
            foreach (var file in Directory.EnumerateFiles(dir).Where(NotebookDocument.IsNotebookPath).Order(StringComparer.Ordinal))
            {
                Add(Path.GetFileName(dir), file);
            }
        }

        foreach (var file in Directory.EnumerateFiles(folder).Where(NotebookDocument.IsNotebookPath).Order(StringComparer.Ordinal))
        {
            var stem = Path.GetFileNameWithoutExtension(file);
            var lesson = kit.Keys.FirstOrDefault(k => stem.Contains(k, StringComparison.OrdinalIgnoreCase));
            var student = lesson is null ? stem : stem.Replace(lesson, "", StringComparison.OrdinalIgnoreCase).Trim('-', '_', '.', ' ');
            Add(student.Length > 0 ? student : stem, file);
        }

        return found;

        void Add(string student, string file)
        {
            if (LessonOf(file, kit) is { } lesson)
            {
                found.Add(new Submission(student, lesson, file));
            }
            else
            {
                warnings.WriteLine($"warning: {file} is none of the kit's lessons ({string.Join(", ", kit.Keys)}); left out.");
            }
        }
    }

    private static string? LessonOf(string file, IReadOnlyDictionary<string, NotebookDocument> kit)
    {
        var stem = Path.GetFileNameWithoutExtension(file);
        try
        {
            var notebook = NotebookDocument.Read(file);
            if (notebook.Metadata["backprop"] is JsonObject { } meta && meta["lesson"]?.GetValue<string>() is { } stamped && kit.ContainsKey(stamped))
            {
                return stamped;
            }

            var byName = kit.Keys.FirstOrDefault(k => stem.Contains(k, StringComparison.OrdinalIgnoreCase));
            if (byName is not null)
            {
                return byName;
            }

            var ids = notebook.Cells.Select(c => c.Id).ToHashSet(StringComparer.Ordinal);
            return kit.Select(k => (k.Key, Shared: ExerciseCells.Solutions(k.Value).Count(c => ids.Contains(c.Id))))
                .Where(k => k.Shared > 0).OrderByDescending(k => k.Shared).Select(k => k.Key).FirstOrDefault();
        }
        catch (NotebookFormatException)
        {
            // An unreadable notebook is still a submission when its name says which lesson; grading then says why it scored 0.
            return kit.Keys.FirstOrDefault(k => stem.Contains(k, StringComparison.OrdinalIgnoreCase));
        }
    }
}
