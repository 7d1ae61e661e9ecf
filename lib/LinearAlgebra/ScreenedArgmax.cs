using System;
using System.Runtime.CompilerServices;
using System.Runtime.InteropServices;
using System.Runtime.Intrinsics;
using System.Runtime.Intrinsics.X86;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.LinearAlgebra;

/// <summary>
/// The class a two-layer network picks for each row of a big x, argmax(relu(x·W1 + b1)·W2 + b2), exactly as the
/// double-precision forward pass picks it, in about half its time: what <see cref="TwoLayerNet.Accuracy"/> counts
/// on the 60,000 training images.
/// </summary>
/// <remarks>
/// A first pass computes x·W1 in single precision. For each row it also bounds, rigorously, how far every score
/// it gets can lie from the score of any double-precision evaluation (<see cref="ScreenBound"/>). Where the
/// winning class leads every other by more than both their bounds, no double computation can pick another class,
/// and the row is decided. The rest (a few percent at most; every row where a value is not finite) go through
/// the double forward pass itself.
/// </remarks>
internal static unsafe class ScreenedArgmax
{
    private const int Block = SingleTile.Rows;
    private const int Kc = 256;
    private const int Group = 16;

    /// <summary>Below this many rows the double pass alone is quick enough.</summary>
    public const int MinRows = 1024;

    /// <summary>Tests and the benchmark switch the screen off to compare with the double pass alone.</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>How many rows the last call left to the double pass (for tests and the benchmark).</summary>
    internal static int LastUndecided { get; private set; }

    /// <summary>
    /// The class of every row, or null where the screen does not apply (too few rows, no AVX2, weights that are
    /// not finite): then the caller runs the double pass. predict is that pass, used for the undecided rows.
    /// </summary>
    public static int[]? TryClassify(
        Matrix<double> x, Matrix<double> w1, Matrix<double> b1, Matrix<double> w2, Matrix<double> b2,
        Func<Matrix<double>, Matrix<double>> predict)
    {
        int m = x.RowCount, k = x.ColumnCount, n = w1.ColumnCount, classes = w2.ColumnCount;
        if (!Enabled || !SingleTile.IsSupported || m < MinRows || k > 65536 || n == 0 || classes == 0
            || !AllFinite(w1) || !AllFinite(b1) || !AllFinite(w2) || !AllFinite(b2))
        {
            return null;
        }

        int width = TileWidths.For(n);
        int panelsB = (n + width - 1) / width;
        double[] xs = DenseOps.Values(x), ws = DenseOps.Values(w1), bs = DenseOps.Values(b1), vs = DenseOps.Values(w2), ds = DenseOps.Values(b2);
        var classOf = new int[m];
        var bound = ScreenBound.For(k, Kc, ws, bs, vs, ds, n, classes);
        var packedW = GC.AllocateUninitializedArray<float>(panelsB * width * k, pinned: true);
        fixed (double* px = xs, pw = ws, pb = bs, pv = vs, pd = ds, perNorm = bound.PerNorm, constant = bound.Constant)
        fixed (float* pB = packedW)
        fixed (int* pClass = classOf)
        {
            for (int t = 0; t < panelsB; t++)
            {
                SingleTile.PackColumns(pw, k, t * width, Math.Min(width, n - (t * width)), width, pB + ((long)t * width * k));
            }

            int full = m / Block * Block;
            var job = new Job
            {
                X = px,
                M = m,
                K = k,
                N = n,
                Classes = classes,
                Width = width,
                PanelsB = panelsB,
                PackedB = pB,
                B1 = pb,
                W2 = pv,
                B2 = pd,
                PerNorm = perNorm,
                Constant = constant,
                Norm = bound.Norm,
                ClassOf = pClass,
                Cut = (full / Block + 1) / 2 * Block,
                End = full,
            };
            if (!SecondCore.TryRunHalves(&Job.Run, &job))
            {
                Job.Run(&job, 0);
                Job.Run(&job, 1);
            }

            for (int i = full; i < m; i++)
            {
                pClass[i] = -1;
            }
        }

        DecideTheRest(x, classOf, predict);
        return classOf;
    }

