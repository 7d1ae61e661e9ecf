using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.Arm;
using System.Runtime.Intrinsics.X86;

namespace Backprop.Fast;

/// <summary>
/// The register tile at the heart of <see cref="Gemm"/>: C += alpha · A-panel · B-panel, 8×6 with Vector256
/// (AVX2), and 8×5 for widths that five divides and six
/// does not (the 50 hidden units of the book's network), so that no tile computes columns that are not there.
/// Where only 128-bit vectors run in hardware (Apple silicon and other ARM64 machines: NEON), the same 8-row
/// tiles use four Vector128 per column.
/// </summary>
internal static unsafe class GemmKernel
{
    public const int NR = 6;
    public const int MR = 8;

    /// <summary>True where the tile runs on vector hardware; elsewhere the provider falls back to MathNet's managed code.</summary>
    public static bool IsSupported => Vector256.IsHardwareAccelerated || Vector128.IsHardwareAccelerated;

    /// <summary>The vectors the tile is made of, for printouts.</summary>
    public static string Vectors => Vector256.IsHardwareAccelerated ? "Vector256" : "Vector128";

    /// <summary>
    /// C[0..mr, 0..NR] (+)= alpha · Σ over kc steps of A(·, p) · B(p, ·). Step p reads the mr values of A at
    /// a + p·aStride and B(p, j) at b + p·bStride + j·bColumnStride: packed panels (aStride mr, bStride NR,
    /// bColumnStride 1), but equally a column-major matrix in place, with no copy at all.
    /// accumulate = false overwrites C, which spares a pass that would clear it first (beta = 0).
    /// </summary>
    public static void Tile(int mr, int nr, int kc, double* a, nint aStride, double* b, nint bStride, nint bColumnStride, double alpha, double* c, int ldc, bool accumulate)
    {
        if (!Vector256.IsHardwareAccelerated)
        {
            if (nr == 5)
            {
                Tile8Narrow<Five>(kc, a, aStride, b, bStride, bColumnStride, alpha, c, ldc, accumulate);
            }
            else
            {
                Tile8Narrow<Six>(kc, a, aStride, b, bStride, bColumnStride, alpha, c, ldc, accumulate);
            }
        }
        else if (nr == 5)
        {
            Tile8<Five>(kc, a, aStride, b, bStride, bColumnStride, alpha, c, ldc, accumulate);
        }
        else
        {
            Tile8<Six>(kc, a, aStride, b, bStride, bColumnStride, alpha, c, ldc, accumulate);
        }
    }

    /// <summary>
    /// A partial tile at the bottom or right edge: run the full tile into a scratch block, add the part that exists.
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void EdgeTile(
        int mr, int nr, int kc, double* a, nint aStride, double* b, nint bStride, nint bColumnStride, double alpha, double* c, int ldc, bool accumulate,
        int rows, int cols)
    {
        double* scratch = stackalloc double[MR * NR];
        Tile(mr, nr, kc, a, aStride, b, bStride, bColumnStride, alpha, scratch, mr, accumulate: false);
        for (int j = 0; j < cols; j++)
        {
            for (int i = 0; i < rows; i++)
            {
                double v = scratch[i + (j * mr)];
                double* to = c + i + (j * ldc);
                *to = accumulate ? *to + v : v;
            }
        }
    }

    // Twelve accumulators + two A vectors + one broadcast = 15 of the 16 ymm registers; ten for five columns.
    // TWidth is a struct, so the JIT compiles each width on its own, with the sixth column's code gone from the five-wide one.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8<TWidth>(int kc, double* a, nint aStride, double* b, nint bStride, nint bColumnStride, double alpha, double* c, int ldc, bool accumulate)
        where TWidth : struct, ITileWidth
    {
        bool six = TWidth.Columns == 6;
        Vector256<double> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<double> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        double* b0 = b, b1 = b + bColumnStride, b2 = b1 + bColumnStride, b3 = b2 + bColumnStride, b4 = b3 + bColumnStride, b5 = six ? b4 + bColumnStride : b4;
        nint q = 0;
        for (int p = 0; p < kc; p++, q += bStride)
        {
            Vector256<double> a0 = Vector256.Load(a);
            Vector256<double> a1 = Vector256.Load(a + 4);
            Vector256<double> bj = Vector256.Create(b0[q]);
            c00 = MulAdd(a0, bj, c00);
            c01 = MulAdd(a1, bj, c01);
            bj = Vector256.Create(b1[q]);
            c10 = MulAdd(a0, bj, c10);
            c11 = MulAdd(a1, bj, c11);
            bj = Vector256.Create(b2[q]);
            c20 = MulAdd(a0, bj, c20);
            c21 = MulAdd(a1, bj, c21);
            bj = Vector256.Create(b3[q]);
            c30 = MulAdd(a0, bj, c30);
            c31 = MulAdd(a1, bj, c31);
            bj = Vector256.Create(b4[q]);
            c40 = MulAdd(a0, bj, c40);
            c41 = MulAdd(a1, bj, c41);
            if (six)
            {
                bj = Vector256.Create(b5[q]);
                c50 = MulAdd(a0, bj, c50);
                c51 = MulAdd(a1, bj, c51);
            }

            a += aStride;
        }

        Vector256<double> va = Vector256.Create(alpha);
        Update(c, va, c00, c01, accumulate);
        Update(c + ldc, va, c10, c11, accumulate);
        Update(c + (2 * ldc), va, c20, c21, accumulate);
        Update(c + (3 * ldc), va, c30, c31, accumulate);
        Update(c + (4 * ldc), va, c40, c41, accumulate);
        if (six)
        {
            Update(c + (5 * ldc), va, c50, c51, accumulate);
        }
    }

