using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Backprop.LinearAlgebra;

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
                        var (c0, c1, c2, c3) = DenseOps.Transpose4x4(
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

    // Packs the rows of A (untransposed) that the aligned tiles leave over into one zero-padded panel of mr rows:
    // first the tail, rows [0, tail) from a, then the head, rows [0, head) from aHead.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void PackLeftover(double* a, int tail, double* aHead, int head, int lda, int kc, double* dst, int mr)
    {
        for (int p = 0; p < kc; p++, dst += mr)
        {
            long column = (long)p * lda;
            for (int i = 0; i < mr; i++)
            {
                dst[i] = i < tail ? a[i + column] : i < tail + head ? aHead[i - tail + column] : 0.0;
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
}
