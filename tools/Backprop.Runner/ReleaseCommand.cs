using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>`release`: writes the student edition of the lessons: solutions become stubs, hidden tests are removed.</summary>
internal static class ReleaseCommand
{
    public const string Usage = """
Usage: backprop-run release <notebook-or-folder>... -o <dir>

Writes the student edition of the lessons into <dir>: every cell tagged 'solution' keeps its code outside the
// BEGIN SOLUTION … // END SOLUTION regions, which become stubs; cells tagged 'hidden-test' are left out. A
folder's language subfolder (notebooks/ko/, the Korean edition) is released into the same subfolder of <dir>.
The sources (the teacher edition) are never changed; each file is written whole or not at all.
""";

    public static int Run(IReadOnlyList<string> args, TextWriter stdout, TextWriter stderr)
    {
        var inputs = new List<string>();
        string? output = null;
        for (int i = 0; i < args.Count; i++)
        {
            if (args[i] is "-o" or "--output" && i + 1 < args.Count)
            {
                output = args[++i];
            }
            else if (args[i] is "-h" or "--help")
            {
                stdout.Write(Usage);
                return 0;
            }
            else if (args[i].StartsWith('-'))
            {
                throw new UsageException($"release: unknown option '{args[i]}'.");
            }
            else
            {
                inputs.Add(args[i]);
            }
        }

        if (output is null || inputs.Count == 0)
        {
            throw new UsageException("release needs the lessons and an output folder: backprop-run release notebooks -o student/");
        }

        var editions = CourseEdition.Find(inputs);
        var notebooks = editions.SelectMany(e => e.Notebooks).ToList();
        var target = Path.GetFullPath(output);
        var sources = notebooks.Select(n => Path.GetDirectoryName(n)).ToHashSet();
        if (editions.Any(e => sources.Contains(Path.TrimEndingDirectorySeparator(Path.Combine(target, e.Folder)))))
        {
            throw new UsageException($"the output folder {target} holds the sources; choose another with -o (sources are never overwritten).");
        }

        // Every notebook is made first, so a broken solution region leaves no half-written edition behind.
        // A language edition (notebooks/ko/) keeps its folder: the student edition mirrors the kit's.
        var released = editions.SelectMany(e => e.Notebooks.Select(path =>
        {
            var notebook = NotebookDocument.Read(path);
            var folder = Path.Combine(target, e.Folder);
            int stubs = ExerciseCells.Release(notebook, Path.GetFileName(path), folder);
            return (Notebook: notebook, Stubs: stubs, Name: Path.Combine(e.Folder, Path.GetFileNameWithoutExtension(path) + ".ipynb"));
        })).ToList();
        Directory.CreateDirectory(target);
        // The lessons load the course's package through the NuGet.Config beside them: the edition gets its own.
        foreach (var edition in editions)
        {
            foreach (var folder in edition.Notebooks.Select(n => Path.GetDirectoryName(Path.GetFullPath(n))!).Distinct())
            {
                NuGetConfigSources.WriteFor(folder, Path.Combine(target, edition.Folder), relative: true);
            }
        }

        foreach (var (notebook, stubs, name) in released)
        {
            IpynbWriter.Write(notebook, Path.Combine(target, name));
            stdout.WriteLine($"{name.Replace('\\', '/')}: {stubs} exercise{(stubs == 1 ? "" : "s")} stubbed");
        }

        stdout.WriteLine($"Student edition: {target}");
        return 0;
    }
}
