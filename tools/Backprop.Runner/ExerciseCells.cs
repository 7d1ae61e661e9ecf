using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// The tags of the exercise cells and the stub a solution cell becomes in the student edition: each
/// <c>// BEGIN SOLUTION</c> … <c>// END SOLUTION</c> region is replaced by <c>throw new NotImplementedException();</c>,
/// or by the code after <c>// BEGIN SOLUTION:</c> when a throw would stop the cell itself.
/// </summary>
internal static partial class ExerciseCells
{
    public const string Solution = "solution";
    public const string Check = "check";
    public const string HiddenTest = "hidden-test";

    public static bool IsExercise(NotebookCell cell) => cell.HasTag(Solution) || cell.HasTag(Check) || cell.HasTag(HiddenTest);

    /// <summary>
    /// The student's version of a solution cell, its stubs marked with <paramref name="yourCode"/> (English unless given);
    /// throws <see cref="FormatException"/> naming the line of a broken region.
    /// </summary>
    public static string Stub(string source, string where, string? yourCode = null)
    {
        var lines = source.Replace("\r\n", "\n", StringComparison.Ordinal).Split('\n');
        var result = new List<string>();
        int regions = 0, begun = 0;
        for (int i = 0; i < lines.Length; i++)
        {
            var begin = BeginMarker().Match(lines[i]);
            bool end = EndMarker().IsMatch(lines[i]);
            if (begin.Success)
            {
                if (begun > 0)
                {
                    throw new FormatException($"{where}, line {i + 1}: a second // BEGIN SOLUTION before the // END SOLUTION of line {begun}'s.");
                }

                begun = i + 1;
                yourCode ??= PageText.English.YourCode;
                var stub = (begin.Groups["stub"].Success ? begin.Groups["stub"].Value.Trim() : "throw new NotImplementedException();") + " // " + yourCode;
                result.Add(begin.Groups["indent"].Value + stub);
            }
            else if (end)
            {
                if (begun == 0)
                {
                    throw new FormatException($"{where}, line {i + 1}: // END SOLUTION without a // BEGIN SOLUTION above it.");
                }

                begun = 0;
                regions++;
            }
            else if (begun == 0)
            {
                result.Add(lines[i]);
            }
        }

        if (begun > 0)
        {
            throw new FormatException($"{where}, line {begun}: // BEGIN SOLUTION is never closed by // END SOLUTION.");
        }

        if (regions == 0)
        {
            throw new FormatException($"{where} is tagged '{Solution}' but has no // BEGIN SOLUTION … // END SOLUTION region to replace.");
        }

        return string.Join("\n", result);
    }

    /// <summary>The student edition of a notebook: solution regions stubbed, hidden tests removed, outputs cleared.</summary>
    public static int Release(NotebookDocument notebook, string name, string output)
    {
        notebook.Cells.RemoveAll(c => c.HasTag(HiddenTest));

        // `grade` knows the lesson from this stamp, whatever the student renames the file to.
        if (notebook.Metadata["backprop"] is not JsonObject backprop)
        {
            notebook.Metadata["backprop"] = backprop = new JsonObject();
        }

        backprop["lesson"] = System.IO.Path.GetFileNameWithoutExtension(name);
        // ... and from this one which edition's checks to grade it with (their hints are in the student's language).
        var language = PageText.Of(notebook.Path);
        backprop["language"] = language.Tag;
        int stubs = 0;
        foreach (var cell in notebook.Cells)
        {
            cell.Outputs.Clear();
            cell.ExecutionCount = null;
            if (cell.Kind == CellKind.Code)
            {
                cell.Source = Rebase(cell.Source, System.IO.Path.GetDirectoryName(notebook.Path)!, output);
            }

            if (cell.HasTag(Solution))
            {
                cell.Source = Stub(cell.Source, $"{name} {cell.Describe()}", language.YourCode);
                stubs++;
            }
        }

        return stubs;
    }

    /// <summary>The solution cells of a notebook, in order.</summary>
    public static List<NotebookCell> Solutions(NotebookDocument notebook) => notebook.Cells.Where(c => c.HasTag(Solution)).ToList();

    /// <summary>Points every relative <c>#r "file.dll"</c> written for <paramref name="from"/> at the same file from <paramref name="to"/> (absolute when null).</summary>
    public static string Rebase(string source, string from, string? to) =>
        RelativeReference().Replace(source, m =>
        {
            var path = m.Groups["path"].Value;
            if (System.IO.Path.IsPathRooted(path))
            {
                return m.Value;
            }

            var target = System.IO.Path.GetFullPath(System.IO.Path.Combine(from, path));
            return $"#r \"{(to is null ? target : System.IO.Path.GetRelativePath(to, target).Replace('\\', '/'))}\"";
        });

    [GeneratedRegex(@"#r\s+""(?!nuget:)(?<path>[^""]+)""")]
    private static partial Regex RelativeReference();

    [GeneratedRegex(@"^(?<indent>\s*)// BEGIN SOLUTION(:(?<stub>.*))?\s*$")]
    private static partial Regex BeginMarker();

    [GeneratedRegex(@"^\s*// END SOLUTION\s*$")]
    private static partial Regex EndMarker();
}
