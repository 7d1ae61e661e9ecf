using System;
using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.LinearAlgebra;

/// <summary>
/// C = alpha·op(A)·B for an A with many exact zeros (images: half of Fashion-MNIST's pixels, four fifths of
/// MNIST's, are 0): each row of C sums only the rows of B that a nonzero of A picks, so the zeros cost no
/// multiplications at all. A zero adds exactly nothing to a sum, so the result is the dense product's up to
/// the order of the additions.
/// </summary>
internal static unsafe class ZeroSkippingGemm
{
    /// <summary>Columns of C one pass over a row's nonzeros fills: 13 vector accumulators, 14 of the 16 ymm registers with the broadcast.</summary>
    private const int Chunk = 52;

    /// <summary>Rows of B (448 bytes each) summed from while they stay in the 32 KB L1 cache.</summary>
    private const int KBlock = 56;

    /// <summary>Rows of op(A) whose nonzeros are listed at once: for A untransposed, 128 bytes of each column read in one go.</summary>
    private const int RowBlock = 16;

    [ThreadStatic]
    private static double[]? t_bRows;

    [ThreadStatic]
    private static double[]? t_values;

    [ThreadStatic]
    private static int[]? t_indices;

    /// <summary>Whether switching to this product pays: on by default, off to time the dense path alone.</summary>
    internal static bool Enabled { get; set; } = false;

    /// <summary>
    /// B must be stored untransposed, C wide enough to fill most of a chunk, and A (judged from a sample)
    /// at least a third zeros: below that, the dense tile's regular stride wins.
    /// </summary>
    public static bool Pays(bool transA, bool transB, int m, int n, int k, double* a, int lda)
    {
        if (!Enabled || transB || !Avx2.IsSupported || !Fma.IsSupported || n % Chunk is > 0 and < Chunk * 3 / 4 || k < 32 || (long)m * n * k < 200_000)
        {
            return false;
        }

        // op(A) is m×k; look at 256 entries spread over it.
        const int Samples = 256;
        int zeros = 0;
        for (int s = 0; s < Samples; s++)
        {
            long flat = (long)s * m * k / Samples;
            int i = (int)(flat / k), p = (int)(flat % k);
            double v = transA ? a[p + ((long)i * lda)] : a[i + ((long)p * lda)];
            zeros += v == 0.0 ? 1 : 0;
        }

        return zeros * 3 >= Samples;
    }

    public static void Serial(in GemmJob job)
    {
        int m = job.M, n = job.N, k = job.K;
        int chunks = (n + Chunk - 1) / Chunk;

        // B's rows, each starting on a cache line, so that a row's 13 vectors never straddle two.
        int bStride = RoundUp(chunks * Chunk, 8);
        double[] bRows = Buffer(ref t_bRows, (k * bStride) + 8);

        // Compress stores four lanes wherever it appends: room for three more than a row can hold.
        int stride = k + 4;
        double[] values = Buffer(ref t_values, RowBlock * stride);
        int[] indices = t_indices is { } buffer && buffer.Length >= RowBlock * stride ? buffer : (t_indices = GC.AllocateUninitializedArray<int>(RowBlock * stride, pinned: true));
        int* counts = stackalloc int[RowBlock];
        int* cursors = stackalloc int[RowBlock];
        double* sums = stackalloc double[(RowBlock * Chunk) + 8];
        sums = (double*)(((nint)sums + 63) & ~(nint)63);
        fixed (double* pbUnaligned = bRows, pv = values)
        fixed (int* pi = indices)
        {
            double* pb = (double*)(((nint)pbUnaligned + 63) & ~(nint)63);
            PackRows(job.B, job.Ldb, k, n, bStride, pb);
            for (int r0 = 0; r0 < m; r0 += RowBlock)
            {
                int rows = Math.Min(RowBlock, m - r0);
                ListNonzeros(job, r0, rows, stride, pi, pv, counts);
                for (int chunk = 0; chunk < chunks; chunk++)
                {
                    new Span<double>(sums, rows * Chunk).Clear();
                    new Span<int>(cursors, rows).Clear();

                    // A block of B's rows at a time, small enough to stay in L1 while every listed row uses it.
                    for (int p1 = Math.Min(k, KBlock); ; p1 = Math.Min(k, p1 + KBlock))
                    {
                        for (int r = 0; r < rows; r++)
                        {
                            int* idx = pi + (r * stride);
                            int t0 = cursors[r], t1 = t0;
                            while (t1 < counts[r] && idx[t1] < p1)
                            {
                                t1++;
                            }

                            SumRows(t1 - t0, idx + t0, pv + (r * stride) + t0, pb + (chunk * Chunk), bStride, sums + (r * Chunk));
                            cursors[r] = t1;
                        }

                        if (p1 == k)
                        {
                            break;
                        }
                    }

                    int j0 = chunk * Chunk;
                    int width = Math.Min(Chunk, n - j0);
                    for (int r = 0; r < rows; r++)
                    {
                        double* c = job.C + r0 + r + ((long)j0 * job.Ldc);
                        double* sum = sums + (r * Chunk);
                        for (int j = 0; j < width; j++, c += job.Ldc)
                        {
                            *c = job.Overwrite ? job.Alpha * sum[j] : *c + (job.Alpha * sum[j]);
                        }
                    }
                }
            }
        }
    }

