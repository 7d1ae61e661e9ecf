using System;
using System.IO;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Kernel.Execution;

namespace Backprop.Kernel.Tests;

/// <summary>The kernel with the real notebook engine behind it, over loopback sockets: C# cells end to end.</summary>
public sealed class EngineKernelTests : IDisposable
{
    private readonly InProcessKernel _kernel = new(EngineExecutor.Create(TextWriter.Null));

    private KernelClient Client => _kernel.Client;

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public void Execute_CSharpCell_StreamsDisplaysAndReturnsTheLastValue()
    {
        var (reply, published) = Client.Request(Channel.Shell, "execute_request", Execute(
            "Console.WriteLine(\"forward\");\ndisplay(new[] { 1, 2 }.Sum() * 3);\nvar layers = new List<string> { \"Affine\", \"Relu\" };\nlayers.Count + 40"));

        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.Equal("forward\n", (string?)published.Single(m => m.MessageType == "stream").Content["text"]);
        Assert.Contains("9", (string?)published.Single(m => m.MessageType == "display_data").Content["data"]!["text/plain"]);
        var result = published.Single(m => m.MessageType == "execute_result");
        Assert.Equal("42", (string?)result.Content["data"]!["text/plain"]);
        Assert.Equal(1, (int?)result.Content["execution_count"]);
    }

    [Fact]
    public void DisplayUpdate_BecomesUpdateDisplayData_WithKernelWideIds()
    {
        var (_, first) = Client.Request(Channel.Shell, "execute_request", Execute("var shown = display(\"epoch 1\");\nshown.Update(\"epoch 2\");"));
        var (_, second) = Client.Request(Channel.Shell, "execute_request", Execute("display(\"other\");"));

        var shown = first.Single(m => m.MessageType == "display_data");
        var updated = first.Single(m => m.MessageType == "update_display_data");
        var id = (string?)shown.Content["transient"]!["display_id"];
        Assert.Equal(id, (string?)updated.Content["transient"]!["display_id"]);
        Assert.Contains("epoch 2", (string?)updated.Content["data"]!["text/plain"]);
        Assert.NotEqual(id, (string?)second.Single(m => m.MessageType == "display_data").Content["transient"]!["display_id"]);
    }

    [Fact]
    public void Execute_CompileError_IsAnErrorNamingTheLine()
    {
        var (reply, published) = Client.Request(Channel.Shell, "execute_request", Execute("var ok = 1;\nint y = \"text\";"));

        Assert.Equal("error", (string?)reply.Content["status"]);
        var error = published.Single(m => m.MessageType == "error");
        Assert.Equal("CompilationError", (string?)error.Content["ename"]);
        Assert.Contains("(2,", (string?)error.Content["traceback"]![0]);
        Assert.Contains("CS0029", (string?)error.Content["evalue"]);
    }

    [Fact]
    public void Interrupt_StopsAnInfiniteLoop_AndTheNextCellKeepsState()
    {
        Client.Request(Channel.Shell, "execute_request", Execute("var kept = 21;"));
        var loop = Client.Send(Channel.Shell, "execute_request", Execute("while (true) { }"));
        Client.WaitFor(loop.MessageId, "execute_input");
        System.Threading.Thread.Sleep(300);

        Client.Request(Channel.Control, "interrupt_request", new JsonObject());
        var interrupted = Client.Receive(Channel.Shell, KernelClient.Timeout);
        var (next, published) = Client.Request(Channel.Shell, "execute_request", Execute("kept * 2"));

        Assert.Equal("error", (string?)interrupted.Content["status"]);
        Assert.Equal("OperationCanceledException", (string?)interrupted.Content["ename"]);
        Assert.Equal("ok", (string?)next.Content["status"]);
        Assert.Equal("42", (string?)published.Single(m => m.MessageType == "execute_result").Content["data"]!["text/plain"]);
    }

    [Fact]
    public void Complete_OffersMembersAfterADot_AndVariablesFromEarlierCells()
    {
        Client.Request(Channel.Shell, "execute_request", Execute("var gradients = new List<double>();"));

        var (members, _) = Client.Request(Channel.Shell, "complete_request", new JsonObject { ["code"] = "gradients.Cou", ["cursor_pos"] = 13 });
        var (names, _) = Client.Request(Channel.Shell, "complete_request", new JsonObject { ["code"] = "gradi", ["cursor_pos"] = 5 });

        Assert.Contains("Count", members.Content["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(10, (int?)members.Content["cursor_start"]);
        Assert.Contains("gradients", names.Content["matches"]!.AsArray().Select(m => (string?)m));
    }

    [Fact]
    public void Inspect_NamesTheSymbolUnderTheCursor()
    {
        Client.Request(Channel.Shell, "execute_request", Execute("var learningRate = 0.1;"));

        var (reply, _) = Client.Request(Channel.Shell, "inspect_request", new JsonObject { ["code"] = "learningRate * 2", ["cursor_pos"] = 3, ["detail_level"] = 0 });

        Assert.True((bool?)reply.Content["found"]);
        Assert.StartsWith("learningRate", (string?)reply.Content["data"]!["text/plain"]);
    }

    internal static JsonObject Execute(string code) => new()
    {
        ["code"] = code,
        ["silent"] = false,
        ["store_history"] = true,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
        ["stop_on_error"] = true,
    };
}
