using System.Runtime.CompilerServices;

namespace Backprop.LinearAlgebra;

/// <summary>
/// Pointers into pinned buffers, rounded up to a 32-byte boundary. The register tile reads four doubles at a time
/// from a packed panel; from a panel that starts off a boundary, every other read spans two cache lines.
/// </summary>
internal static unsafe class AlignedPointers
{
    private const int Alignment = 32;

    /// <summary>The doubles a buffer needs beyond its length for <see cref="Align"/>.</summary>
    public const int Slack = Alignment / sizeof(double);

    /// <summary>The first 32-byte boundary at or after p: a buffer with <see cref="Slack"/> doubles to spare holds its length from there.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static double* Align(double* p) => (double*)(((nint)p + Alignment - 1) & ~(nint)(Alignment - 1));
}
