using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Notebooks;

/// <summary>An executed notebook: the document with outputs, each code cell's verdict, or the reason it could not be read.</summary>
public sealed class NotebookRunResult
{
    public NotebookRunResult(string path, NotebookDocument? document, IReadOnlyList<CellRunResult> cells, TimeSpan elapsed, string? loadError)
    {
        Path = path;
        Document = document;
        Cells = cells;
        Elapsed = elapsed;
        LoadError = loadError;
    }

    /// <summary>The source notebook's path.</summary>
    public string Path { get; }

    /// <summary>The executed notebook (null when it could not be read).</summary>
    public NotebookDocument? Document { get; }

    public IReadOnlyList<CellRunResult> Cells { get; }

    public TimeSpan Elapsed { get; }

    /// <summary>Why the notebook could not be read or prepared (bad JSON, unknown parameter, ...).</summary>
    public string? LoadError { get; }

    public int PassedCount => Cells.Count(c => c.Status == CellRunStatus.Passed);

    public int FailedCount => Cells.Count(c => c.Status is CellRunStatus.Failed or CellRunStatus.TimedOut);

    public bool Succeeded => LoadError is null && Cells.All(c => c.Status == CellRunStatus.Passed);

    /// <summary>Every failure as "cell N (line L): message" lines.</summary>
    public IEnumerable<string> Failures =>
        (LoadError is null ? [] : new[] { LoadError })
            .Concat(Cells.Where(c => c.Status is CellRunStatus.Failed or CellRunStatus.TimedOut).Select(c => $"{c.Cell.Describe()}: {c.Message}"));
}
