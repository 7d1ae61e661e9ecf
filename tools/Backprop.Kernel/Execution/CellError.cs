using System.Collections.Generic;

namespace Backprop.Kernel.Execution;

/// <summary>An error as Jupyter shows it: exception name, message, traceback lines.</summary>
internal sealed record CellError(string Name, string Value, IReadOnlyList<string> Traceback)
{
    /// <summary>What an interrupted cell reports (the kernel keeps running and keeps its state).</summary>
    public static CellError Interrupted { get; } = new(
        "OperationCanceledException",
        "The cell was interrupted.",
        new[] { "OperationCanceledException: The cell was interrupted (Interrupt). Variables from earlier cells are kept." });
}
