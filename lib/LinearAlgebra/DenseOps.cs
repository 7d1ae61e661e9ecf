using System;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>
/// The element-wise steps of the layers, on MathNet's column-major storage instead of through its
/// per-element indexer (a virtual call and two bounds checks per element, 3 million times per evaluation).
/// </summary>
internal static class DenseOps
{
    /// <summary>The column-major values of m: its own storage when dense, else a copy (for reading only).</summary>
    public static double[] Values(Matrix<double> m) => m.AsColumnMajorArray() ?? m.ToColumnMajorArray();

    /// <summary>The storage of a matrix this library created dense, to write into.</summary>
    public static double[] Storage(Matrix<double> m) =>
        m.AsColumnMajorArray() ?? throw new ArgumentException($"Expected a dense matrix, got {m.GetType().Name}.", nameof(m));

    /// <summary>y += b for every row of y (numpy broadcasting a 1×n row).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void AddToEveryRow(Matrix<double> y, Matrix<double> b)
    {
        double[] ys = Storage(y), bs = Values(b);
        int rows = y.RowCount;
        for (int j = 0; j < y.ColumnCount; j++)
        {
            double bj = bs[j];
            Span<double> column = ys.AsSpan(j * rows, rows);
            for (int i = 0; i < column.Length; i++)
            {
                column[i] += bj;
            }
        }
    }

    /// <summary>The sum of each column of x, as the 1×n row sums.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static void ColumnSums(Matrix<double> x, Matrix<double> sums)
    {
        double[] xs = Values(x), ss = Storage(sums);
        int rows = x.RowCount;
        for (int j = 0; j < x.ColumnCount; j++)
        {
            double s = 0;
            foreach (double v in xs.AsSpan(j * rows, rows))
            {
                s += v;
            }

            ss[j] = s;
        }
    }

    /// <summary>mask = (x &lt;= 0); y = x with the masked entries set to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Relu(Matrix<double> x, BitMask mask, Matrix<double> y)
    {
        double[] xs = Values(x), ys = Storage(y);
        int rows = x.RowCount, columns = x.ColumnCount;
        int rows4 = Vector256.IsHardwareAccelerated ? rows & ~3 : 0;
        fixed (double* px = xs, py = ys)
        fixed (ulong* pm = mask.Words)
        {
            for (int j = 0; j < columns; j++)
            {
                double* xj = px + ((long)j * rows), yj = py + ((long)j * rows);
                ulong* mj = pm + ((long)j * mask.WordsPerColumn);
                new Span<ulong>(mj, mask.WordsPerColumn).Clear();
                int i = 0;
                for (; i < rows4; i += 4)
                {
                    var v = Vector256.Load(xj + i);
                    var off = Vector256.LessThanOrEqual(v, Vector256<double>.Zero);
                    Vector256.AndNot(v, off).Store(yj + i);
                    mj[i >> 6] |= (ulong)off.ExtractMostSignificantBits() << (i & 63);
                }

                for (; i < rows; i++)
                {
                    double v = xj[i];
                    bool off = v <= 0;
                    mj[i >> 6] |= (off ? 1UL : 0UL) << (i & 63);
                    yj[i] = off ? 0.0 : v;
                }
            }
        }
    }

    /// <summary>dx = dout with the masked entries set to 0.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void Mask(Matrix<double> dout, BitMask mask, Matrix<double> dx)
    {
        double[] ds = Values(dout), xs = Storage(dx);
        int rows = dout.RowCount, columns = dout.ColumnCount;
        int rows4 = Vector256.IsHardwareAccelerated ? rows & ~3 : 0;
        fixed (double* pd = ds, px = xs)
        fixed (ulong* pm = mask.Words)
        fixed (Vector256<double>* lanes = s_lanes)
        {
            for (int j = 0; j < columns; j++)
            {
                double* dj = pd + ((long)j * rows), xj = px + ((long)j * rows);
                ulong* mj = pm + ((long)j * mask.WordsPerColumn);
                int i = 0;
                for (; i < rows4; i += 4)
                {
                    Vector256.AndNot(Vector256.Load(dj + i), lanes[(int)(mj[i >> 6] >> (i & 63)) & 15]).Store(xj + i);
                }

                for (; i < rows; i++)
                {
                    xj[i] = (mj[i >> 6] >> (i & 63) & 1) != 0 ? 0.0 : dj[i];
                }
            }
        }
    }

