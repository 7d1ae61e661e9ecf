using System;
using System.Diagnostics;
using System.Threading;

namespace Backprop.Fast;

/// <summary>
/// One persistent second thread that runs the second half of a piece of work while the caller runs the first.
/// A batch-100 product lasts ~0.1 ms, less than Parallel.For or an event wake-up costs, so the thread spins
/// between pieces while they keep coming (a training loop), and sleeps once they stop. If it has not picked
/// up its half by the time the caller is done with the first (asleep, or the machine is busy), the caller
/// takes the half back and runs it too: it never waits for a thread that is not running.
/// Each <see cref="FastLinearAlgebraProvider"/> that uses two cores owns one.
/// </summary>
internal sealed unsafe class SecondCore
{
    private const int Idle = 0;
    private const int Posted = 1;
    private const int Running = 2;

    /// <summary>How long the thread keeps spinning after its last half before it goes to sleep.</summary>
    private static readonly long s_spinTicks = Stopwatch.Frequency / 500;

    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private delegate*<void*, int, void> _work;
    private void* _state;
    private Exception? _error;
    private int _phase = Idle;
    private int _sleeping;

    public SecondCore()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Backprop second core" };
        thread.Start();
    }

    /// <summary>While true the thread leaves posted halves alone, as a busy machine would: the caller must run both (tests).</summary>
    public bool Standby { get; set; }

    /// <summary>
    /// Runs work(state, 0) here and work(state, 1) on the second core, and returns once both are done; false
    /// (nothing run) when it is taken. state must stay valid until this returns.
    /// </summary>
    public bool TryRunHalves(delegate*<void*, int, void> work, void* state)
    {
        if (!Monitor.TryEnter(_gate))
        {
            return false;
        }

        try
        {
            RunHalves(work, state);
            return true;
        }
        finally
        {
            Monitor.Exit(_gate);
        }
    }

    private void RunHalves(delegate*<void*, int, void> work, void* state)
    {
        _work = work;
        _state = state;
        _error = null;
        Interlocked.Exchange(ref _phase, Posted);
        if (Volatile.Read(ref _sleeping) == 1)
        {
            _wake.Release();
        }

        bool tookBack = false;
        try
        {
            work(state, 0);
        }
        finally
        {
            // The halves point into memory the caller pinned: never return while the other thread may still touch it.
            if (Interlocked.CompareExchange(ref _phase, Idle, Posted) == Posted)
            {
                tookBack = true;
            }
            else
            {
                var spin = default(SpinWait);
                while (Volatile.Read(ref _phase) != Idle)
                {
                    spin.SpinOnce(sleep1Threshold: -1);
                }
            }
        }

        if (_error is not null)
        {
            throw new InvalidOperationException("The second core's half of the work failed.", _error);
        }

        if (tookBack)
        {
            work(state, 1);
        }
    }

    private void Loop()
    {
        while (true)
        {
            long since = Stopwatch.GetTimestamp();
            while (Volatile.Read(ref _phase) != Posted || Standby)
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

            if (Interlocked.CompareExchange(ref _phase, Running, Posted) != Posted)
            {
                continue; // The caller took its second half back.
            }

            try
            {
                _work(_state, 1);
            }
            catch (Exception e)
            {
                _error = e;
            }

            Volatile.Write(ref _phase, Idle);
        }
    }

    private void Sleep()
    {
        // Announce the sleep before the last look, so a half posted in between is either seen here or wakes us.
        Interlocked.Exchange(ref _sleeping, 1);
        if (Volatile.Read(ref _phase) != Posted)
        {
            _wake.Wait();
        }

        Interlocked.Exchange(ref _sleeping, 0);
    }
}
