using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.LinearAlgebra;

/// <summary>
/// A single-precision register tile, for <see cref="ScreenedArgmax"/> only: 16 rows × 5 or 6 columns of floats,
/// twice the numbers per instruction of the double tile. Its panels are copied from double matrices on the way in.
/// Needs AVX2 and FMA (<see cref="IsSupported"/>).
/// </summary>
internal static unsafe class SingleTile
{
    public const int MR = 16;

    /// <summary>The rows <see cref="PackRows"/> copies at a time: four panels.</summary>
    public const int Rows = 4 * MR;

    public static bool IsSupported => Avx2.IsSupported && Fma.IsSupported;

    /// <summary>
    /// Copies rows [0, 64) × columns [0, kc) of a column-major double matrix (column stride ld) into four float
    /// panels of 16 rows each, kc apart, and adds each row's squares to sumSquares (64 floats).
    /// </summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackRows(double* x, long ld, int kc, float* packed, float* sumSquares)
    {
        // Column by column, all 64 rows at once: 512 contiguous bytes per read, which the prefetchers follow.
        Vector256<float> s0 = Vector256.Load(sumSquares), s1 = Vector256.Load(sumSquares + 8);
        Vector256<float> s2 = Vector256.Load(sumSquares + 16), s3 = Vector256.Load(sumSquares + 24);
        Vector256<float> s4 = Vector256.Load(sumSquares + 32), s5 = Vector256.Load(sumSquares + 40);
        Vector256<float> s6 = Vector256.Load(sumSquares + 48), s7 = Vector256.Load(sumSquares + 56);
        long panel = (long)MR * kc;
        for (int p = 0; p < kc; p++, x += ld, packed += MR)
        {
            s0 = Narrow(x, packed, s0);
            s1 = Narrow(x + 8, packed + 8, s1);
            s2 = Narrow(x + 16, packed + panel, s2);
            s3 = Narrow(x + 24, packed + panel + 8, s3);
            s4 = Narrow(x + 32, packed + (2 * panel), s4);
            s5 = Narrow(x + 40, packed + (2 * panel) + 8, s5);
            s6 = Narrow(x + 48, packed + (3 * panel), s6);
            s7 = Narrow(x + 56, packed + (3 * panel) + 8, s7);
        }

        s0.Store(sumSquares);
        s1.Store(sumSquares + 8);
        s2.Store(sumSquares + 16);
        s3.Store(sumSquares + 24);
        s4.Store(sumSquares + 32);
        s5.Store(sumSquares + 40);
        s6.Store(sumSquares + 48);
        s7.Store(sumSquares + 56);
    }

    /// <summary>Asks for the 64 doubles (eight cache lines) from column into the caches.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static void Prefetch(double* column)
    {
        for (int i = 0; i < Rows; i += 8)
        {
            Sse.Prefetch1(column + i);
        }
    }

    // Eight doubles to eight floats, stored, their squares added to the running sums.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static Vector256<float> Narrow(double* from, float* to, Vector256<float> squares)
    {
        var v = Vector256.Narrow(Vector256.Load(from), Vector256.Load(from + 4));
        v.Store(to);
        return Fma.MultiplyAdd(v, v, squares);
    }

    /// <summary>
    /// Copies columns [j0, j0 + columns) of a k-row column-major double matrix into one k×width float panel, row
    /// after row, the columns past the matrix's last (when columns &lt; width) zero.
    /// </summary>
    public static void PackColumns(double* w, int k, int j0, int columns, int width, float* panel)
    {
        new System.Span<float>(panel, k * width).Clear();
        for (int p = 0; p < k; p++)
        {
            for (int j = 0; j < columns; j++)
            {
                panel[(p * width) + j] = (float)w[p + ((long)(j0 + j) * k)];
            }
        }
    }

    /// <summary>C[0..16, 0..width] += A-panel (16×kc) · B-panel (kc×width), C column-major with column stride ldc.</summary>
    public static void Tile(int width, int kc, float* a, float* b, float* c, int ldc)
    {
        if (width == 5)
        {
            Tile<Five>(kc, a, b, c, ldc);
        }
        else
        {
            Tile<Six>(kc, a, b, c, ldc);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static void Tile<TWidth>(int kc, float* a, float* b, float* c, int ldc)
        where TWidth : struct, ITileWidth
    {
        bool six = TWidth.Columns == 6;
        int width = TWidth.Columns;
        Vector256<float> c00 = default, c01 = default, c10 = default, c11 = default, c20 = default, c21 = default;
        Vector256<float> c30 = default, c31 = default, c40 = default, c41 = default, c50 = default, c51 = default;
        for (int p = 0; p < kc; p++, a += MR, b += width)
        {
            var a0 = Vector256.Load(a);
            var a1 = Vector256.Load(a + 8);
            var bj = Vector256.Create(b[0]);
            c00 = Fma.MultiplyAdd(a0, bj, c00);
            c01 = Fma.MultiplyAdd(a1, bj, c01);
            bj = Vector256.Create(b[1]);
            c10 = Fma.MultiplyAdd(a0, bj, c10);
            c11 = Fma.MultiplyAdd(a1, bj, c11);
            bj = Vector256.Create(b[2]);
            c20 = Fma.MultiplyAdd(a0, bj, c20);
            c21 = Fma.MultiplyAdd(a1, bj, c21);
            bj = Vector256.Create(b[3]);
            c30 = Fma.MultiplyAdd(a0, bj, c30);
            c31 = Fma.MultiplyAdd(a1, bj, c31);
            bj = Vector256.Create(b[4]);
            c40 = Fma.MultiplyAdd(a0, bj, c40);
            c41 = Fma.MultiplyAdd(a1, bj, c41);
            if (six)
            {
                bj = Vector256.Create(b[5]);
                c50 = Fma.MultiplyAdd(a0, bj, c50);
                c51 = Fma.MultiplyAdd(a1, bj, c51);
            }
        }

        Add(c, c00, c01);
        Add(c + ldc, c10, c11);
        Add(c + (2 * ldc), c20, c21);
        Add(c + (3 * ldc), c30, c31);
        Add(c + (4 * ldc), c40, c41);
        if (six)
        {
            Add(c + (5 * ldc), c50, c51);
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static void Add(float* c, Vector256<float> v0, Vector256<float> v1)
    {
        (Vector256.Load(c) + v0).Store(c);
        (Vector256.Load(c + 8) + v1).Store(c + 8);
    }
}
