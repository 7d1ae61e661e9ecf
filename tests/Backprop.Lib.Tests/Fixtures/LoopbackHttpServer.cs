using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Net.Sockets;
using System.Text;
using System.Threading;
using System.Threading.Tasks;

namespace Backprop.Lib.Tests;

/// <summary>A real HTTP/1.1 server on 127.0.0.1 (any free port) serving fixture files; it can cut a file short
/// to imitate a dropped connection. Written on a TcpListener so the test controls every byte.</summary>
internal sealed class LoopbackHttpServer : IDisposable
{
    private readonly TcpListener _listener = new(IPAddress.Loopback, 0);
    private readonly Dictionary<string, byte[]> _files;
    private readonly CancellationTokenSource _stop = new();
    private readonly Task _loop;

    public LoopbackHttpServer(Dictionary<string, byte[]> files, int dropAfterBytes = -1)
    {
        _files = files;
        DropAfterBytes = dropAfterBytes;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/mnist/";
        _loop = Task.Run(AcceptLoop);
    }

    public string BaseUrl { get; }

    /// <summary>When set, every response announces the full length but the connection closes after this many bytes.</summary>
    public int DropAfterBytes { get; }

    public List<string> Requests { get; } = [];

    /// <summary>A URL on which nothing listens: the port of a listener that was just closed.</summary>
    public static string DeadUrl()
    {
        var probe = new TcpListener(IPAddress.Loopback, 0);
        probe.Start();
        int port = ((IPEndPoint)probe.LocalEndpoint).Port;
        probe.Stop();
        return $"http://127.0.0.1:{port}/mnist/";
    }

    private async Task AcceptLoop()
    {
        while (!_stop.IsCancellationRequested)
        {
            TcpClient client;
            try
            {
                client = await _listener.AcceptTcpClientAsync(_stop.Token);
            }
            catch (Exception e) when (e is OperationCanceledException or SocketException or ObjectDisposedException)
            {
                return;
            }
            using (client)
            {
                try
                {
                    await Serve(client.GetStream());
                }
                catch (IOException)
                {
                    // The client hung up first (it had what it needed, or gave up): its test judges that, not the server.
                }
            }
        }
    }

    private async Task Serve(NetworkStream stream)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        string requestLine = await reader.ReadLineAsync() ?? "";
        while (!string.IsNullOrEmpty(await reader.ReadLineAsync()))
        {
        }
        string[] request = requestLine.Split(' ');
        if (request.Length < 2)
        {
            return; // a connection closed before it asked for anything (a client that gave up waiting)
        }

        string path = request[1];
        lock (Requests)
            Requests.Add(path);
        string name = path[(path.LastIndexOf('/') + 1)..];
        if (!path.StartsWith("/mnist/", StringComparison.Ordinal) || !_files.TryGetValue(name, out byte[]? body))
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return;
        }
        string head = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        await stream.WriteAsync(Encoding.ASCII.GetBytes(head));
        int sent = DropAfterBytes >= 0 ? Math.Min(DropAfterBytes, body.Length) : body.Length;
        await stream.WriteAsync(body.AsMemory(0, sent));
        await stream.FlushAsync();
    }

    public void Dispose()
    {
        _stop.Cancel();
        _listener.Stop();
        _loop.Wait(TimeSpan.FromSeconds(5));
        _stop.Dispose();
    }
}