    // The rows the screen left open (-1), through the double forward pass, all at once.
    private static void DecideTheRest(Matrix<double> x, int[] classOf, Func<Matrix<double>, Matrix<double>> predict)
    {
        int open = 0;
        foreach (int c in classOf)
        {
            open += c < 0 ? 1 : 0;
        }

        LastUndecided = open;

        if (open == 0)
        {
            return;
        }

        var rows = new int[open];
        for (int i = 0, r = 0; i < classOf.Length; i++)
        {
            if (classOf[i] < 0)
            {
                rows[r++] = i;
            }
        }

        var some = Matrix<double>.Build.Dense(open, x.ColumnCount);
        DenseOps.GatherRows(x, rows, some);
        int[] decided = DenseOps.ArgmaxRows(predict(some));
        for (int r = 0; r < open; r++)
        {
            classOf[rows[r]] = decided[r];
        }
    }

    private static bool AllFinite(Matrix<double> m)
    {
        foreach (double v in DenseOps.Values(m))
        {
            if (!double.IsFinite(v))
            {
                return false;
            }
        }

        return true;
    }

    /// <summary>Everything one half of the rows needs; half 0 takes rows [0, Cut), half 1 rows [Cut, End).</summary>
    private struct Job
    {
        public double* X;
        public int M, K, N, Classes, Width, PanelsB, Cut, End;
        public float* PackedB;
        public double* B1, W2, B2, PerNorm, Constant;
        public ScreenBound.NormBound Norm;
        public int* ClassOf;

