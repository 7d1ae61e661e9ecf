using System;

namespace Backprop.Notebooks;

/// <summary>The verdict on one code cell, with the message shown for a failure.</summary>
public sealed record CellRunResult(NotebookCell Cell, CellRunStatus Status, string? Message, TimeSpan Elapsed)
{
    public bool Passed => Status == CellRunStatus.Passed;
}
