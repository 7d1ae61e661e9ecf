using System.Threading;
using System.Threading.Tasks;

namespace Backprop.Kernel.Execution;

/// <summary>What the kernel asks of a C# engine: run a cell, complete, inspect, judge completeness.</summary>
/// <remarks>The kernel process plugs in the notebook engine; protocol tests plug in a fake, so the wire
/// protocol is tested apart from C# semantics.</remarks>
internal interface ICellExecutor
{
    /// <summary>Runs one cell. Outputs written while it runs go to <paramref name="output"/> as they happen.
    /// Cancelling <paramref name="cancellation"/> interrupts the cell; state from earlier cells survives.</summary>
    Task<CellOutcome> ExecuteAsync(string code, ICellOutput output, CancellationToken cancellation);

    CompletionResult Complete(string code, int cursorPosition);

    InspectionResult Inspect(string code, int cursorPosition, int detailLevel);

    IsCompleteResult IsComplete(string code);
}
