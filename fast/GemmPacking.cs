using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.Fast;

/// <summary>Copies blocks of A and B into the contiguous, zero-padded panel order <see cref="GemmKernel"/> streams.</summary>
internal static unsafe class GemmPacking
{
    // Packs op(A)[0..mc, 0..kc] = Aᵀ into panels of mr rows: panel r holds kc steps of mr consecutive row values.
    // op(A)(i, p) = a[p + i·lda]: each of the mr rows is one contiguous run over p.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackTransposedA(double* a, int lda, int mc, int kc, double* dst, int mr)
    {
        for (int i0 = 0; i0 < mc; i0 += mr)
        {
            int rows = Math.Min(mr, mc - i0);
            if (rows == mr)
            {
                // Four rows by four steps at a time, turned by a 4×4 transpose into four steps of four rows.
                int kc4 = Vector256.IsHardwareAccelerated ? kc & ~3 : 0;
                for (int i = 0; i < mr; i += 4)
                {
                    double* s0 = a + ((long)(i0 + i) * lda);
                    double* d = dst + i;
                    for (int p = 0; p < kc4; p += 4, d += 4 * mr)
                    {
                        var (c0, c1, c2, c3) = Transpose4x4(
                            Vector256.Load(s0 + p), Vector256.Load(s0 + lda + p), Vector256.Load(s0 + (2 * lda) + p), Vector256.Load(s0 + (3 * lda) + p));
                        c0.Store(d);
                        c1.Store(d + mr);
                        c2.Store(d + (2 * mr));
                        c3.Store(d + (3 * mr));
                    }
                }

                for (int i = 0; i < mr; i++)
                {
                    double* src = a + ((long)(i0 + i) * lda);
                    for (int p = kc4; p < kc; p++)
                    {
                        dst[(p * mr) + i] = src[p];
                    }
                }

                dst += kc * mr;
                continue;
            }

            for (int p = 0; p < kc; p++, dst += mr)
            {
                for (int i = 0; i < mr; i++)
                {
                    dst[i] = i < rows ? a[p + ((i0 + i) * lda)] : 0.0;
                }
            }
        }
    }

    // Packs the rows of A (untransposed) that the whole tiles leave over, rows [0, tail) from a, into one zero-padded panel of mr rows.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackLeftover(double* a, int tail, int lda, int kc, double* dst, int mr)
    {
        for (int p = 0; p < kc; p++, dst += mr)
        {
            long column = (long)p * lda;
            for (int i = 0; i < mr; i++)
            {
                dst[i] = i < tail ? a[i + column] : 0.0;
            }
        }
    }

    // Packs op(B)[0..kc, 0..nc] into panels of NR columns: panel s holds kc steps of NR consecutive column values.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackB(bool trans, double* b, int ldb, int kc, int nc, double* dst)
    {
        const int NR = GemmKernel.NR;
        for (int j0 = 0; j0 < nc; j0 += NR)
        {
            int cols = Math.Min(NR, nc - j0);
            if (!trans && cols == NR)
            {
                // op(B)(p, j) = b[p + j·ldb]: six column streams read in step.
                double* b0 = b + j0 * ldb;
                for (int p = 0; p < kc; p++, dst += NR)
                {
                    double* s = b0 + p;
                    dst[0] = s[0];
                    dst[1] = s[ldb];
                    dst[2] = s[2 * ldb];
                    dst[3] = s[3 * ldb];
                    dst[4] = s[4 * ldb];
                    dst[5] = s[5 * ldb];
                }

                continue;
            }

            if (trans && cols == NR)
            {
                // op(B)(p, j) = b[j + p·ldb]: each step copies NR contiguous values.
                double* src = b + j0;
                for (int p = 0; p < kc; p++, src += ldb, dst += NR)
                {
                    new ReadOnlySpan<double>(src, NR).CopyTo(new Span<double>(dst, NR));
                }

                continue;
            }

            for (int p = 0; p < kc; p++, dst += NR)
            {
                for (int j = 0; j < NR; j++)
                {
                    dst[j] = j < cols ? (trans ? b[j0 + j + p * ldb] : b[p + (j0 + j) * ldb]) : 0.0;
                }
            }
        }
    }

    // Rows in, columns out: the 4×4 block whose rows are r0..r3, transposed.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Transpose4x4(
        Vector256<double> r0, Vector256<double> r1, Vector256<double> r2, Vector256<double> r3)
    {
        if (Avx.IsSupported)
        {
            Vector256<double> t0 = Avx.UnpackLow(r0, r1), t1 = Avx.UnpackHigh(r0, r1);
            Vector256<double> t2 = Avx.UnpackLow(r2, r3), t3 = Avx.UnpackHigh(r2, r3);
            return (Avx.Permute2x128(t0, t2, 0x20), Avx.Permute2x128(t1, t3, 0x20), Avx.Permute2x128(t0, t2, 0x31), Avx.Permute2x128(t1, t3, 0x31));
        }

        return (
            Vector256.Create(r0[0], r1[0], r2[0], r3[0]),
            Vector256.Create(r0[1], r1[1], r2[1], r3[1]),
            Vector256.Create(r0[2], r1[2], r2[2], r3[2]),
            Vector256.Create(r0[3], r1[3], r2[3], r3[3]));
    }
}