    // Four mask bits as four lanes: lane k all ones where bit k is set.
    private static readonly Vector256<double>[] s_lanes = CreateLanes();

    private static Vector256<double>[] CreateLanes()
    {
        var lanes = new Vector256<double>[16];
        for (int bits = 0; bits < 16; bits++)
        {
            lanes[bits] = Vector256.Create(
                (bits & 1) != 0 ? -1L : 0L, (bits & 2) != 0 ? -1L : 0L, (bits & 4) != 0 ? -1L : 0L, (bits & 8) != 0 ? -1L : 0L).AsDouble();
        }

        return lanes;
    }

    /// <summary>result = (a − b) / divisor, element by element (the book's <c>(self.y - self.t) / batch_size</c>).</summary>
    public static void SubtractThenDivide(Matrix<double> a, Matrix<double> b, double divisor, Matrix<double> result)
    {
        double[] av = Values(a), bv = Values(b), rv = Storage(result);
        for (int i = 0; i < rv.Length; i++)
        {
            rv[i] = (av[i] - bv[i]) / divisor;
        }
    }

    /// <summary>p -= learningRate · g, in place (the book's <c>params[key] -= lr * grad[key]</c> without temporaries).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void SubtractScaled(Matrix<double> p, double learningRate, Matrix<double> g)
    {
        double[] ps = Storage(p), gs = Values(g);
        if (gs.Length != ps.Length || g.RowCount != p.RowCount)
        {
            throw new ArgumentException($"The gradient is {Shape.Of(g)} but the parameter is {Shape.Of(p)}; they must have the same shape.", nameof(g));
        }

        fixed (double* pp = ps, pg = gs)
        {
            // Each core updates the lower or upper half of every column: the rows of W1 that it multiplies next.
            var update = new Update(pp, pg, learningRate, p.RowCount, p.ColumnCount, p.RowCount / 2 / 4 * 4);
            if (ps.Length < 16_384 || !SecondCore.TryRunHalves(&Update.Run, &update))
            {
                Update.Rows(update, 0, p.RowCount);
            }
        }
    }

    private readonly unsafe struct Update(double* p, double* g, double rate, int rows, int columns, int split)
    {
        public static void Run(void* state, int half)
        {
            var update = *(Update*)state;
            Rows(update, half == 0 ? 0 : update.Split, half == 0 ? update.Split : update.RowCount);
        }

        // Rows i0..i1 of every column. Multiply, then subtract, as numpy does: two roundings, not one fused multiply-add.
        public static void Rows(in Update u, int i0, int i1)
        {
            var rate = Vector256.Create(u.Rate);
            for (int j = 0; j < u.ColumnCount; j++)
            {
                double* p = u.P + ((long)j * u.RowCount), g = u.G + ((long)j * u.RowCount);
                int i = i0;
                for (; Vector256.IsHardwareAccelerated && i <= i1 - 4; i += 4)
                {
                    (Vector256.Load(p + i) - (rate * Vector256.Load(g + i))).Store(p + i);
                }

                for (; i < i1; i++)
                {
                    p[i] -= u.Rate * g[i];
                }
            }
        }

        private double* P { get; } = p;

        private double* G { get; } = g;

        private double Rate { get; } = rate;

        private int RowCount { get; } = rows;

        private int ColumnCount { get; } = columns;

        private int Split { get; } = split;
    }

    /// <summary>The chosen rows of x, in order, into batch (numpy's <c>x[batch_mask]</c>).</summary>
    public static void GatherRows(Matrix<double> x, int[] rows, Matrix<double> batch)
    {
        double[] xs = Values(x), bs = Storage(batch);
        int height = x.RowCount, count = rows.Length;
        for (int j = 0; j < x.ColumnCount; j++)
        {
            int source = j * height, target = j * count;
            for (int r = 0; r < count; r++)
            {
                bs[target + r] = xs[source + rows[r]];
            }
        }
    }

