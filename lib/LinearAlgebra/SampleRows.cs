using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using System.Threading.Tasks;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>
/// A data set's samples row after row, for drawing batches (the book's <c>x_train[batch_mask]</c>). MathNet stores
/// by columns, where one image's 784 pixels lie 60,000 values apart; here each sample is contiguous.
/// Images whose every value is a byte k scaled as the loader scales it (k / 255, or k itself) are kept as those
/// bytes: a batch then pulls 78 KB from memory instead of 627 KB, and k / 255 is recomputed exactly on the way
/// out. Anything else is kept as doubles. Either way a gathered batch holds exactly the values of x.
/// </summary>
internal sealed unsafe class SampleRows
{
    private readonly byte[]? _bytes;
    private readonly double[]? _doubles;
    private readonly double _divisor;

    // What a background gather reads: the rows it was asked for, and its Halves, both where the GC never moves them.
    private readonly Halves[] _background = GC.AllocateArray<Halves>(1, pinned: true);
    private int[] _backgroundRows = [];
    private bool _pending;

    // The storage of the batches NewBatch made: pinned, so only they may be written from the background.
    private readonly System.Collections.Generic.List<double[]> _pinnedBatches = [];

    private SampleRows(int count, int columns, byte[]? bytes, double[]? doubles, double divisor)
    {
        Count = count;
        Columns = columns;
        _bytes = bytes;
        _doubles = doubles;
        _divisor = divisor;
    }

    /// <summary>How many samples (rows of x).</summary>
    public int Count { get; }

    /// <summary>The values per sample (columns of x).</summary>
    public int Columns { get; }

    /// <summary>Whether the samples are kept as bytes.</summary>
    public bool AsBytes => _bytes is not null;

    /// <summary>The rows of x, as bytes when that is exact (pixels / 255, or raw pixels), else as doubles.</summary>
    public static SampleRows Of(Matrix<double> x)
    {
        double[] xs = DenseOps.Values(x);
        int rows = x.RowCount, columns = x.ColumnCount;
        byte[] bytes = GC.AllocateUninitializedArray<byte>(rows * columns, pinned: true);
        foreach (double divisor in (ReadOnlySpan<double>)[255.0, 1.0])
        {
            long[] decoded = new long[256];
            for (int k = 0; k < decoded.Length; k++)
            {
                decoded[k] = BitConverter.DoubleToInt64Bits(k / divisor);
            }

            if (ByRowBlocks(rows, (i0, i1) => TryEncode(xs, rows, columns, i0, i1, divisor, decoded, bytes)))
            {
                return new SampleRows(rows, columns, bytes, null, divisor);
            }
        }

        double[] doubles = GC.AllocateUninitializedArray<double>(rows * columns, pinned: true);
        ByRowBlocks(rows, (i0, i1) => Copy(xs, rows, columns, i0, i1, doubles));
        return new SampleRows(rows, columns, null, doubles, 1.0);
    }

    /// <summary>A batch matrix of the given height that <see cref="GatherInBackground"/> can fill: its storage never moves.</summary>
    public Matrix<double> NewBatch(int rows)
    {
        double[] storage = GC.AllocateArray<double>(rows * Columns, pinned: true);
        _pinnedBatches.Add(storage);
        return Matrix<double>.Build.Dense(rows, Columns, storage);
    }

    /// <summary>The chosen rows, in order, into batch (rows.Length × Columns).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Gather(int[] rows, Matrix<double> batch)
    {
        double[] target = Check(rows, batch);
        fixed (byte* bytes = _bytes)
        fixed (double* doubles = _doubles, t = target)
        fixed (int* chosen = rows)
        {
            // Each core copies half of the columns: the second core then already holds the half of the batch
            // that it multiplies next (the products cut a batch's columns the same way).
            var halves = new Halves(bytes, doubles, _divisor, Columns, chosen, rows.Length, t, Columns / 2 / 8 * 8);
            if (rows.Length * Columns < 16_384 || !SecondCore.TryRunHalves(&Halves.Run, &halves))
            {
                Halves.Columns(halves, 0, Columns);
            }
        }
    }

