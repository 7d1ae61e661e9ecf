using System;
using System.IO;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace Backprop.Kernel.Protocol;

/// <summary>The connection file Jupyter hands a kernel: where to bind each socket and how to sign.</summary>
public sealed record ConnectionInfo
{
    [JsonPropertyName("transport")] public string Transport { get; init; } = "tcp";
    [JsonPropertyName("ip")] public string Ip { get; init; } = "127.0.0.1";
    [JsonPropertyName("shell_port")] public int ShellPort { get; init; }
    [JsonPropertyName("iopub_port")] public int IOPubPort { get; init; }
    [JsonPropertyName("stdin_port")] public int StdinPort { get; init; }
    [JsonPropertyName("control_port")] public int ControlPort { get; init; }
    [JsonPropertyName("hb_port")] public int HeartbeatPort { get; init; }
    [JsonPropertyName("key")] public string Key { get; init; } = "";
    [JsonPropertyName("signature_scheme")] public string SignatureScheme { get; init; } = "hmac-sha256";
    [JsonPropertyName("kernel_name")] public string? KernelName { get; init; }

    /// <summary>Reads and checks a connection file; the error names the file and the field that is wrong.</summary>
    public static ConnectionInfo Load(string path)
    {
        if (!File.Exists(path))
        {
            throw new FileNotFoundException($"Connection file not found: {path}", path);
        }

        ConnectionInfo? info;
        try
        {
            info = JsonSerializer.Deserialize<ConnectionInfo>(File.ReadAllText(path));
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"Connection file {path} is not valid JSON: {e.Message}", e);
        }

        if (info is null)
        {
            throw new InvalidDataException($"Connection file {path} is empty.");
        }

        info.Validate(path);
        return info;
    }

    /// <summary>The ZeroMQ endpoint for one port, e.g. <c>tcp://127.0.0.1:5555</c>.</summary>
    public string Endpoint(int port) => $"{Transport}://{Ip}:{port}";

    private void Validate(string path)
    {
        if (Transport != "tcp")
        {
            throw new InvalidDataException($"Connection file {path}: transport \"{Transport}\" is not supported (only \"tcp\").");
        }

        if (SignatureScheme != "hmac-sha256")
        {
            throw new InvalidDataException($"Connection file {path}: signature_scheme \"{SignatureScheme}\" is not supported (only \"hmac-sha256\").");
        }

        foreach (var (name, port) in new[] { ("shell_port", ShellPort), ("iopub_port", IOPubPort), ("stdin_port", StdinPort), ("control_port", ControlPort), ("hb_port", HeartbeatPort) })
        {
            if (port is <= 0 or > 65535)
            {
                throw new InvalidDataException($"Connection file {path}: {name} is {port}, expected a port in 1..65535.");
            }
        }
    }
}
