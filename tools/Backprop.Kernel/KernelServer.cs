using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.IO;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Backprop.Kernel;

/// <summary>Binds the five Jupyter sockets and runs the kernel's two threads.</summary>
/// <remarks>One poller thread owns every socket (NetMQ sockets are single-threaded): it echoes heartbeats,
/// answers control requests at once and sends whatever the other thread queued. Shell requests go to a
/// worker thread in arrival order, so a long cell never blocks interrupt or shutdown on control.</remarks>
internal sealed class KernelServer : IDisposable
{
    private readonly ConnectionInfo _connection;
    private readonly TextWriter _log;
    private readonly WireCodec _codec;
    private readonly RouterSocket _shell = new();
    private readonly RouterSocket _control = new();
    private readonly RouterSocket _stdin = new();
    private readonly PublisherSocket _iopub = new();
    private readonly ResponseSocket _heartbeat = new();
    private readonly NetMQQueue<(Channel Channel, JupyterMessage? Message)> _outbox = new();
    private readonly NetMQPoller _poller;
    private readonly BlockingCollection<JupyterMessage> _shellQueue = new();
    private readonly RequestHandler _handler;
    private readonly TaskCompletionSource<bool> _stopped = new(TaskCreationOptions.RunContinuationsAsynchronously);
    private Thread? _worker;
    private int _stopping;
    private volatile bool _restart;

    public KernelServer(ConnectionInfo connection, ICellExecutor executor, TextWriter log)
    {
        _connection = connection;
        _log = log;
        _codec = new WireCodec(new MessageSigner(connection.Key));
        _handler = new RequestHandler(executor, this);
        _poller = new NetMQPoller { _shell, _control, _stdin, _heartbeat, _outbox };
        _shell.ReceiveReady += (_, e) => Receive(e.Socket, Channel.Shell);
        _control.ReceiveReady += (_, e) => Receive(e.Socket, Channel.Control);
        _stdin.ReceiveReady += (_, e) => Receive(e.Socket, Channel.Stdin);
        _heartbeat.ReceiveReady += (_, e) => e.Socket.SendMultipartMessage(e.Socket.ReceiveMultipartMessage());
        _outbox.ReceiveReady += (_, _) => Flush();
    }

    /// <summary>The kernel's session id (header.session of everything it sends).</summary>
    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>Completes after shutdown with the request's restart flag.</summary>
    public Task<bool> Completion => _stopped.Task;

    public void Start()
    {
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            // Let replies already queued reach the client when we close after shutdown.
            socket.Options.Linger = TimeSpan.FromSeconds(1);
        }

        _shell.Bind(_connection.Endpoint(_connection.ShellPort));
        _control.Bind(_connection.Endpoint(_connection.ControlPort));
        _stdin.Bind(_connection.Endpoint(_connection.StdinPort));
        _iopub.Bind(_connection.Endpoint(_connection.IOPubPort));
        _heartbeat.Bind(_connection.Endpoint(_connection.HeartbeatPort));

        _worker = new Thread(RunShell, 16 * 1024 * 1024) { IsBackground = true, Name = "backprop-kernel shell" };
        _worker.Start();
        _poller.RunAsync("backprop-kernel poller");
        _log.WriteLine($"backprop-kernel: listening on {_connection.Ip} (shell {_connection.ShellPort}, control {_connection.ControlPort})");

        // Frontends wait for a first status message to know iopub works.
        Publish("status", new JsonObject { ["execution_state"] = "starting" }, parent: null);
    }

    /// <summary>Queues a message; the poller thread signs and sends it, in queue order.</summary>
    public void Send(Channel channel, JupyterMessage message) => _outbox.Enqueue((channel, message));

    /// <summary>Answers <paramref name="request"/> on the socket it came from.</summary>
    public void Reply(JupyterMessage request, Channel channel, JsonObject content) =>
        Send(channel, request.Reply(content, Session));

    public void Publish(string messageType, JsonObject content, JupyterMessage? parent)
    {
        var message = JupyterMessage.Create(messageType, content, parent, Session,
            new[] { Encoding.UTF8.GetBytes($"kernel.{Session}.{messageType}") });
        Send(Channel.IOPub, message);
    }

    /// <summary>Takes the shell requests that arrived but have not started (for stop_on_error aborts).</summary>
    public List<JupyterMessage> TakeQueued()
    {
        var queued = new List<JupyterMessage>();
        while (_shellQueue.TryTake(out var message))
        {
            queued.Add(message);
        }

        return queued;
    }

    /// <summary>Cancels the running cell, if any.</summary>
    public void Interrupt() => _handler.Interrupt();

    /// <summary>Stops after everything queued so far is sent.</summary>
    public void RequestStop(bool restart)
    {
        if (Interlocked.Exchange(ref _stopping, 1) == 0)
        {
            _restart = restart;
            _shellQueue.CompleteAdding();
            _handler.Interrupt();
            _outbox.Enqueue((Channel.Control, null));
        }
    }

    public void Dispose()
    {
        if (_poller.IsRunning)
        {
            _poller.Stop();
        }

        _poller.Dispose();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _stdin, _iopub, _heartbeat })
        {
            socket.Dispose();
        }

        _outbox.Dispose();
        _shellQueue.Dispose();
    }

    private void Receive(NetMQSocket socket, Channel channel)
    {
        var frames = socket.ReceiveMultipartMessage();
        JupyterMessage message;
        try
        {
            message = _codec.Decode(frames);
        }
        catch (InvalidWireMessageException e)
        {
            _log.WriteLine($"backprop-kernel: dropped a message on {channel}: {e.Message}");
            return;
        }

        switch (channel)
        {
            case Channel.Shell:
                if (!_shellQueue.IsAddingCompleted)
                {
                    _shellQueue.Add(message);
                }

                break;
            case Channel.Control:
                _handler.Handle(message, Channel.Control);
                break;
            default:
                _log.WriteLine($"backprop-kernel: ignored {message.MessageType} on {channel}");
                break;
        }
    }

    private void RunShell()
    {
        foreach (var message in _shellQueue.GetConsumingEnumerable())
        {
            try
            {
                _handler.Handle(message, Channel.Shell);
            }
            catch (Exception e)
            {
                // A bug in one handler must not take the kernel down with the student's variables.
                _log.WriteLine($"backprop-kernel: {message.MessageType} failed: {e}");
            }
        }
    }

    private void Flush()
    {
        while (_outbox.TryDequeue(out var item, TimeSpan.Zero))
        {
            if (item.Message is null)
            {
                _poller.Stop();
                _stopped.TrySetResult(_restart);
                return;
            }

            var socket = item.Channel switch
            {
                Channel.Shell => (NetMQSocket)_shell,
                Channel.Control => _control,
                Channel.Stdin => _stdin,
                _ => _iopub,
            };
            socket.SendMultipartMessage(_codec.Encode(item.Message));
        }
    }
}
