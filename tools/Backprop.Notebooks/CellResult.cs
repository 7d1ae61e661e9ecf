using System;

namespace Backprop.Notebooks;

/// <summary>
/// The outcome of one cell. The error (if any) is returned here, not written to the sink, so the runner can
/// word timeouts and the kernel can send it as an error reply.
/// </summary>
public sealed record CellResult(CellStatus Status, CellOutput? Error, TimeSpan Elapsed, int ExecutionCount)
{
    public bool Succeeded => Status == CellStatus.Succeeded;
}
