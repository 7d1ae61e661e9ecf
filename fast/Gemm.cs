using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;

namespace Backprop.Fast;

/// <summary>
/// C = alpha·op(A)·op(B) + beta·C on column-major storage (BLAS dgemm), blocked for the caches,
/// packed for <see cref="GemmKernel"/>, and split over two cores when the product is big enough.
/// </summary>
internal static unsafe class Gemm
{
    private const int KcMax = 256;
    private const int McMax = 192;

    /// <summary>
    /// Below this many flops one core does the product: handing half of it to the (spinning) second thread
    /// costs about a microsecond, which a batch-100 step's 8-MFLOP products repay many times, a 0.1-MFLOP one not.
    /// </summary>
    internal const long ParallelFlops = 2_000_000;

    [ThreadStatic]
    private static double[]? t_packA;

    [ThreadStatic]
    private static double[]? t_packB;

    [ThreadStatic]
    private static double[]? t_partial;

    /// <summary>
    /// op(X) is X or Xᵀ; op(A) is m×k, op(B) is k×n; lda, ldb, ldc are the column strides of the stored matrices.
    /// With a second core, big products are cut in two and half is run there.
    /// </summary>
    public static void Multiply(
        bool transA, bool transB, int m, int n, int k, double alpha,
        ReadOnlySpan<double> a, int lda, ReadOnlySpan<double> b, int ldb, double beta, Span<double> c, int ldc, SecondCore? secondCore = null)
    {
        if (m == 0 || n == 0)
        {
            return;
        }

        fixed (double* pa = a, pb = b, pc = c)
        {
            Multiply(transA, transB, m, n, k, alpha, pa, lda, pb, ldb, beta, pc, ldc, secondCore);
        }
    }

    internal static void Multiply(
        bool transA, bool transB, int m, int n, int k, double alpha,
        double* a, int lda, double* b, int ldb, double beta, double* c, int ldc, SecondCore? secondCore)
    {
        bool overwrite = beta == 0.0;
        if (!overwrite && beta != 1.0)
        {
            Scale(m, n, beta, c, ldc);
        }

        if (k == 0 || alpha == 0.0)
        {
            if (overwrite)
            {
                Scale(m, n, 0.0, c, ldc);
            }

            return;
        }

        var job = new GemmJob(transA, transB, m, n, k, alpha, a, lda, b, ldb, overwrite, c, ldc);
        if (secondCore is not null && 2L * m * n * k >= ParallelFlops && OnTwoCores(job, secondCore))
        {
            return;
        }

        Serial(job);
    }

    // Half the product here, half on the second core. Cut along k, the second half sums into a C of its own,
    // added in at the end.
    private static bool OnTwoCores(in GemmJob job, SecondCore secondCore)
    {
        var (first, second) = job.Halves(out bool alongK);
        double[]? partial = alongK ? Buffer(ref t_partial, job.M * job.N) : null;
        fixed (double* sums = partial)
        {
            var split = new Split(first, alongK ? second.Into(sums, job.M, overwrite: true) : second);
            if (!secondCore.TryRunHalves(&Split.Run, &split))
            {
                return false;
            }

            if (alongK)
            {
                AddInto(sums, job.M, job.N, job.C, job.Ldc);
            }

            return true;
        }
    }