        public static void Run(void* state, int half)
        {
            var job = (Job*)state;
            int start = half == 0 ? 0 : job->Cut, end = half == 0 ? job->Cut : job->End;
            if (start < end)
            {
                job->Rows(start, end);
            }
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Rows(int start, int end)
        {
            int columnsC = PanelsB * Width;
            nuint bytes = (nuint)(((long)Block * Kc * sizeof(float)) + (Block * sizeof(float)) + ((long)Block * columnsC * sizeof(float))
                + ((long)Group * N * sizeof(double)) + ((long)Group * Classes * sizeof(double)));
            byte* memory = (byte*)NativeMemory.AlignedAlloc(bytes, 64);
            try
            {
                float* packedA = (float*)memory;
                float* squares = packedA + (Block * Kc);
                float* c = squares + Block;
                double* hidden = (double*)(c + (Block * columnsC));
                double* scores = hidden + (Group * N);
                for (int i0 = start; i0 < end; i0 += Block)
                {
                    new Span<float>(squares, Block).Clear();
                    new Span<float>(c, Block * columnsC).Clear();
                    for (int pc = 0; pc < K; pc += Kc)
                    {
                        int kc = Math.Min(Kc, K - pc);
                        SingleTile.PackRows(X + i0 + ((long)pc * M), M, kc, packedA, squares);

                        // While the tiles compute, fetch the columns the next copy will read: each lies 8·M bytes
                        // from the last, too far apart for the hardware to see them coming.
                        bool last = pc + Kc >= K;
                        double* next = last ? X + i0 + Block : X + i0 + ((long)(pc + Kc) * M);
                        int nextColumns = last ? (i0 + (2 * Block) <= end ? Math.Min(Kc, K) : 0) : Math.Min(Kc, K - pc - Kc);
                        int tiles = Block / SingleTile.MR * PanelsB, fetched = 0;
                        for (int t = 0; t < Block / SingleTile.MR; t++)
                        {
                            for (int jp = 0; jp < PanelsB; jp++)
                            {
                                int upTo = (int)((long)nextColumns * ((t * PanelsB) + jp + 1) / tiles);
                                for (; fetched < upTo; fetched++)
                                {
                                    SingleTile.Prefetch(next + ((long)fetched * M));
                                }

                                SingleTile.Tile(Width, kc, packedA + (t * SingleTile.MR * kc), PackedB + ((long)jp * Width * K) + (pc * Width),
                                    c + (t * SingleTile.MR) + (jp * Width * Block), Block);
                            }
                        }
                    }

                    for (int g = 0; g < Block; g += Group)
                    {
                        Decide(i0 + g, c + g, squares + g, hidden, scores);
                    }
                }
            }
            finally
            {
                NativeMemory.AlignedFree(memory);
            }
        }

        // Sixteen rows: the double second layer on the float first, then each row's verdict.
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly void Decide(int row0, float* c, float* squares, double* hidden, double* scores)
        {
            var finite0 = Vector256<double>.AllBitsSet;
            var finite1 = finite0;
            var finite2 = finite0;
            var finite3 = finite0;
            for (int j = 0; j < N; j++)
            {
                var bias = Vector256.Create(B1[j]);
                float* cj = c + (j * Block);
                double* hj = hidden + (j * Group);
                var v0 = Avx.ConvertToVector256Double(Vector128.Load(cj)) + bias;
                var v1 = Avx.ConvertToVector256Double(Vector128.Load(cj + 4)) + bias;
                var v2 = Avx.ConvertToVector256Double(Vector128.Load(cj + 8)) + bias;
                var v3 = Avx.ConvertToVector256Double(Vector128.Load(cj + 12)) + bias;
                finite0 &= Vector256.Equals(v0 - v0, Vector256<double>.Zero);
                finite1 &= Vector256.Equals(v1 - v1, Vector256<double>.Zero);
                finite2 &= Vector256.Equals(v2 - v2, Vector256<double>.Zero);
                finite3 &= Vector256.Equals(v3 - v3, Vector256<double>.Zero);
                Vector256.Max(v0, Vector256<double>.Zero).Store(hj);
                Vector256.Max(v1, Vector256<double>.Zero).Store(hj + 4);
                Vector256.Max(v2, Vector256<double>.Zero).Store(hj + 8);
                Vector256.Max(v3, Vector256<double>.Zero).Store(hj + 12);
            }

            for (int cls = 0; cls < Classes; cls++)
            {
                var s0 = Vector256.Create(B2[cls]);
                var s1 = s0;
                var s2 = s0;
                var s3 = s0;
                double* vk = W2 + ((long)cls * N);
                for (int j = 0; j < N; j++)
                {
                    var vjk = Vector256.Create(vk[j]);
                    double* hj = hidden + (j * Group);
                    s0 = Fma.MultiplyAdd(Vector256.Load(hj), vjk, s0);
                    s1 = Fma.MultiplyAdd(Vector256.Load(hj + 4), vjk, s1);
                    s2 = Fma.MultiplyAdd(Vector256.Load(hj + 8), vjk, s2);
                    s3 = Fma.MultiplyAdd(Vector256.Load(hj + 12), vjk, s3);
                }

                double* sk = scores + (cls * Group);
                s0.Store(sk);
                s1.Store(sk + 4);
                s2.Store(sk + 8);
                s3.Store(sk + 12);
            }

            long* finite = stackalloc long[Group];
            finite0.AsInt64().Store(finite);
            finite1.AsInt64().Store(finite + 4);
            finite2.AsInt64().Store(finite + 8);
            finite3.AsInt64().Store(finite + 12);
            for (int r = 0; r < Group; r++)
            {
                ClassOf[row0 + r] = finite[r] != 0 ? Verdict(scores + r, Norm.Of(squares[r])) : -1;
            }
        }

        // The first largest score wins, as numpy's argmax has it, but only by more than both bounds over every other; -1 otherwise.
        private readonly int Verdict(double* score, double norm)
        {
            int best = 0;
            for (int cls = 1; cls < Classes; cls++)
            {
                if (score[cls * Group] > score[best * Group])
                {
                    best = cls;
                }
            }

            double top = score[best * Group], margin = (norm * PerNorm[best]) + Constant[best];
            for (int cls = 0; cls < Classes; cls++)
            {
                double other = score[cls * Group];
                if (!double.IsFinite(other) || (cls != best && !(top - other > 1.001 * (margin + (norm * PerNorm[cls]) + Constant[cls]))))
                {
                    return -1;
                }
            }

            return double.IsFinite(top) && double.IsFinite(margin) ? best : -1;
        }
    }
}