    /// <summary>Rows in, columns out: the 4×4 block whose rows are r0..r3, transposed.</summary>
    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public static (Vector256<double>, Vector256<double>, Vector256<double>, Vector256<double>) Transpose4x4(
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

    /// <summary>Softmax of every row of x into y; each row's own maximum is subtracted first, for overflow.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe void SoftmaxRows(Matrix<double> x, Matrix<double> y)
    {
        double[] xs = Values(x), ys = Storage(y);
        int rows = x.RowCount, columns = x.ColumnCount;
        int rows4 = Vector256.IsHardwareAccelerated ? rows & ~3 : 0;
        fixed (double* px = xs, py = ys)
        {
            // Four rows at once (a column's values are adjacent), each row's numbers computed exactly as one row at a
            // time computes them: the same maximum, Math.Exp of the same differences, summed in the same order.
            for (int i = 0; i < rows4; i += 4)
            {
                var max = Vector256.Create(double.NegativeInfinity);
                for (int j = 0; j < columns; j++)
                {
                    max = Vector256.Max(max, Vector256.Load(px + i + ((long)j * rows)));
                }

                var sum = Vector256<double>.Zero;
                for (int j = 0; j < columns; j++)
                {
                    var d = Vector256.Load(px + i + ((long)j * rows)) - max;
                    var e = Vector256.Create(Math.Exp(d[0]), Math.Exp(d[1]), Math.Exp(d[2]), Math.Exp(d[3]));
                    e.Store(py + i + ((long)j * rows));
                    sum += e;
                }

                for (int j = 0; j < columns; j++)
                {
                    double* at = py + i + ((long)j * rows);
                    (Vector256.Load(at) / sum).Store(at);
                }
            }

            for (int i = rows4; i < rows; i++)
            {
                double max = double.NegativeInfinity;
                for (int j = 0; j < columns; j++)
                {
                    max = Math.Max(max, px[i + ((long)j * rows)]);
                }

                double sum = 0;
                for (int j = 0; j < columns; j++)
                {
                    double e = Math.Exp(px[i + ((long)j * rows)] - max);
                    py[i + ((long)j * rows)] = e;
                    sum += e;
                }

                for (int j = 0; j < columns; j++)
                {
                    py[i + ((long)j * rows)] /= sum;
                }
            }
        }
    }

    /// <summary>Index of the largest entry of each row (numpy's <c>argmax(axis=1)</c>: the first one on ties).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public static unsafe int[] ArgmaxRows(Matrix<double> x)
    {
        double[] xs = Values(x);
        int rows = x.RowCount, columns = x.ColumnCount;
        var best = new int[rows];
        int rows4 = Vector256.IsHardwareAccelerated && columns > 0 ? rows & ~3 : 0;
        fixed (double* px = xs)
        {
            // Four rows at once, reading each column front to back: a later column wins only if strictly larger.
            for (int i = 0; i < rows4; i += 4)
            {
                var top = Vector256.Load(px + i);
                var at = Vector256<long>.Zero;
                for (int j = 1; j < columns; j++)
                {
                    var v = Vector256.Load(px + i + ((long)j * rows));
                    var larger = Vector256.GreaterThan(v, top);
                    top = Vector256.ConditionalSelect(larger, v, top);
                    at = Vector256.ConditionalSelect(larger.AsInt64(), Vector256.Create((long)j), at);
                }

                best[i] = (int)at[0];
                best[i + 1] = (int)at[1];
                best[i + 2] = (int)at[2];
                best[i + 3] = (int)at[3];
            }

            for (int i = rows4; i < rows; i++)
            {
                for (int j = 1; j < columns; j++)
                {
                    if (px[i + ((long)j * rows)] > px[i + ((long)best[i] * rows)])
                    {
                        best[i] = j;
                    }
                }
            }
        }

        return best;
    }
}