    private static void AddInto(double* partial, int m, int n, double* c, int ldc)
    {
        for (int j = 0; j < n; j++)
        {
            var column = new Span<double>(c + ((long)j * ldc), m);
            var add = new ReadOnlySpan<double>(partial + ((long)j * m), m);
            int i = 0;
            for (; Vector256.IsHardwareAccelerated && i <= m - 4; i += 4)
            {
                (Vector256.Create(column.Slice(i, 4)) + Vector256.Create(add.Slice(i, 4))).CopyTo(column.Slice(i, 4));
            }

            for (; i < m; i++)
            {
                column[i] += add[i];
            }
        }
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    internal static void Serial(in GemmJob job)
    {
        int mr = GemmKernel.MR;
        const int NR = GemmKernel.NR;
        int m = job.M, n = job.N, k = job.K;
        int kc0 = Balanced(k, KcMax, 1);
        int mc0 = Balanced(m, McMax, mr);
        int nr = TileWidths.For(n);
        int nFull = n / nr * nr;

        // The tile reads A and B where they lie. Only what it cannot read in place is copied: A when transposed
        // (its rows are not contiguous), the rows of A left over from whole panels, and the last, partial
        // panel of B, padded with zeros.
        double[] packA = Buffer(ref t_packA, RoundUp(mc0, mr) * kc0);
        double[] packB = Buffer(ref t_packB, NR * k);
        fixed (double* pa = packA, pb = packB)
        {
            for (int pc = 0; nFull < n && pc < k; pc += kc0)
            {
                GemmPacking.PackB(job.TransB, job.BAt(pc, nFull), job.Ldb, Math.Min(kc0, k - pc), n - nFull, pb + ((long)pc * NR));
            }

            // A transposed cannot be read in place: its rows are copied into panels, a block at a time.
            bool packAll = job.TransA;
            nint bStride = job.TransB ? job.Ldb : 1;
            nint bColumnStride = job.TransB ? 1 : job.Ldb;
            for (int ic = 0; ic < m; ic += mc0)
            {
                int mc = Math.Min(mc0, m - ic);

                int wholeTiles = mc / mr;
                int tailStart = wholeTiles * mr;
                int rowTiles = wholeTiles + (tailStart < mc ? 1 : 0);
                for (int pc = 0; pc < k; pc += kc0)
                {
                    int kc = Math.Min(kc0, k - pc);
                    bool accumulate = !job.Overwrite || pc > 0;
                    if (packAll)
                    {
                        GemmPacking.PackTransposedA(job.AAt(ic, pc), job.Lda, mc, kc, pa, mr);
                    }
                    else if (rowTiles > wholeTiles)
                    {
                        GemmPacking.PackLeftover(job.AAt(ic + tailStart, pc), mc - tailStart, job.Lda, kc, pa, mr);
                    }

                    // Tall C: a panel of A stays in L1 while it meets every panel of B. Wide C (Affine's dx,
                    // 100×784): the other way round, a panel of B stays while every panel of A passes.
                    int columnTiles = (n + nr - 1) / nr;
                    bool columnsOuter = n > mc;
                    for (int t = 0; t < rowTiles * columnTiles; t++)
                    {
                        int r = columnsOuter ? t % rowTiles : t / columnTiles;
                        int jr = (columnsOuter ? t / rowTiles : t % columnTiles) * nr;
                        bool leftover = r == wholeTiles;
                        int ir = leftover ? tailStart : r * mr;
                        int rows = leftover ? mc - tailStart : mr;
                        double* a = packAll ? pa + (r * mr * kc) : leftover ? pa : job.AAt(ic + ir, pc);
                        nint aStride = packAll || leftover ? mr : job.Lda;
                        if (!columnsOuter && jr == 0 && !packAll && r + 1 < wholeTiles)
                        {
                            PrefetchPanel(job.AAt(ic + ir + mr, pc), job.Lda, kc);
                        }

                        double* ct = job.C + ic + ir + ((long)jr * job.Ldc);
                        if (jr < nFull && !leftover)
                        {
                            GemmKernel.Tile(mr, nr, kc, a, aStride, job.BAt(pc, jr), bStride, bColumnStride, job.Alpha, ct, job.Ldc, accumulate);
                        }
                        else if (jr < nFull)
                        {
                            GemmKernel.EdgeTile(mr, nr, kc, a, aStride, job.BAt(pc, jr), bStride, bColumnStride, job.Alpha, ct, job.Ldc, accumulate, rows, nr);
                        }
                        else
                        {
                            // Only six-wide tiles leave a partial panel of B (five-wide ones are chosen where five divides n).
                            GemmKernel.EdgeTile(mr, NR, kc, a, aStride, pb + ((long)pc * NR), NR, 1, job.Alpha, ct, job.Ldc, accumulate, rows, n - nFull);
                        }
                    }
                }
            }
        }
    }

    // The next panel of A, read in place, lies kc columns apart (480 KB apart in the evaluation's 60,000-row
    // matrix): no hardware prefetcher follows that, so ask for its lines while the current panel computes.
    private static void PrefetchPanel(double* a, int lda, int kc)
    {
        if (Sse.IsSupported)
        {
            for (int p = 0; p < kc; p++, a += lda)
            {
                Sse.Prefetch0(a);
            }
        }
    }

    private static void Scale(int m, int n, double beta, double* c, int ldc)
    {
        for (int j = 0; j < n; j++)
        {
            var column = new Span<double>(c + ((long)j * ldc), m);
            if (beta == 0.0)
            {
                column.Clear();
            }
            else
            {
                for (int i = 0; i < m; i++)
                {
                    column[i] *= beta;
                }
            }
        }
    }

    // Splits `total` into equal blocks of at most `max`, each a multiple of `unit`: 100 rows become one block of 104, not 96 + 4.
    private static int Balanced(int total, int max, int unit)
    {
        int blocks = (total + max - 1) / max;
        return RoundUp((total + blocks - 1) / blocks, unit);
    }

    private static int RoundUp(int value, int unit) => (value + unit - 1) / unit * unit;

    private static double[] Buffer(ref double[]? buffer, int length)
    {
        if (buffer is null || buffer.Length < length)
        {
            buffer = GC.AllocateUninitializedArray<double>(length, pinned: true);
        }

        return buffer;
    }

    /// <summary>The two halves of a product, for <see cref="SecondCore"/>.</summary>
    private readonly struct Split(GemmJob first, GemmJob second)
    {
        private readonly GemmJob _first = first;
        private readonly GemmJob _second = second;

        public static void Run(void* state, int half)
        {
            var split = (Split*)state;
            Serial(half == 0 ? split->_first : split->_second);
        }
    }
}