    private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;

    // Row p of B (k×n, column-major) into bRows[p·stride ..], zero-padded to the stride; 4×4 blocks at a time.
    private static void PackRows(double* b, int ldb, int k, int n, int stride, double* bRows)
    {
        int k4 = k & ~3, n4 = n & ~3;
        for (int j = 0; j < n4; j += 4)
        {
            double* b0 = b + ((long)j * ldb);
            for (int p = 0; p < k4; p += 4)
            {
                var (r0, r1, r2, r3) = Transpose(
                    Vector256.Load(b0 + p), Vector256.Load(b0 + ldb + p), Vector256.Load(b0 + (2 * ldb) + p), Vector256.Load(b0 + (3 * ldb) + p));
                double* target = bRows + ((long)p * stride) + j;
                r0.Store(target);
                r1.Store(target + stride);
                r2.Store(target + (2 * stride));
                r3.Store(target + (3 * stride));
            }
        }

        for (int p = 0; p < k; p++)
        {
            double* target = bRows + ((long)p * stride);
            for (int j = p < k4 ? n4 : 0; j < n; j++)
            {
                target[j] = b[p + ((long)j * ldb)];
            }

            new Span<double>(target + n, stride - n).Clear();
        }
    }

    // For rows r0.. of op(A): the columns p of its nonzeros and their values, row r's at r·stride, and how many.
    private static void ListNonzeros(in GemmJob job, int r0, int rows, int stride, int* indices, double* values, int* counts)
    {
        int k = job.K, k4 = k & ~3;
        for (int r = 0; r < rows; r++)
        {
            counts[r] = 0;
        }

        if (job.TransA)
        {
            // Row r of Aᵀ is column r of A: contiguous.
            for (int r = 0; r < rows; r++)
            {
                double* row = job.A + ((long)(r0 + r) * job.Lda);
                int* idx = indices + (r * stride);
                double* val = values + (r * stride);
                int count = 0;
                for (int p = 0; p < k4; p += 4)
                {
                    count = Compress(Vector256.Load(row + p), p, idx, val, count);
                }

                counts[r] = Tail(row, 1, k4, k, idx, val, count);
            }

            return;
        }

        // Row r of A runs across the columns: read four columns of four rows, transpose, compress each row.
        int rows4 = rows & ~3;
        for (int p = 0; p < k4; p += 4)
        {
            double* column = job.A + r0 + ((long)p * job.Lda);
            for (int r = 0; r < rows4; r += 4)
            {
                double* c = column + r;
                var (v0, v1, v2, v3) = Transpose(
                    Vector256.Load(c), Vector256.Load(c + job.Lda), Vector256.Load(c + (2L * job.Lda)), Vector256.Load(c + (3L * job.Lda)));
                int at = r * stride;
                counts[r] = Compress(v0, p, indices + at, values + at, counts[r]);
                counts[r + 1] = Compress(v1, p, indices + at + stride, values + at + stride, counts[r + 1]);
                counts[r + 2] = Compress(v2, p, indices + at + (2 * stride), values + at + (2 * stride), counts[r + 2]);
                counts[r + 3] = Compress(v3, p, indices + at + (3 * stride), values + at + (3 * stride), counts[r + 3]);
            }
        }

        for (int r = 0; r < rows; r++)
        {
            double* row = job.A + r0 + r;
            int from = r < rows4 ? k4 : 0;
            counts[r] = Tail(row, job.Lda, from, k, indices + (r * stride), values + (r * stride), counts[r]);
        }
    }

    // The columns from..k of a row whose values lie `step` apart, one at a time, without a branch per value.
    private static int Tail(double* row, long step, int from, int k, int* idx, double* val, int count)
    {
        for (int p = from; p < k; p++)
        {
            double v = row[p * step];
            idx[count] = p;
            val[count] = v;
            ulong magnitude = (ulong)BitConverter.DoubleToInt64Bits(v) << 1; // 0 only for +0 and -0
            count += (int)((magnitude | (0 - magnitude)) >> 63);
        }

        return count;
    }

