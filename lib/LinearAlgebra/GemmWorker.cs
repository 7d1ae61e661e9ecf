using System;
using System.Threading;

namespace Backprop.LinearAlgebra;

/// <summary>
/// One persistent second thread for <see cref="Gemm"/>. Parallel.For costs more than a batch-100 product
/// takes, so the caller runs one half itself and hands the other half to a thread that is already awake.
/// </summary>
internal sealed class GemmWorker
{
    private static readonly Lazy<GemmWorker?> s_instance = new(() => Environment.ProcessorCount > 1 ? new GemmWorker() : null);

    private readonly object _gate = new();
    private readonly ManualResetEventSlim _start = new(false, 2047);
    private readonly ManualResetEventSlim _done = new(false, 2047);
    private GemmJob _job;
    private Exception? _error;

    private GemmWorker()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Backprop GEMM worker" };
        thread.Start();
    }

    /// <summary>Whether products may use the second core (the benchmark switches this to compare).</summary>
    internal static bool Enabled { get; set; } = true;

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
            var (first, second) = job.Halves();
            worker._job = second;
            worker._error = null;
            worker._done.Reset();
            worker._start.Set();
            try
            {
                Gemm.Serial(first);
            }
            finally
            {
                // The halves point into memory the caller pinned: never return before the worker is done with it.
                worker._done.Wait();
            }

            if (worker._error is not null)
            {
                throw new InvalidOperationException("The second GEMM thread failed.", worker._error);
            }

            return true;
        }
        finally
        {
            Monitor.Exit(worker._gate);
        }
    }

    private void Loop()
    {
        while (true)
        {
            _start.Wait();
            _start.Reset();
            try
            {
                Gemm.Serial(_job);
            }
            catch (Exception e)
            {
                _error = e;
            }

            _done.Set();
        }
    }
}
