using System;
using System.IO;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>Runs one kernel until a shutdown_request: binds, serves, closes.</summary>
internal static class KernelHost
{
    public static int Run(ConnectionInfo connection, TextWriter log) =>
        Run(connection, EngineExecutor.Create(log), log);

    public static int Run(ConnectionInfo connection, ICellExecutor executor, TextWriter log)
    {
        using var server = new KernelServer(connection, executor, log);
        Console.SetIn(new NoConsoleInput());

        // A terminal's Ctrl+C reaches the kernel too (same process group): treat it as an interrupt, not a kill.
        ConsoleCancelEventHandler onCancel = (_, e) =>
        {
            e.Cancel = true;
            server.Interrupt();
        };
        Console.CancelKeyPress += onCancel;
        using var parent = ParentWatch.FromEnvironment(() =>
        {
            log.WriteLine("backprop-kernel: the Jupyter process that started this kernel is gone; shutting down");
            server.RequestStop(restart: false);
        });
        try
        {
            server.Start();
            var restart = server.Completion.GetAwaiter().GetResult();
            log.WriteLine($"backprop-kernel: shut down{(restart ? " for restart" : "")}");
            return 0;
        }
        finally
        {
            Console.CancelKeyPress -= onCancel;
            (executor as IDisposable)?.Dispose();
        }
    }
}
