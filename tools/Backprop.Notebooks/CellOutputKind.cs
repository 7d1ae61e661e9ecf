namespace Backprop.Notebooks;

/// <summary>The nbformat output types a cell can produce.</summary>
public enum CellOutputKind
{
    /// <summary>Text written to stdout or stderr.</summary>
    Stream,

    /// <summary>A value shown with display(...).</summary>
    DisplayData,

    /// <summary>The value of the cell's trailing expression.</summary>
    ExecuteResult,

    /// <summary>A compile error, runtime exception, timeout or directive error.</summary>
    Error,
}
