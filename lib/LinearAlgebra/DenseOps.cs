using System;
using System.Threading.Tasks;
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
    public static void Relu(Matrix<double> x, bool[,] mask, Matrix<double> y)
    {
        double[] xs = Values(x), ys = Storage(y);
        int rows = x.RowCount;
        for (int j = 0; j < x.ColumnCount; j++)
        {
            int o = j * rows;
            for (int i = 0; i < rows; i++)
            {
                double v = xs[o + i];
                bool off = v <= 0;
                mask[i, j] = off;
                ys[o + i] = off ? 0.0 : v;
            }
        }
    }

    /// <summary>dx = dout with the masked entries set to 0.</summary>
    public static void Mask(Matrix<double> dout, bool[,] mask, Matrix<double> dx)
    {
        double[] ds = Values(dout), xs = Storage(dx);
        int rows = dout.RowCount;
        for (int j = 0; j < dout.ColumnCount; j++)
        {
            int o = j * rows;
            for (int i = 0; i < rows; i++)
            {
                xs[o + i] = mask[i, j] ? 0.0 : ds[o + i];
            }
        }
    }

    /// <summary>p -= learningRate · g, in place (the book's <c>params[key] -= lr * grad[key]</c> without temporaries).</summary>
    public static void SubtractScaled(Matrix<double> p, double learningRate, Matrix<double> g)
    {
        double[] ps = Storage(p), gs = Values(g);
        for (int i = 0; i < ps.Length; i++)
        {
            ps[i] -= learningRate * gs[i];
        }
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

    /// <summary>
    /// The values of x row after row. MathNet stores by columns, where one MNIST image's 784 pixels lie
    /// 60,000 values apart: gathering a batch from that costs a cache miss per pixel. Transposed in tiles.
    /// </summary>
    public static double[] RowMajor(Matrix<double> x)
    {
        const int Tile = 32;
        double[] xs = Values(x);
        int rows = x.RowCount, columns = x.ColumnCount;
        double[] result = GC.AllocateUninitializedArray<double>(rows * columns);
        Parallel.For(0, (rows + Tile - 1) / Tile, block =>
        {
            int i0 = block * Tile;
            int i1 = Math.Min(rows, i0 + Tile);
            for (int j0 = 0; j0 < columns; j0 += Tile)
            {
                int j1 = Math.Min(columns, j0 + Tile);
                for (int i = i0; i < i1; i++)
                {
                    for (int j = j0; j < j1; j++)
                    {
                        result[((long)i * columns) + j] = xs[((long)j * rows) + i];
                    }
                }
            }
        });

        return result;
    }

    /// <summary>The chosen rows of a row-major copy (see <see cref="RowMajor"/>), in order, into batch.</summary>
    public static void GatherRows(double[] rowMajor, int columns, int[] rows, Matrix<double> batch)
    {
        double[] bs = Storage(batch);
        int count = rows.Length;
        for (int r = 0; r < count; r++)
        {
            ReadOnlySpan<double> row = rowMajor.AsSpan(rows[r] * columns, columns);
            for (int j = 0; j < row.Length; j++)
            {
                bs[r + (j * count)] = row[j];
            }
        }
    }

    /// <summary>Softmax of every row of x into y; each row's own maximum is subtracted first, for overflow.</summary>
    public static void SoftmaxRows(Matrix<double> x, Matrix<double> y)
    {
        double[] xs = Values(x), ys = Storage(y);
        int rows = x.RowCount, columns = x.ColumnCount;
        for (int i = 0; i < rows; i++)
        {
            double max = double.NegativeInfinity;
            for (int j = 0; j < columns; j++)
            {
                max = Math.Max(max, xs[i + (j * rows)]);
            }

            double sum = 0;
            for (int j = 0; j < columns; j++)
            {
                double e = Math.Exp(xs[i + (j * rows)] - max);
                ys[i + (j * rows)] = e;
                sum += e;
            }

            for (int j = 0; j < columns; j++)
            {
                ys[i + (j * rows)] /= sum;
            }
        }
    }

    /// <summary>Index of the largest entry of each row (numpy's <c>argmax(axis=1)</c>: the first one on ties).</summary>
    public static int[] ArgmaxRows(Matrix<double> x)
    {
        double[] xs = Values(x);
        int rows = x.RowCount;
        var best = new int[rows];
        for (int j = 1; j < x.ColumnCount; j++)
        {
            int o = j * rows;
            for (int i = 0; i < rows; i++)
            {
                if (xs[o + i] > xs[(best[i] * rows) + i])
                {
                    best[i] = j;
                }
            }
        }

        return best;
    }
}
