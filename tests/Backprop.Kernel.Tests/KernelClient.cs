using System;
using System.Collections.Concurrent;
using System.Collections.Generic;
using System.Text;
using System.Text.Json.Nodes;
using System.Threading;
using Backprop.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Backprop.Kernel.Tests;

/// <summary>A minimal Jupyter client over NetMQ: signed requests on shell/control, iopub collected by parent id.</summary>
internal sealed class KernelClient : IDisposable
{
    public static readonly TimeSpan Timeout = TimeSpan.FromSeconds(60);

    private readonly DealerSocket _shell = new();
    private readonly DealerSocket _control = new();
    private readonly SubscriberSocket _iopub = new();
    private readonly WireCodec _codec;
    private readonly BlockingCollection<JupyterMessage> _published = new();
    private readonly List<JupyterMessage> _unclaimed = new();
    private readonly Thread _listener;
    private readonly CancellationTokenSource _stop = new();
    private readonly Lock _iopubLock = new();

    public KernelClient(ConnectionInfo connection, string? key = null)
    {
        _codec = new WireCodec(new MessageSigner(key ?? connection.Key));
        Connection = connection;
        _shell.Options.Identity = Encoding.ASCII.GetBytes("shell-" + Guid.NewGuid().ToString("N")[..8]);
        _control.Options.Identity = Encoding.ASCII.GetBytes("control-" + Guid.NewGuid().ToString("N")[..8]);
        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub })
        {
            socket.Options.Linger = TimeSpan.Zero;
        }

        _shell.Connect(connection.Endpoint(connection.ShellPort));
        _control.Connect(connection.Endpoint(connection.ControlPort));
        _iopub.Connect(connection.Endpoint(connection.IOPubPort));
        _iopub.SubscribeToAnyTopic();
        _listener = new Thread(Listen) { IsBackground = true };
        _listener.Start();
    }

    public ConnectionInfo Connection { get; }

    public string Session { get; } = Guid.NewGuid().ToString();

    /// <summary>Waits until iopub is subscribed (PUB drops messages sent before that), using kernel_info.</summary>
    public void WaitForReady()
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            var request = Send(Channel.Shell, "kernel_info_request", new JsonObject());
            Receive(Channel.Shell, Timeout);
            if (TryCollect(request.MessageId, TimeSpan.FromMilliseconds(500), out _))
            {
                return;
            }
        }

        throw new TimeoutException("iopub never delivered a status message");
    }

    public JupyterMessage Send(Channel channel, string messageType, JsonObject content)
    {
        var message = new JupyterMessage { Header = JupyterMessage.NewHeader(messageType, Session, "test"), Content = content };
        SendRaw(channel, _codec.Encode(message));
        return message;
    }

    public void SendRaw(Channel channel, NetMQMessage frames) => Socket(channel).SendMultipartMessage(frames);

    public JupyterMessage Receive(Channel channel, TimeSpan timeout) =>
        TryReceive(channel, timeout) ?? throw new TimeoutException($"no reply on {channel} within {timeout}");

    public JupyterMessage? TryReceive(Channel channel, TimeSpan timeout)
    {
        NetMQMessage? frames = null;
        return Socket(channel).TryReceiveMultipartMessage(timeout, ref frames) ? _codec.Decode(frames!) : null;
    }

    /// <summary>Sends a request and returns its reply and every iopub message it caused, up to status idle.</summary>
    public (JupyterMessage Reply, List<JupyterMessage> Published) Request(Channel channel, string messageType, JsonObject content)
    {
        var request = Send(channel, messageType, content);
        var reply = Receive(channel, Timeout);
        Assert.Equal(request.MessageId, (string?)reply.ParentHeader["msg_id"]);
        return (reply, Collect(request.MessageId));
    }

    public List<JupyterMessage> Collect(string parentId) =>
        TryCollect(parentId, Timeout, out var messages) ? messages : throw new TimeoutException($"no status idle for {parentId}");

    public JupyterMessage WaitFor(string parentId, string messageType)
    {
        var deadline = DateTime.UtcNow + Timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Take(parentId, deadline - DateTime.UtcNow) is { } message && message.MessageType == messageType)
            {
                return message;
            }
        }

        throw new TimeoutException($"no {messageType} for {parentId}");
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Join();
        foreach (var socket in new NetMQSocket[] { _shell, _control, _iopub })
        {
            socket.Dispose();
        }
    }

    private bool TryCollect(string parentId, TimeSpan timeout, out List<JupyterMessage> messages)
    {
        messages = new List<JupyterMessage>();
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (Take(parentId, deadline - DateTime.UtcNow) is not { } message)
            {
                break;
            }

            messages.Add(message);
            if (message.MessageType == "status" && (string?)message.Content["execution_state"] == "idle")
            {
                return true;
            }
        }

        return false;
    }

    private JupyterMessage? Take(string parentId, TimeSpan timeout)
    {
        lock (_iopubLock)
        {
            var index = _unclaimed.FindIndex(m => (string?)m.ParentHeader["msg_id"] == parentId);
            if (index >= 0)
            {
                var found = _unclaimed[index];
                _unclaimed.RemoveAt(index);
                return found;
            }

            var deadline = DateTime.UtcNow + timeout;
            while (DateTime.UtcNow < deadline && _published.TryTake(out var next, deadline - DateTime.UtcNow))
            {
                if ((string?)next.ParentHeader["msg_id"] == parentId)
                {
                    return next;
                }

                _unclaimed.Add(next);
            }

            return null;
        }
    }

    private void Listen()
    {
        while (!_stop.IsCancellationRequested)
        {
            NetMQMessage? frames = null;
            if (_iopub.TryReceiveMultipartMessage(TimeSpan.FromMilliseconds(100), ref frames))
            {
                _published.Add(_codec.Decode(frames!));
            }
        }
    }

    private NetMQSocket Socket(Channel channel) => channel switch
    {
        Channel.Shell => _shell,
        Channel.Control => _control,
        _ => throw new ArgumentOutOfRangeException(nameof(channel)),
    };
}