    // Appends the nonzeros of v (columns p..p+3) at idx/val[count]: AVX2 has no compress, so a table of lane orders per mask.
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static int Compress(Vector256<double> v, int p, int* idx, double* val, int count)
    {
        // Unordered, so a NaN counts as nonzero and spreads as it would in the dense product.
        int mask = (int)Avx.Compare(v, Vector256<double>.Zero, FloatComparisonMode.UnorderedNotEqualNonSignaling).ExtractMostSignificantBits();
        fixed (int* lanes = s_lanes)
        {
            Vector256<int> order = Vector256.Load(lanes + (mask * 8));
            Avx2.PermuteVar8x32(v.AsInt32(), order).AsDouble().Store(val + count);
            Vector256<int> columns = Vector256.Create(p) + Vector256.Create(0, 0, 1, 1, 2, 2, 3, 3);
            Vector256<int> picked = Avx2.PermuteVar8x32(columns, order);
            // Lanes 0, 2, 4, 6 hold the columns of the picked values, in order.
            Avx2.PermuteVar8x32(picked, Vector256.Create(0, 2, 4, 6, 0, 0, 0, 0)).GetLower().Store(idx + count);
        }

        return count + BitOperations.PopCount((uint)mask);
    }

    // For each 4-bit mask, the 32-bit lanes that move its set doubles to the front, in order.
    private static readonly int[] s_lanes = MakeLanes();

    private static int[] MakeLanes()
    {
        var lanes = GC.AllocateArray<int>(16 * 8, pinned: true);
        for (int mask = 0; mask < 16; mask++)
        {
            int o = 0;
            for (int lane = 0; lane < 4; lane++)
            {
                if ((mask & (1 << lane)) != 0)
                {
                    lanes[(mask * 8) + (2 * o)] = 2 * lane;
                    lanes[(mask * 8) + (2 * o) + 1] = (2 * lane) + 1;
                    o++;
                }
            }
        }

        return lanes;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Transpose(
        Vector256<double> c0, Vector256<double> c1, Vector256<double> c2, Vector256<double> c3)
    {
        Vector256<double> t0 = Avx.UnpackLow(c0, c1), t1 = Avx.UnpackHigh(c0, c1);
        Vector256<double> t2 = Avx.UnpackLow(c2, c3), t3 = Avx.UnpackHigh(c2, c3);
        return (Avx.Permute2x128(t0, t2, 0x20), Avx.Permute2x128(t1, t3, 0x20), Avx.Permute2x128(t0, t2, 0x31), Avx.Permute2x128(t1, t3, 0x31));
    }

    // sums[0..52] += Σ over the listed nonzeros v at column p of v · bRows[p·stride .. +52].
    internal static void SumRows(int count, int* indices, double* values, double* bRows, int stride, double* sums)
    {
        if (count == 0)
        {
            return;
        }

        Vector256<double> s0 = Vector256.Load(sums), s1 = Vector256.Load(sums + 4), s2 = Vector256.Load(sums + 8);
        Vector256<double> s3 = Vector256.Load(sums + 12), s4 = Vector256.Load(sums + 16), s5 = Vector256.Load(sums + 20);
        Vector256<double> s6 = Vector256.Load(sums + 24), s7 = Vector256.Load(sums + 28), s8 = Vector256.Load(sums + 32);
        Vector256<double> s9 = Vector256.Load(sums + 36), s10 = Vector256.Load(sums + 40), s11 = Vector256.Load(sums + 44);
        Vector256<double> s12 = Vector256.Load(sums + 48);
        for (int t = 0; t < count; t++)
        {
            double* row = bRows + ((nint)indices[t] * stride);
            Vector256<double> v = Vector256.Create(values[t]);
            s0 = Fma.MultiplyAdd(Vector256.Load(row), v, s0);
            s1 = Fma.MultiplyAdd(Vector256.Load(row + 4), v, s1);
            s2 = Fma.MultiplyAdd(Vector256.Load(row + 8), v, s2);
            s3 = Fma.MultiplyAdd(Vector256.Load(row + 12), v, s3);
            s4 = Fma.MultiplyAdd(Vector256.Load(row + 16), v, s4);
            s5 = Fma.MultiplyAdd(Vector256.Load(row + 20), v, s5);
            s6 = Fma.MultiplyAdd(Vector256.Load(row + 24), v, s6);
            s7 = Fma.MultiplyAdd(Vector256.Load(row + 28), v, s7);
            s8 = Fma.MultiplyAdd(Vector256.Load(row + 32), v, s8);
            s9 = Fma.MultiplyAdd(Vector256.Load(row + 36), v, s9);
            s10 = Fma.MultiplyAdd(Vector256.Load(row + 40), v, s10);
            s11 = Fma.MultiplyAdd(Vector256.Load(row + 44), v, s11);
            s12 = Fma.MultiplyAdd(Vector256.Load(row + 48), v, s12);
        }

        s0.Store(sums);
        s1.Store(sums + 4);
        s2.Store(sums + 8);
        s3.Store(sums + 12);
        s4.Store(sums + 16);
        s5.Store(sums + 20);
        s6.Store(sums + 24);
        s7.Store(sums + 28);
        s8.Store(sums + 32);
        s9.Store(sums + 36);
        s10.Store(sums + 40);
        s11.Store(sums + 44);
        s12.Store(sums + 48);
    }

    private static double[] Buffer(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<double>(length, pinned: true);
        }

        return buffer;
    }
}
