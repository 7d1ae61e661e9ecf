namespace Backprop.Notebooks;

/// <summary>The verdict on one cell of a run.</summary>
public enum CellRunStatus
{
    Passed,
    Failed,
    TimedOut,

    /// <summary>Not run (after --stop-on-error, or after a cell that could not be stopped).</summary>
    Skipped,
}
