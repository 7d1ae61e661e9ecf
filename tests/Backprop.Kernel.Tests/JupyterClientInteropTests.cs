using System;
using System.IO;
using System.Text.Json.Nodes;

namespace Backprop.Kernel.Tests;

/// <summary>Debian's jupyter_client (a client none of us wrote) talks to the kernel: signing, dates, replies.</summary>
public sealed class JupyterClientInteropTests : IDisposable
{
    private const string Script = """
        import json, sys
        from jupyter_client import BlockingKernelClient
        c = BlockingKernelClient(connection_file=sys.argv[1])
        c.load_connection_file()
        c.start_channels()
        c.wait_for_ready(timeout=30)
        out = {}
        info = c.kernel_info(reply=True, timeout=30)
        out["language"] = info["content"]["language_info"]["name"]
        out["date_is_datetime"] = hasattr(info["header"]["date"], "isoformat")
        seen = []
        reply = c.execute_interactive("print hello\nresult 41", timeout=30, output_hook=lambda m: seen.append(m))
        out["execute_status"] = reply["content"]["status"]
        out["outputs"] = [m["header"]["msg_type"] for m in seen if m["header"]["msg_type"] != "status"]
        out["result"] = [m["content"]["data"]["text/plain"] for m in seen if m["header"]["msg_type"] == "execute_result"]
        out["complete"] = c.complete("x = al", 6, reply=True, timeout=30)["content"]["matches"]
        c.is_complete("if (true) {")
        out["is_complete"] = c.get_shell_msg(timeout=30)["content"]["status"]
        c.stop_channels()
        print(json.dumps(out))
        """;

    private readonly InProcessKernel _kernel = new(new FakeExecutor());
    private readonly string _directory = Directory.CreateTempSubdirectory("backprop-kernel-").FullName;

    public void Dispose()
    {
        _kernel.Dispose();
        Directory.Delete(_directory, recursive: true);
    }

    [SkippableFact]
    public void JupyterClient_RunsACellAndReadsEveryReply()
    {
        var connectionFile = TestConnection.Write(_kernel.Connection, _directory);

        var result = JsonNode.Parse(Python.Run(Script, new[] { connectionFile }))!;

        Assert.Equal("C#", (string?)result["language"]);
        Assert.True((bool?)result["date_is_datetime"]);
        Assert.Equal("ok", (string?)result["execute_status"]);
        Assert.Equal("[\"execute_input\",\"stream\",\"execute_result\"]", result["outputs"]!.ToJsonString());
        Assert.Equal("41", (string?)result["result"]![0]);
        Assert.Equal("[\"alpha\",\"alps\"]", result["complete"]!.ToJsonString());
        Assert.Equal("incomplete", (string?)result["is_complete"]);
    }
}
