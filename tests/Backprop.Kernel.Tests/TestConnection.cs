using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Net.Sockets;
using System.Text.Json;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel.Tests;

/// <summary>Connection files on free loopback ports with a fresh key.</summary>
internal static class TestConnection
{
    public static ConnectionInfo Create()
    {
        var ports = FreePorts(5);
        return new ConnectionInfo
        {
            Ip = "127.0.0.1",
            ShellPort = ports[0],
            IOPubPort = ports[1],
            StdinPort = ports[2],
            ControlPort = ports[3],
            HeartbeatPort = ports[4],
            Key = Guid.NewGuid().ToString(),
        };
    }

    public static string Write(ConnectionInfo connection, string directory)
    {
        var path = Path.Combine(directory, "connection.json");
        File.WriteAllText(path, JsonSerializer.Serialize(connection));
        return path;
    }

    private static int[] FreePorts(int count)
    {
        // Hold all listeners until every port is chosen, so the same port is not handed out twice.
        var listeners = new List<TcpListener>();
        try
        {
            for (var i = 0; i < count; i++)
            {
                var listener = new TcpListener(IPAddress.Loopback, 0);
                listener.Start();
                listeners.Add(listener);
            }

            return listeners.Select(l => ((IPEndPoint)l.LocalEndpoint).Port).ToArray();
        }
        finally
        {
            listeners.ForEach(l => l.Stop());
        }
    }
}
