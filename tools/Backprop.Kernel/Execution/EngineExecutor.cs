using System;

namespace Backprop.Kernel.Execution;

/// <summary>Placeholder until the notebook engine's public API lands (branch runner).</summary>
internal static class EngineExecutor
{
    public static ICellExecutor Create() => throw new NotSupportedException("The notebook engine is not merged yet.");
}
