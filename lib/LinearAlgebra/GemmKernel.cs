using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.LinearAlgebra;

/// <summary>
/// The register tile at the heart of <see cref="Gemm"/>: C += alpha · A-panel · B-panel, 8×6 with Vector256
/// (AVX2), 16×6 with Vector512 where the hardware has it.
/// </summary>
internal static unsafe class GemmKernel
{
    public const int NR = 6;
    public const int MaxMR = 16;

    /// <summary>True where the tile runs on vector hardware; elsewhere the provider falls back to MathNet's managed code.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated;

    /// <summary>Use the 16-row Vector512 tile (on by itself with AVX-512; tests switch it on to check it anywhere).</summary>
    internal static bool Wide { get; set; } = Vector512.IsHardwareAccelerated;

    /// <summary>Rows per tile: the height of the packed A panels.</summary>
    public static int MR => Wide ? 16 : 8;

    // ap: kc steps of mr packed rows; bp: kc steps of NR packed columns; c: column-major, leading dimension ldc.
    // accumulate = false overwrites C, which spares a pass that would clear it first (beta = 0).
    public static void Tile(int mr, int kc, double* ap, double* bp, double alpha, double* c, int ldc, bool accumulate)
    {
        if (mr == 16)
        {
            Tile16(kc, ap, bp, alpha, c, ldc, accumulate);
        }
        else
        {
            Tile8(kc, ap, bp, alpha, c, ldc, accumulate);
        }
    }

    /// <summary>A partial tile at the bottom or right edge: run the full tile into a scratch block, add the part that exists.</summary>
    public static void EdgeTile(int mr, int kc, double* ap, double* bp, double alpha, double* c, int ldc, bool accumulate, int rows, int cols)
    {
        double* scratch = stackalloc double[MaxMR * NR];
        Tile(mr, kc, ap, bp, alpha, scratch, mr, accumulate: false);
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                double v = scratch[i + (j * mr)];
                c[i + (j * ldc)] = accumulate ? c[i + (j * ldc)] + v : v;
            }
        }
    }

    // Twelve accumulators + two A vectors + one broadcast = 15 of the 16 ymm registers.
    private static void Tile8(int kc, double* ap, double* bp, double alpha, double* c, int ldc, bool accumulate)
    {
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector256<double> a0 = Vector256.Load(ap);
            Vector256<double> a1 = Vector256.Load(ap + 4);
            Vector256<double> b = Vector256.Create(bp[0]);
            c00 = MulAdd(a0, b, c00);
            c01 = MulAdd(a1, b, c01);
            b = Vector256.Create(bp[1]);
            c10 = MulAdd(a0, b, c10);
            c11 = MulAdd(a1, b, c11);
            b = Vector256.Create(bp[2]);
            c20 = MulAdd(a0, b, c20);
            c21 = MulAdd(a1, b, c21);
            b = Vector256.Create(bp[3]);
            c30 = MulAdd(a0, b, c30);
            c31 = MulAdd(a1, b, c31);
            b = Vector256.Create(bp[4]);
            c40 = MulAdd(a0, b, c40);
            c41 = MulAdd(a1, b, c41);
            b = Vector256.Create(bp[5]);
            c50 = MulAdd(a0, b, c50);
            c51 = MulAdd(a1, b, c51);
            ap += 8;
            bp += NR;
        }

        Vector256<double> va = Vector256.Create(alpha);
        Update(c, va, c00, c01, accumulate);
        Update(c + ldc, va, c10, c11, accumulate);
        Update(c + (2 * ldc), va, c20, c21, accumulate);
        Update(c + (3 * ldc), va, c30, c31, accumulate);
        Update(c + (4 * ldc), va, c40, c41, accumulate);
        Update(c + (5 * ldc), va, c50, c51, accumulate);
    }

    // The same with two Vector512 per column: 12 of the 32 zmm registers, twice the work per instruction.
    private static void Tile16(int kc, double* ap, double* bp, double alpha, double* c, int ldc, bool accumulate)
    {
        Vector512<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector512<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++)
        {
            Vector512<double> a0 = Vector512.Load(ap);
            Vector512<double> a1 = Vector512.Load(ap + 8);
            Vector512<double> b = Vector512.Create(bp[0]);
            c00 = MulAdd(a0, b, c00);
            c01 = MulAdd(a1, b, c01);
            b = Vector512.Create(bp[1]);
            c10 = MulAdd(a0, b, c10);
            c11 = MulAdd(a1, b, c11);
            b = Vector512.Create(bp[2]);
            c20 = MulAdd(a0, b, c20);
            c21 = MulAdd(a1, b, c21);
            b = Vector512.Create(bp[3]);
            c30 = MulAdd(a0, b, c30);
            c31 = MulAdd(a1, b, c31);
            b = Vector512.Create(bp[4]);
            c40 = MulAdd(a0, b, c40);
            c41 = MulAdd(a1, b, c41);
            b = Vector512.Create(bp[5]);
            c50 = MulAdd(a0, b, c50);
            c51 = MulAdd(a1, b, c51);
            ap += 16;
            bp += NR;
        }

        Vector512<double> va = Vector512.Create(alpha);
        Update(c, va, c00, c01, accumulate);
        Update(c + ldc, va, c10, c11, accumulate);
        Update(c + (2 * ldc), va, c20, c21, accumulate);
        Update(c + (3 * ldc), va, c30, c31, accumulate);
        Update(c + (4 * ldc), va, c40, c41, accumulate);
        Update(c + (5 * ldc), va, c50, c51, accumulate);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(double* c, Vector512<double> alpha, Vector512<double> lo, Vector512<double> hi, bool accumulate)
    {
        if (accumulate)
        {
            Vector512.Store(MulAdd(lo, alpha, Vector512.Load(c)), c);
            Vector512.Store(MulAdd(hi, alpha, Vector512.Load(c + 8)), c + 8);
        }
        else
        {
            Vector512.Store(lo * alpha, c);
            Vector512.Store(hi * alpha, c + 8);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector512<double> MulAdd(Vector512<double> a, Vector512<double> b, Vector512<double> c) =>
        Avx512F.IsSupported ? Avx512F.FusedMultiplyAdd(a, b, c) : (a * b) + c;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(double* c, Vector256<double> alpha, Vector256<double> lo, Vector256<double> hi, bool accumulate)
    {
        if (accumulate)
        {
            Vector256.Store(MulAdd(lo, alpha, Vector256.Load(c)), c);
            Vector256.Store(MulAdd(hi, alpha, Vector256.Load(c + 4)), c + 4);
        }
        else
        {
            Vector256.Store(lo * alpha, c);
            Vector256.Store(hi * alpha, c + 4);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<double> MulAdd(Vector256<double> a, Vector256<double> b, Vector256<double> c) =>
        Fma.IsSupported ? Fma.MultiplyAdd(a, b, c) : (a * b) + c;
}
