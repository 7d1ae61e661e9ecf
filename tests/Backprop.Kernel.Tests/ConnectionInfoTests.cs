using System;
using System.IO;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel.Tests;

public sealed class ConnectionInfoTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("backprop-conn-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public void Load_ReadsJupyterConnectionFile()
    {
        var info = Load("""{"shell_port": 5001, "iopub_port": 5002, "stdin_port": 5003, "control_port": 5004, "hb_port": 5005, "ip": "127.0.0.1", "key": "k", "transport": "tcp", "signature_scheme": "hmac-sha256", "kernel_name": "x"}""");

        Assert.Equal(5004, info.ControlPort);
        Assert.Equal("tcp://127.0.0.1:5005", info.Endpoint(info.HeartbeatPort));
        Assert.Equal("k", info.Key);
    }

    [Theory]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 0}""", "hb_port")]
    [InlineData("""{"shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5, "signature_scheme": "hmac-md5"}""", "hmac-md5")]
    [InlineData("""{"transport": "ipc", "shell_port": 1, "iopub_port": 2, "stdin_port": 3, "control_port": 4, "hb_port": 5}""", "ipc")]
    [InlineData("{ not json", "not valid JSON")]
    public void Load_NamesTheFileAndWhatIsWrong(string json, string expected)
    {
        var error = Assert.Throws<InvalidDataException>(() => Load(json));

        Assert.Contains(expected, error.Message);
        Assert.Contains("connection.json", error.Message);
    }

    private ConnectionInfo Load(string json)
    {
        var path = Path.Combine(_directory, "connection.json");
        File.WriteAllText(path, json);
        return ConnectionInfo.Load(path);
    }
}
