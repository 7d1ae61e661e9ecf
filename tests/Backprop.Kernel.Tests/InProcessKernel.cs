using System;
using System.IO;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel.Tests;

/// <summary>A kernel server on real loopback sockets inside the test process, with a connected client.</summary>
internal sealed class InProcessKernel : IDisposable
{
    public InProcessKernel(ICellExecutor executor)
    {
        Connection = TestConnection.Create();
        Log = new StringWriter();
        Server = new KernelServer(Connection, executor, TextWriter.Synchronized(Log));
        Server.Start();
        Client = new KernelClient(Connection);
        Client.WaitForReady();
    }

    public ConnectionInfo Connection { get; }

    public StringWriter Log { get; }

    public KernelServer Server { get; }

    public KernelClient Client { get; }

    public void Dispose()
    {
        Client.Dispose();
        if (!Server.Completion.IsCompleted)
        {
            Server.RequestStop(restart: false);
            Server.Completion.Wait(KernelClient.Timeout);
        }

        Server.Dispose();
    }
}
