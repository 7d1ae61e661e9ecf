using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>
/// What a child `run-one` process leaves after every cell: the executed notebook so far and each cell's verdict,
/// so the parent keeps earlier outputs even when the child has to be killed or crashes.
/// </summary>
internal static class RunState
{
    private const string NotebookFile = "notebook.ipynb";
    private const string ResultFile = "result.json";

    public static void Save(NotebookRunResult result, string folder)
    {
        if (result.Document is not null)
        {
            IpynbWriter.Write(result.Document, Path.Combine(folder, NotebookFile));
        }

        var state = new State(
            result.LoadError,
            result.Elapsed.TotalSeconds,
            result.Cells.Select(c => new CellState(c.Cell.Number, c.Cell.FileLine, c.Status, c.Message, c.Elapsed.TotalSeconds)).ToList(),
            result.Document?.Cells.ToDictionary(c => c.Number, c => c.FileLine) ?? new Dictionary<int, int>());
        AtomicFile.WriteAllText(Path.Combine(folder, ResultFile), JsonSerializer.Serialize(state));
    }

    /// <summary>Reads what the child saved; null when it saved nothing.</summary>
    public static (NotebookDocument? Document, State State)? Load(string folder, string sourcePath)
    {
        var resultPath = Path.Combine(folder, ResultFile);
        if (!File.Exists(resultPath))
        {
            return null;
        }

        var state = JsonSerializer.Deserialize<State>(File.ReadAllText(resultPath))!;
        var notebookPath = Path.Combine(folder, NotebookFile);
        var document = File.Exists(notebookPath)
            ? IpynbReader.Parse(File.ReadAllText(notebookPath), sourcePath, includeOutputs: true)
            : null;
        return (document, state);
    }

    internal sealed record State(string? LoadError, double Seconds, List<CellState> Cells, Dictionary<int, int> FileLines);

    internal sealed record CellState(int Number, int FileLine, CellRunStatus Status, string? Message, double Seconds);
}
