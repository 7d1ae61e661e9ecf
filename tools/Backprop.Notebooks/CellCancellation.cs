using System.ComponentModel;

namespace Backprop.Notebooks;

/// <summary>The check the engine injects into every loop body of a cell, so a timeout or interrupt stops user loops.</summary>
[EditorBrowsable(EditorBrowsableState.Never)]
public static class CellCancellation
{
    /// <summary>Throws OperationCanceledException when the executing cell was cancelled.</summary>
    public static void Check() => ExecutionScope.Current?.Token.ThrowIfCancellationRequested();
}
