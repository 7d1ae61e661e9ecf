using System;
using System.Diagnostics;
using System.Threading;

namespace Backprop.LinearAlgebra;

/// <summary>
/// One persistent second thread that runs the second half of a piece of work while the caller runs the first.
/// A batch-100 product lasts ~0.1 ms, less than Parallel.For or an event wake-up costs, so the thread spins
/// between pieces while they keep coming (a training loop), and sleeps once they stop. If it has not picked
/// up its half by the time the caller is done with the first (asleep, or the machine is busy), the caller
/// takes the half back and runs it too: it never waits for a thread that is not running.
/// Between halves it can also work through background pieces (the next training batch), one small piece at a
/// time, so that a half posted meanwhile waits at most one piece.
/// </summary>
internal sealed unsafe class SecondCore
{
    private const int Idle = 0;
    private const int Posted = 1;
    private const int Running = 2;

    /// <summary>How long the thread keeps spinning after its last half before it goes to sleep.</summary>
    private static readonly long s_spinTicks = Stopwatch.Frequency / 500;

    private static readonly Lazy<SecondCore?> s_instance = new(() => Environment.ProcessorCount > 1 ? new SecondCore() : null);

    private readonly object _gate = new();
    private readonly SemaphoreSlim _wake = new(0);
    private delegate*<void*, int, void> _work;
    private void* _state;
    private Exception? _error;
    private int _phase = Idle;
    private int _sleeping;

    // Background pieces: _background is Free, Claimed (being set up) or Active; pieces are claimed by counting up.
    private const int Free = 0;
    private const int Claimed = 1;
    private const int Active = 2;
    private int _background = Free;
    private delegate*<void*, int, void> _piece;
    private void* _pieceState;
    private int _pieceCount;
    private int _nextPiece;
    private int _donePieces;
    private Exception? _pieceError;
    private int _threadInPiece;

    private SecondCore()
    {
        var thread = new Thread(Loop) { IsBackground = true, Name = "Backprop second core" };
        thread.Start();
    }

    /// <summary>Whether work may use the second core (the benchmark switches this off to compare).</summary>
    internal static bool Enabled { get; set; } = true;

    /// <summary>While true the thread leaves posted halves alone, as a busy machine would: the caller must run both (tests).</summary>
    internal static bool Standby { get; set; }

    /// <summary>
    /// Runs work(state, 0) here and work(state, 1) on the second core, and returns once both are done; false
    /// (nothing run) when there is no second core or it is taken. state must stay valid until this returns.
    /// </summary>
    public static bool TryRunHalves(delegate*<void*, int, void> work, void* state)
    {
        SecondCore? core = Enabled ? s_instance.Value : null;
        if (core is null || !Monitor.TryEnter(core._gate))
        {
            return false;
        }

        try
        {
            core.RunHalves(work, state);
            return true;
        }
        finally
        {
            Monitor.Exit(core._gate);
        }
    }

    /// <summary>
    /// Starts piece(state, 0 .. count-1) in the background and returns at once; false (nothing started) when there
    /// is no second core or the background is taken. state, and all it points to, must stay valid and pinned until
    /// <see cref="FinishBackground"/>, which the caller must call before it uses the result.
    /// </summary>
    public static bool TryRunInBackground(delegate*<void*, int, void> piece, void* state, int count)
    {
        SecondCore? core = Enabled && !Standby ? s_instance.Value : null;
        if (core is null || Interlocked.CompareExchange(ref core._background, Claimed, Free) != Free)
        {
            return false;
        }

        core._piece = piece;
        core._pieceState = state;
        core._pieceCount = count;
        core._nextPiece = 0;
        core._donePieces = 0;
        core._pieceError = null;

        // A full fence between publishing the pieces and looking for a sleeper, as RunHalves has: a thread going to
        // sleep either sees them or is woken.
        Interlocked.Exchange(ref core._background, Active);
        if (Volatile.Read(ref core._sleeping) == 1)
        {
            core._wake.Release();
        }

        return true;
    }

    /// <summary>Runs here the background pieces nobody has started, waits for those under way, and frees the background.</summary>
    public static void FinishBackground()
    {
        SecondCore? core = s_instance.IsValueCreated ? s_instance.Value : null;
        if (core is null || Volatile.Read(ref core._background) != Active)
        {
            return;
        }

        while (core.TryRunPiece())
        {
        }

        var spin = default(SpinWait);
        while (Volatile.Read(ref core._donePieces) < core._pieceCount)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        var error = core._pieceError;

        // The thread may have looked at this background just before the last piece finished: wait until it is out
        // of it, or it could claim a piece of the next one before that is set up. (Full fences on both sides.)
        Interlocked.Exchange(ref core._background, Free);
        while (Volatile.Read(ref core._threadInPiece) == 1)
        {
            spin.SpinOnce(sleep1Threshold: -1);
        }

        if (error is not null)
        {
            throw new InvalidOperationException("Background work on the second core failed.", error);
        }
    }

    private bool RunPieceHere()
    {
        // Look first without a locked instruction: while no background is set, spinning must cost the caller nothing.
        if (Volatile.Read(ref _background) != Active)
        {
            return false;
        }

        Interlocked.Exchange(ref _threadInPiece, 1);
        try
        {
            return TryRunPiece();
        }
        finally
        {
            Volatile.Write(ref _threadInPiece, 0);
        }
    }

    // Claims and runs the next background piece, if there is one.
    private bool TryRunPiece()
    {
        if (Volatile.Read(ref _background) != Active)
        {
            return false;
        }

        int piece = Interlocked.Increment(ref _nextPiece) - 1;
        if (piece >= _pieceCount)
        {
            return false;
        }

        try
        {
            _piece(_pieceState, piece);
        }
        catch (Exception e)
        {
            _pieceError = e;
        }

        Interlocked.Increment(ref _donePieces);
        return true;
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
                if (RunPieceHere())
                {
                    since = Stopwatch.GetTimestamp();
                }
                else if (Stopwatch.GetTimestamp() - since > s_spinTicks)
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
        if (Volatile.Read(ref _phase) != Posted && Volatile.Read(ref _background) != Active)
        {
            _wake.Wait();
        }

        Interlocked.Exchange(ref _sleeping, 0);
    }
}
