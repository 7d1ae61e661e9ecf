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
    private readonly Thread _loop;
    private Exception? _failure;

    public LoopbackHttpServer(Dictionary<string, byte[]> files, int dropAfterBytes = -1)
    {
        _files = files;
        DropAfterBytes = dropAfterBytes;
        _listener.Start();
        BaseUrl = $"http://127.0.0.1:{((IPEndPoint)_listener.LocalEndpoint).Port}/mnist/";
        // Its own thread with blocking calls: tests that block thread-pool threads (the downloader is synchronous, and
        // the tests run in parallel) must not starve the server until a client's idle timeout gives up on it.
        _loop = new Thread(AcceptLoop) { IsBackground = true, Name = nameof(LoopbackHttpServer) };
        _loop.Start();
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

    private void AcceptLoop()
    {
        while (true)
        {
            TcpClient client;
            try
            {
                client = _listener.AcceptTcpClient();
            }
            catch (Exception e) when (e is SocketException or ObjectDisposedException or InvalidOperationException)
            {
                return;
            }

            using (client)
            {
                try
                {
                    Serve(client.GetStream());
                }
                catch (IOException)
                {
                    // The client hung up first (it had what it needed, or gave up): its test judges that, not the server.
                }
                catch (Exception e)
                {
                    _failure ??= e;
                }
            }
        }
    }

    private void Serve(NetworkStream stream)
    {
        var reader = new StreamReader(stream, Encoding.ASCII);
        string requestLine = reader.ReadLine() ?? "";
        while (!string.IsNullOrEmpty(reader.ReadLine()))
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
            stream.Write(Encoding.ASCII.GetBytes("HTTP/1.1 404 Not Found\r\nContent-Length: 0\r\nConnection: close\r\n\r\n"));
            return;
        }
        string head = $"HTTP/1.1 200 OK\r\nContent-Type: application/octet-stream\r\nContent-Length: {body.Length}\r\nConnection: close\r\n\r\n";
        stream.Write(Encoding.ASCII.GetBytes(head));
        int sent = DropAfterBytes >= 0 ? Math.Min(DropAfterBytes, body.Length) : body.Length;
        stream.Write(body.AsSpan(0, sent));
        stream.Flush();
    }

    public void Dispose()
    {
        _listener.Stop();
        _loop.Join(TimeSpan.FromSeconds(5));
        if (_failure is not null)
        {
            throw new InvalidOperationException("the loopback server failed", _failure);
        }
    }
}
