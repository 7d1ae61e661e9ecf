using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// One edition of the course among the command's inputs: a folder's notebooks, or those of a language subfolder of
/// it (notebooks/ko/ is the Korean edition, written to ko/ in the output). Only a subfolder named by a language the
/// pages speak (<see cref="PageText.All"/>) is an edition, so an output or scratch folder beside the lessons is not.
/// </summary>
internal sealed record CourseEdition(string Folder, PageText Text, List<string> Notebooks)
{
    /// <summary>The notebook's name as progress lines and the summary show it: ko/01-computational-graph.ipynb.</summary>
    public string Display(string path) => Folder.Length == 0 ? Path.GetFileName(path) : $"{Folder}/{Path.GetFileName(path)}";

    /// <summary>The href from this edition's pages to <paramref name="other"/>'s folder: "ko/", "../".</summary>
    public string HrefTo(CourseEdition other) => (Folder.Length == 0 ? string.Empty : "../") + (other.Folder.Length == 0 ? string.Empty : other.Folder + "/");

    /// <summary>
    /// The editions in the inputs, main edition first: each folder's own notebooks (name order) and its language
    /// subfolders'; a file is in the main edition. Throws <see cref="UsageException"/> for a missing input or an empty folder.
    /// </summary>
    public static List<CourseEdition> Find(IEnumerable<string> inputs)
    {
        var editions = new List<CourseEdition>();
        foreach (var input in inputs)
        {
            var full = Path.GetFullPath(input);
            if (Directory.Exists(full))
            {
                var own = NotebooksIn(full);
                var languages = Directory.EnumerateDirectories(full).Order(StringComparer.Ordinal)
                    .Select(dir => (Dir: dir, Text: PageText.ForTag(Path.GetFileName(dir))))
                    .Where(d => d.Text is not null && NotebooksIn(d.Dir).Count > 0)
                    .ToList();
                if (own.Count == 0 && languages.Count == 0)
                {
                    throw new UsageException($"no .ipynb or .dib notebooks in {input}.");
                }

                Add(string.Empty, PageText.Of(Path.Combine(full, "x.ipynb")), own);
                foreach (var (dir, text) in languages)
                {
                    Add(Path.GetFileName(dir), text!, NotebooksIn(dir));
                }
            }
            else if (File.Exists(full))
            {
                if (!NotebookDocument.IsNotebookPath(full))
                {
                    throw new UsageException($"{input} is not a notebook (expected .ipynb or .dib).");
                }

                Add(string.Empty, PageText.Of(full), [full]);
            }
            else
            {
                throw new UsageException($"{input}: no such file or folder.");
            }
        }

        return editions.Where(e => e.Notebooks.Count > 0).ToList();

        void Add(string folder, PageText text, List<string> notebooks)
        {
            var edition = editions.FirstOrDefault(e => e.Folder == folder);
            if (edition is null)
            {
                editions.Add(edition = new CourseEdition(folder, text, []));
            }

            edition.Notebooks.AddRange(notebooks.Except(edition.Notebooks));
        }
    }

    private static List<string> NotebooksIn(string folder) =>
        Directory.EnumerateFiles(folder).Where(NotebookDocument.IsNotebookPath).Order(StringComparer.Ordinal).ToList();
}