    /// <summary>
    /// Starts gathering the chosen rows into batch (made by <see cref="NewBatch"/>) on the second core, a few
    /// columns at a time between its halves of other work, and returns at once. Call <see cref="FinishGather"/>
    /// before reading the batch. Without a free second core, or into any other batch (whose storage the GC may
    /// move), the rows are gathered here and now.
    /// </summary>
    public void GatherInBackground(int[] rows, Matrix<double> batch)
    {
        FinishGather();
        double[] target = Check(rows, batch);
        if (!_pinnedBatches.Contains(target))
        {
            Gather(rows, batch);
            return;
        }
        if (_backgroundRows.Length != rows.Length)
        {
            _backgroundRows = GC.AllocateArray<int>(rows.Length, pinned: true);
        }

        rows.CopyTo(_backgroundRows, 0);
        ref Halves job = ref _background[0];
        job = new Halves(Pinned(_bytes), (double*)Pinned(_doubles), _divisor, Columns, (int*)Pinned(_backgroundRows), rows.Length, (double*)Pinned(target), 0);
        int pieces = Halves.PrefetchPieces(rows.Length) + Halves.ColumnPieces(Columns);
        _pending = rows.Length * Columns >= 16_384 && SecondCore.TryRunInBackground(&Halves.RunPiece, Unsafe.AsPointer(ref job), pieces);
        if (!_pending)
        {
            Halves.Columns(job, 0, Columns);
        }
    }

    /// <summary>Waits for the batch <see cref="GatherInBackground"/> started (finishing what the second core has not begun).</summary>
    public void FinishGather()
    {
        if (_pending)
        {
            _pending = false;
            SecondCore.FinishBackground();
        }
    }

    // Where a pinned array's elements start (null for no array).
    private static byte* Pinned<T>(T[]? array)
        where T : unmanaged => array is null ? null : (byte*)Unsafe.AsPointer(ref MemoryMarshal.GetArrayDataReference(array));

    private double[] Check(int[] rows, Matrix<double> batch)
    {
        double[] target = DenseOps.Storage(batch);
        if (batch.RowCount != rows.Length || batch.ColumnCount != Columns)
        {
            throw new ArgumentException($"The batch is {Shape.Of(batch)} but {rows.Length} rows of {Columns} values were asked for.", nameof(batch));
        }

        foreach (int row in rows)
        {
            if ((uint)row >= (uint)Count)
            {
                throw new ArgumentOutOfRangeException(nameof(rows), $"Row {row} is outside the {Count} rows of x.");
            }
        }

        return target;
    }

    // Runs block(i0, i1) for blocks of 64 rows on all cores; false as soon as one block returns false. Each column's
    // part of a block is read front to back (512 bytes, not one value 480 KB after another), and the block's rows
    // are written while they are still in cache.
    private static bool ByRowBlocks(int rows, Func<int, int, bool> block)
    {
        const int Block = 64;
        return Parallel.For(0, (rows + Block - 1) / Block, (b, state) =>
        {
            if (!block(b * Block, Math.Min(rows, (b + 1) * Block)))
            {
                state.Stop();
            }
        }).IsCompleted;
    }

    // Rows i0..i1 as bytes k whose k / divisor (the bits of decoded[k]) is x's value bit for bit; false at the
    // first value that has no such byte (a fraction, -0.0, NaN, a value past 255).
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private static bool TryEncode(double[] xs, int rows, int columns, int i0, int i1, double divisor, long[] decoded, byte[] bytes)
    {
        fixed (double* source = xs)
        fixed (byte* target = bytes)
        {
            for (int j = 0; j < columns; j++)
            {
                double* column = source + ((long)j * rows);
                for (int i = i0; i < i1; i++)
                {
                    double k = Math.Round(column[i] * divisor);
                    byte code = k is >= 0 and <= 255 ? (byte)k : (byte)0;
                    if (decoded[code] != BitConverter.DoubleToInt64Bits(column[i]))
                    {
                        return false;
                    }

                    target[((long)i * columns) + j] = code;
                }
            }
        }

        return true;
    }

    private static bool Copy(double[] xs, int rows, int columns, int i0, int i1, double[] doubles)
    {
        for (int j = 0; j < columns; j++)
        {
            for (int i = i0; i < i1; i++)
            {
                doubles[((long)i * columns) + j] = xs[((long)j * rows) + i];
            }
        }

        return true;
    }

