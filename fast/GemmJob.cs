using System;

namespace Backprop.Fast;

/// <summary>One dgemm call's operands (pointers into pinned storage), and how to cut it in two for two cores.</summary>
internal readonly unsafe struct GemmJob(
    bool transA, bool transB, int m, int n, int k, double alpha,
    double* a, int lda, double* b, int ldb, bool overwrite, double* c, int ldc)
{
    public bool TransA { get; } = transA;

    public bool TransB { get; } = transB;

    public int M { get; } = m;

    public int N { get; } = n;

    public int K { get; } = k;

    public double Alpha { get; } = alpha;

    public double* A { get; } = a;

    public int Lda { get; } = lda;

    public double* B { get; } = b;

    public int Ldb { get; } = ldb;

    public bool Overwrite { get; } = overwrite;

    public double* C { get; } = c;

    public int Ldc { get; } = ldc;

    /// <summary>Address of op(A)(i, p).</summary>
    public double* AAt(int i, int p) => TransA ? A + p + ((long)i * Lda) : A + i + ((long)p * Lda);

    /// <summary>Address of op(B)(p, j).</summary>
    public double* BAt(int p, int j) => TransB ? B + j + ((long)p * Ldb) : B + p + ((long)j * Ldb);

    /// <summary>
    /// Two halves for two cores. A short, wide C (a batch-100 forward product: 100×50 from k = 784) is cut along k:
    /// each half reads half of A and B, and the second half's C is added to the first's afterwards
    /// (<paramref name="alongK"/>). Otherwise C is cut along its longer side, on a whole register tile.
    /// </summary>
    public (GemmJob First, GemmJob Second) Halves(out bool alongK)
    {
        int rowTiles = (M + GemmKernel.MR - 1) / GemmKernel.MR;
        int columnTiles = (N + GemmKernel.NR - 1) / GemmKernel.NR;
        alongK = K >= 4 * Math.Max(M, N);
        if (alongK)
        {
            int cut = K / 2;
            return (
                new(TransA, TransB, M, N, cut, Alpha, A, Lda, B, Ldb, Overwrite, C, Ldc),
                new(TransA, TransB, M, N, K - cut, Alpha, AAt(0, cut), Lda, BAt(cut, 0), Ldb, Overwrite, C, Ldc));
        }

        if (rowTiles >= columnTiles)
        {
            int cut = Math.Min(M, (rowTiles + 1) / 2 * GemmKernel.MR);
            return (WithRows(0, cut), WithRows(cut, M - cut));
        }

        int split = Math.Min(N, (columnTiles + 1) / 2 * GemmKernel.NR);
        return (WithColumns(0, split), WithColumns(split, N - split));
    }

    /// <summary>The same product written to another C: overwriting it, or adding to it.</summary>
    public GemmJob Into(double* c, int ldc, bool overwrite) =>
        new(TransA, TransB, M, N, K, Alpha, A, Lda, B, Ldb, overwrite, c, ldc);

    private GemmJob WithRows(int start, int count) =>
        new(TransA, TransB, count, N, K, Alpha, AAt(start, 0), Lda, B, Ldb, Overwrite, C + start, Ldc);

    private GemmJob WithColumns(int start, int count) =>
        new(TransA, TransB, M, count, K, Alpha, A, Lda, BAt(0, start), Ldb, Overwrite, C + ((long)start * Ldc), Ldc);
}