    // The same with four Vector128 per column: 24 accumulators, 29 of NEON's 32 registers with A and the broadcast.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile8Narrow<TWidth>(int kc, double* a, nint aStride, double* b, nint bStride, nint bColumnStride, double alpha, double* c, int ldc, bool accumulate)
        where TWidth : struct, ITileWidth
    {
        bool six = TWidth.Columns == 6;
        Vector128<double> c00 = default, c01 = default, c02 = default, c03 = default;
        Vector128<double> c10 = default, c11 = default, c12 = default, c13 = default;
        Vector128<double> c20 = default, c21 = default, c22 = default, c23 = default;
        Vector128<double> c30 = default, c31 = default, c32 = default, c33 = default;
        Vector128<double> c40 = default, c41 = default, c42 = default, c43 = default;
        Vector128<double> c50 = default, c51 = default, c52 = default, c53 = default;
        double* b0 = b, b1 = b + bColumnStride, b2 = b1 + bColumnStride, b3 = b2 + bColumnStride, b4 = b3 + bColumnStride, b5 = six ? b4 + bColumnStride : b4;
        nint q = 0;
        for (int p = 0; p < kc; p++, q += bStride)
        {
            Vector128<double> a0 = Vector128.Load(a), a1 = Vector128.Load(a + 2), a2 = Vector128.Load(a + 4), a3 = Vector128.Load(a + 6);
            Vector128<double> bj = Vector128.Create(b0[q]);
            c00 = MulAdd(a0, bj, c00);
            c01 = MulAdd(a1, bj, c01);
            c02 = MulAdd(a2, bj, c02);
            c03 = MulAdd(a3, bj, c03);
            bj = Vector128.Create(b1[q]);
            c10 = MulAdd(a0, bj, c10);
            c11 = MulAdd(a1, bj, c11);
            c12 = MulAdd(a2, bj, c12);
            c13 = MulAdd(a3, bj, c13);
            bj = Vector128.Create(b2[q]);
            c20 = MulAdd(a0, bj, c20);
            c21 = MulAdd(a1, bj, c21);
            c22 = MulAdd(a2, bj, c22);
            c23 = MulAdd(a3, bj, c23);
            bj = Vector128.Create(b3[q]);
            c30 = MulAdd(a0, bj, c30);
            c31 = MulAdd(a1, bj, c31);
            c32 = MulAdd(a2, bj, c32);
            c33 = MulAdd(a3, bj, c33);
            bj = Vector128.Create(b4[q]);
            c40 = MulAdd(a0, bj, c40);
            c41 = MulAdd(a1, bj, c41);
            c42 = MulAdd(a2, bj, c42);
            c43 = MulAdd(a3, bj, c43);
            if (six)
            {
                bj = Vector128.Create(b5[q]);
                c50 = MulAdd(a0, bj, c50);
                c51 = MulAdd(a1, bj, c51);
                c52 = MulAdd(a2, bj, c52);
                c53 = MulAdd(a3, bj, c53);
            }

            a += aStride;
        }

        Vector128<double> va = Vector128.Create(alpha);
        Update(c, va, c00, c01, c02, c03, accumulate);
        Update(c + ldc, va, c10, c11, c12, c13, accumulate);
        Update(c + (2 * ldc), va, c20, c21, c22, c23, accumulate);
        Update(c + (3 * ldc), va, c30, c31, c32, c33, accumulate);
        Update(c + (4 * ldc), va, c40, c41, c42, c43, accumulate);
        if (six)
        {
            Update(c + (5 * ldc), va, c50, c51, c52, c53, accumulate);
        }
    }

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

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Update(double* c, Vector128<double> alpha, Vector128<double> v0, Vector128<double> v1, Vector128<double> v2, Vector128<double> v3, bool accumulate)
    {
        if (accumulate)
        {
            Vector128.Store(MulAdd(v0, alpha, Vector128.Load(c)), c);
            Vector128.Store(MulAdd(v1, alpha, Vector128.Load(c + 2)), c + 2);
            Vector128.Store(MulAdd(v2, alpha, Vector128.Load(c + 4)), c + 4);
            Vector128.Store(MulAdd(v3, alpha, Vector128.Load(c + 6)), c + 6);
        }
        else
        {
            Vector128.Store(v0 * alpha, c);
            Vector128.Store(v1 * alpha, c + 2);
            Vector128.Store(v2 * alpha, c + 4);
            Vector128.Store(v3 * alpha, c + 6);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector128<double> MulAdd(Vector128<double> a, Vector128<double> b, Vector128<double> c) =>
        AdvSimd.Arm64.IsSupported ? AdvSimd.Arm64.FusedMultiplyAdd(c, a, b) : (a * b) + c;
}
