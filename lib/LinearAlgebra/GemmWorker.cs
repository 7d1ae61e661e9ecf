using System;
using System.Diagnostics;
using System.Runtime.Intrinsics;
using System.Threading;

namespace Backprop.LinearAlgebra;

/// <summary>
/// One persistent second thread for <see cref="Gemm"/>. A batch-100 product lasts ~0.1 ms, less than
/// Parallel.For or an event wake-up costs, so the worker spins between products while they keep coming
/// (a training loop), and sleeps once they stop. The caller runs one half itself; if the worker has not
/// picked up the other half by then (asleep, or the machine is busy), the caller takes it back and runs
/// it too, so it never waits for a thread that is not running.
/// </summary>
internal sealed class GemmWorker
{
    private const int Idle = 0;
    private const int Posted = 1;
    private const int Running = 2;

    /// <summary>How long the worker keeps spinning after its last job before it goes to sleep.</summary>
    private static readonly long s_spinTicks = Stopwatch.Frequency / 500;

    private static readonly Lazy<GemmWorker?> s_instance = new(() => Environment.ProcessorCount > 1 ? new GemmWorker() : null);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private GemmJob _job;
    private Exception? _error;
    private int _state = Idle;
    private int _sleeping;
    private double[]? _partial;

    private GemmWorker()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Backprop GEMM worker" };
        thread.Start();
    }

    /// <summary>Whether products may use the second core (the benchmark switches this to compare).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>While true the worker leaves posted halves alone, as a busy machine would: the caller must run both (tests).</summary>
    internal static bool Standby { get; set; }

    /// <summary>Runs the job on two cores; false (nothing done) when one core is all there is or the worker is busy.</summary>
    public static bool TryRunHalves(in GemmJob job)
    {
        GemmWorker? worker = Enabled ? s_instance.Value : null;
        if (worker is null || !Monitor.TryEnter(worker._gate))
        {
            return false;
        }

        try
        {
            worker.RunHalves(job);
            return true;
        }
        finally
        {
            Monitor.Exit(worker._gate);
        }
    }

    private unsafe void RunHalves(in GemmJob job)
    {
        var (first, second) = job.Halves(out bool alongK);
        fixed (double* partial = alongK ? Partial(job.M * job.N) : null)
        {
            // Along k, the worker sums its half into a C of its own; the caller adds it in at the end.
            _job = alongK ? second.Into(partial, job.M, overwrite: true) : second;
            _error = null;
            Interlocked.Exchange(ref _state, Posted);
            if (Volatile.Read(ref _sleeping) == 1)
            {
                _wake.Release();
            }

            bool tookBack = false;
            try
            {
                Gemm.Serial(first);
            }
            finally
            {
                // The halves point into memory the caller pinned: never return while the worker may still touch it.
                if (Interlocked.CompareExchange(ref _state, Idle, Posted) == Posted)
                {
                    tookBack = true;
                }
                else
                {
                    var spin = default(SpinWait);
                    while (Volatile.Read(ref _state) != Idle)
                    {
                        spin.SpinOnce(sleep1Threshold: -1);
                    }
                }
            }

            if (_error is not null)
            {
                throw new InvalidOperationException("The second GEMM thread failed.", _error);
            }

            if (tookBack)
            {
                // After the first half, C holds its sum: the second half adds to it.
                Gemm.Serial(alongK ? second.Into(job.C, job.Ldc, overwrite: false) : second);
            }
            else if (alongK)
            {
                AddInto(partial, job.M, job.N, job.C, job.Ldc);
            }
        }
    }

    private double[] Partial(int length)
    {
        if (_partial is null || _partial.Length < length)
        {
            _partial = GC.AllocateUninitializedArray<double>(length, pinned: true);
        }

        return _partial;
    }

    private static unsafe void AddInto(double* partial, int m, int n, double* c, int ldc)
    {
        for (int j = 0; j < n; j++)
        {
            var column = new Span<double>(c + ((long)j * ldc), m);
            var add = new ReadOnlySpan<double>(partial + ((long)j * m), m);
            int i = 0;
            for (; i <= m - 4; i += 4)
            {
                (Vector256.Create(column.Slice(i, 4)) + Vector256.Create(add.Slice(i, 4))).CopyTo(column.Slice(i, 4));
            }

            for (; i < m; i++)
            {
                column[i] += add[i];
            }
        }
    }

    private void Loop()
    {
        while (true)
        {
            long since = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _state) != Posted || Standby)
            {
                if (Stopwatch.GetTimestamp() - since > s_spinTicks)
                {
                    Sleep();
                    since = Stopwatch.GetTimestamp();
                }
                else
                {
                    Thread.SpinWait(8);
                }
            }

            if (Interlocked.CompareExchange(ref _state, Running, Posted) != Posted)
            {
                continue; // The caller took its second half back.
            }

            try
            {
                Gemm.Serial(_job);
            }
            catch (Exception e)
            {
                _error = e;
            }

            Volatile.Write(ref _state, Idle);
        }
    }

    private void Sleep()
    {
        // Announce the sleep before the last look, so a job posted in between is either seen here or wakes us.
        Interlocked.Exchange(ref _sleeping, 1);
        if (Volatile.Read(ref _state) != Posted)
        {
            _wake.Wait();
        }

        Interlocked.Exchange(ref _sleeping, 0);
    }
}