    private readonly struct Halves(byte* bytes, double* doubles, double divisor, int columns, int* rows, int count, double* target, int split)
    {
        private readonly byte* _bytes = bytes;
        private readonly double* _doubles = doubles;
        private readonly double _divisor = divisor;
        private readonly int _columns = columns;
        private readonly int* _rows = rows;
        private readonly int _count = count;
        private readonly double* _target = target;
        private readonly int _split = split;

        private const int RowsPerPrefetch = 10;
        private const int ColumnsPerPiece = 16;

        public static int PrefetchPieces(int count) => (count + RowsPerPrefetch - 1) / RowsPerPrefetch;

        public static int ColumnPieces(int columns) => (columns + ColumnsPerPiece - 1) / ColumnsPerPiece;

        // A background piece: first the rows' cache lines are asked for, ten rows a piece (many misses in
        // flight at once), then sixteen columns a piece are gathered.
        public static void RunPiece(void* state, int piece)
        {
            var g = (Halves*)state;
            int prefetches = PrefetchPieces(g->_count);
            if (piece < prefetches)
            {
                g->PrefetchRows(piece * RowsPerPrefetch, Math.Min(g->_count, (piece + 1) * RowsPerPrefetch));
                return;
            }

            int j0 = (piece - prefetches) * ColumnsPerPiece;
            Columns(*g, j0, Math.Min(g->_columns, j0 + ColumnsPerPiece));
        }

        public static void Run(void* state, int half)
        {
            var halves = (Halves*)state;
            if (half == 0)
            {
                Columns(*halves, 0, halves->_split);
            }
            else
            {
                Columns(*halves, halves->_split, halves->_columns);
            }
        }

        // Columns j0..j1 of the batch, four rows and eight columns at a time: each row is read front to back
        // (the hardware prefetcher follows), and four row reads become column writes by 4×4 transposes.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public static void Columns(in Halves g, int j0, int j1)
        {
            int count = g._count, count4 = count & ~3;
            int j8 = Avx2.IsSupported ? j0 + ((j1 - j0) & ~7) : j0;
            for (int j = j0; j < j8; j += 8)
            {
                double* t = g._target + ((long)j * count);
                for (int r = 0; r < count4; r += 4, t += 4)
                {
                    var (a0, b0) = g.Load8(g._rows[r], j);
                    var (a1, b1) = g.Load8(g._rows[r + 1], j);
                    var (a2, b2) = g.Load8(g._rows[r + 2], j);
                    var (a3, b3) = g.Load8(g._rows[r + 3], j);
                    var (c0, c1, c2, c3) = DenseOps.Transpose4x4(a0, a1, a2, a3);
                    var (c4, c5, c6, c7) = DenseOps.Transpose4x4(b0, b1, b2, b3);
                    c0.Store(t);
                    c1.Store(t + count);
                    c2.Store(t + (2 * count));
                    c3.Store(t + (3 * count));
                    c4.Store(t + (4 * count));
                    c5.Store(t + (5 * count));
                    c6.Store(t + (6 * count));
                    c7.Store(t + (7 * count));
                }
            }

            for (int r = 0; r < count; r++)
            {
                long row = (long)g._rows[r] * g._columns;
                for (int j = r < count4 ? j8 : j0; j < j1; j++)
                {
                    g._target[r + ((long)j * count)] = g._bytes is null ? g._doubles[row + j] : g._bytes[row + j] / g._divisor;
                }
            }
        }

        private void PrefetchRows(int r0, int r1)
        {
            if (!Sse.IsSupported)
            {
                return;
            }

            int rowBytes = _columns * (_bytes is null ? sizeof(double) : 1);
            byte* start = _bytes is null ? (byte*)_doubles : _bytes;
            for (int r = r0; r < r1; r++)
            {
                byte* first = start + ((long)_rows[r] * rowBytes), last = first + rowBytes - 1;
                for (byte* line = (byte*)((nint)first & ~63); line <= last; line += 64)
                {
                    Sse.Prefetch0(line);
                }
            }
        }

        // Values j..j+7 of a row. Bytes are widened and divided exactly as the loader divided them.
        [MethodImpl(MethodImplOptions.AggressiveInlining)]
        private (Vector256<double>, Vector256<double>) Load8(int row, int j)
        {
            long at = ((long)row * _columns) + j;
            if (_bytes is null)
            {
                return (Vector256.Load(_doubles + at), Vector256.Load(_doubles + at + 4));
            }

            Vector256<int> k = Avx2.ConvertToVector256Int32(_bytes + at);
            var divisor = Vector256.Create(_divisor);
            return (Avx.ConvertToVector256Double(k.GetLower()) / divisor, Avx.ConvertToVector256Double(k.GetUpper()) / divisor);
        }
    }
}
