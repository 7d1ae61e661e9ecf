using System;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Kernel.Protocol;
using NetMQ;
using NetMQ.Sockets;

namespace Backprop.Kernel.Tests;

/// <summary>The wire protocol over real loopback sockets, with a fake executor behind the kernel.</summary>
public sealed class KernelServerTests : IDisposable
{
    private readonly InProcessKernel _kernel = new(new FakeExecutor());

    private KernelClient Client => _kernel.Client;

    public void Dispose() => _kernel.Dispose();

    [Fact]
    public void KernelInfo_RepliesWithProtocolAndCSharpLanguage()
    {
        var (reply, published) = Client.Request(Channel.Shell, "kernel_info_request", new JsonObject());

        Assert.Equal("kernel_info_reply", reply.MessageType);
        Assert.Equal("5.3", (string?)reply.Content["protocol_version"]);
        Assert.Equal("C#", (string?)reply.Content["language_info"]!["name"]);
        Assert.Equal(".cs", (string?)reply.Content["language_info"]!["file_extension"]);
        Assert.Equal("text/x-csharp", (string?)reply.Content["language_info"]!["mimetype"]);
        Assert.Equal(new[] { "busy", "idle" }, published.Select(m => (string?)m.Content["execution_state"]));
    }

    [Fact]
    public void Execute_PublishesEveryOutputTypeInOrder()
    {
        var (reply, published) = Client.Request(Channel.Shell, "execute_request", Execute("print hi\neprint oops\ndisplay shown\nupdate changed\nresult 42"));

        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.Equal(1, (int?)reply.Content["execution_count"]);
        Assert.Equal(
            new[] { "status", "execute_input", "stream", "stream", "display_data", "update_display_data", "execute_result", "status" },
            published.Select(m => m.MessageType));
        Assert.Equal("hi\n", (string?)published[2].Content["text"]);
        Assert.Equal("stderr", (string?)published[3].Content["name"]);
        Assert.Equal("<b>shown</b>", (string?)published[4].Content["data"]!["text/html"]);
        Assert.Equal("d1", (string?)published[5].Content["transient"]!["display_id"]);
        Assert.Equal("42", (string?)published[6].Content["data"]!["text/plain"]);
        Assert.Equal(1, (int?)published[6].Content["execution_count"]);
    }

    [Fact]
    public void Execute_CountsOnlyStoredExecutions()
    {
        Client.Request(Channel.Shell, "execute_request", Execute("result 1"));
        var (hidden, hiddenPublished) = Client.Request(Channel.Shell, "execute_request", Execute("result 2", silent: true));
        var (second, _) = Client.Request(Channel.Shell, "execute_request", Execute("result 3"));

        Assert.Equal(1, (int?)hidden.Content["execution_count"]);
        Assert.DoesNotContain(hiddenPublished, m => m.MessageType is "execute_input" or "execute_result");
        Assert.Equal(2, (int?)second.Content["execution_count"]);
    }

    [Fact]
    public void Execute_Error_PublishesErrorAndErrorReply()
    {
        var (reply, published) = Client.Request(Channel.Shell, "execute_request", Execute("print before\nfail broken"));

        Assert.Equal("error", (string?)reply.Content["status"]);
        Assert.Equal("FakeError", (string?)reply.Content["ename"]);
        var error = Assert.Single(published, m => m.MessageType == "error");
        Assert.Equal("broken", (string?)error.Content["evalue"]);
        Assert.Equal("FakeError: broken", (string?)error.Content["traceback"]![0]);
    }

    [Fact]
    public void Execute_ExecutorException_BecomesErrorAndKernelGoesOn()
    {
        var (reply, _) = Client.Request(Channel.Shell, "execute_request", Execute("throw bad state"));
        var (next, _) = Client.Request(Channel.Shell, "execute_request", Execute("result fine"));

        Assert.Equal("InvalidOperationException", (string?)reply.Content["ename"]);
        Assert.Equal("bad state", (string?)reply.Content["evalue"]);
        Assert.Equal("ok", (string?)next.Content["status"]);
    }

    [Fact]
    public void Execute_Error_AbortsCellsQueuedBehindIt()
    {
        var failing = Client.Send(Channel.Shell, "execute_request", Execute("sleep 500\nfail first"));
        var queued = Client.Send(Channel.Shell, "execute_request", Execute("set should-not-run"));

        var first = Client.Receive(Channel.Shell, KernelClient.Timeout);
        var second = Client.Receive(Channel.Shell, KernelClient.Timeout);
        Client.Collect(failing.MessageId);
        Client.Collect(queued.MessageId);
        var (after, published) = Client.Request(Channel.Shell, "execute_request", Execute("get"));

        Assert.Equal("error", (string?)first.Content["status"]);
        Assert.Equal("aborted", (string?)second.Content["status"]);
        Assert.Equal(queued.MessageId, (string?)second.ParentHeader["msg_id"]);
        Assert.Equal("", (string?)published.Single(m => m.MessageType == "execute_result").Content["data"]!["text/plain"]);
        Assert.Equal("ok", (string?)after.Content["status"]);
    }

    [Fact]
    public void WronglySignedMessage_IsDroppedAndKernelStaysAlive()
    {
        var forged = new WireCodec(new MessageSigner("not-the-key"));
        var bad = new JupyterMessage { Header = JupyterMessage.NewHeader("execute_request", Client.Session, "mallory"), Content = Execute("set pwned") };
        Client.SendRaw(Channel.Shell, forged.Encode(bad));
        var unsigned = new WireCodec(new MessageSigner(""));
        Client.SendRaw(Channel.Shell, unsigned.Encode(bad));

        Assert.Null(Client.TryReceive(Channel.Shell, TimeSpan.FromMilliseconds(500)));
        var (reply, _) = Client.Request(Channel.Shell, "execute_request", Execute("get"));
        Assert.Equal("ok", (string?)reply.Content["status"]);
        Assert.Contains("signature mismatch", _kernel.Log.ToString());
        Assert.Contains("unsigned message", _kernel.Log.ToString());
    }

    [Fact]
    public void Interrupt_StopsRunningCell_AndNextCellKeepsState()
    {
        Client.Request(Channel.Shell, "execute_request", Execute("set kept"));
        var spin = Client.Send(Channel.Shell, "execute_request", Execute("spin"));
        Client.WaitFor(spin.MessageId, "execute_input");

        var (interrupt, _) = Client.Request(Channel.Control, "interrupt_request", new JsonObject());
        var reply = Client.Receive(Channel.Shell, KernelClient.Timeout);

        Assert.Equal("interrupt_reply", interrupt.MessageType);
        Assert.Equal("error", (string?)reply.Content["status"]);
        Assert.Equal("OperationCanceledException", (string?)reply.Content["ename"]);
        var (next, published) = Client.Request(Channel.Shell, "execute_request", Execute("get"));
        Assert.Equal("ok", (string?)next.Content["status"]);
        Assert.Equal("kept", (string?)published.Single(m => m.MessageType == "execute_result").Content["data"]!["text/plain"]);
    }

    [Fact]
    public void Control_AnswersWhileShellIsBusy()
    {
        var spin = Client.Send(Channel.Shell, "execute_request", Execute("spin"));
        Client.WaitFor(spin.MessageId, "execute_input");

        var (info, _) = Client.Request(Channel.Control, "kernel_info_request", new JsonObject());

        Assert.Equal("kernel_info_reply", info.MessageType);
        Client.Request(Channel.Control, "interrupt_request", new JsonObject());
        Assert.Equal("error", (string?)Client.Receive(Channel.Shell, KernelClient.Timeout).Content["status"]);
    }

    [Fact]
    public void Complete_ReportsMatchesAndCursorRange()
    {
        var (reply, _) = Client.Request(Channel.Shell, "complete_request", new JsonObject { ["code"] = "x = al", ["cursor_pos"] = 6 });

        Assert.Equal(new[] { "alpha", "alps" }, reply.Content["matches"]!.AsArray().Select(m => (string?)m));
        Assert.Equal(4, (int?)reply.Content["cursor_start"]);
        Assert.Equal(6, (int?)reply.Content["cursor_end"]);
    }

    [Fact]
    public void Inspect_ReturnsTextWhenFound()
    {
        var (found, _) = Client.Request(Channel.Shell, "inspect_request", new JsonObject { ["code"] = "alpha", ["cursor_pos"] = 2, ["detail_level"] = 0 });
        var (missing, _) = Client.Request(Channel.Shell, "inspect_request", new JsonObject { ["code"] = "zeta", ["cursor_pos"] = 2, ["detail_level"] = 0 });

        Assert.True((bool?)found.Content["found"]);
        Assert.Equal("alpha: the first letter", (string?)found.Content["data"]!["text/plain"]);
        Assert.False((bool?)missing.Content["found"]);
    }

    [Fact]
    public void IsComplete_DistinguishesCompleteIncompleteInvalid()
    {
        string Status(string code, out string? indent)
        {
            var (reply, _) = Client.Request(Channel.Shell, "is_complete_request", new JsonObject { ["code"] = code });
            indent = (string?)reply.Content["indent"];
            return (string)reply.Content["status"]!;
        }

        Assert.Equal("complete", Status("var x = 1;", out _));
        Assert.Equal("incomplete", Status("for (var i = 0; i < 3; i++)\n{", out var indent));
        Assert.Equal("    ", indent);
        Assert.Equal("invalid", Status("var x = ;", out _));
    }

    [Fact]
    public void HistoryAndCommInfo_AreEmpty()
    {
        var (history, _) = Client.Request(Channel.Shell, "history_request", new JsonObject { ["hist_access_type"] = "tail", ["n"] = 10 });
        var (comms, _) = Client.Request(Channel.Shell, "comm_info_request", new JsonObject());

        Assert.Empty(history.Content["history"]!.AsArray());
        Assert.Empty(comms.Content["comms"]!.AsObject());
    }

    [Fact]
    public void Heartbeat_EchoesBytes()
    {
        using var heartbeat = new RequestSocket();
        heartbeat.Options.Linger = TimeSpan.Zero;
        heartbeat.Connect(_kernel.Connection.Endpoint(_kernel.Connection.HeartbeatPort));
        heartbeat.SendFrame("ping-7");

        Assert.True(heartbeat.TryReceiveFrameString(KernelClient.Timeout, out var echo));
        Assert.Equal("ping-7", echo);
    }

    [Theory]
    [InlineData(Channel.Control, true)]
    [InlineData(Channel.Shell, false)]
    public async System.Threading.Tasks.Task Shutdown_RepliesThenStops(Channel channel, bool restart)
    {
        var (reply, _) = Client.Request(channel, "shutdown_request", new JsonObject { ["restart"] = restart });

        Assert.Equal("shutdown_reply", reply.MessageType);
        Assert.Equal(restart, (bool?)reply.Content["restart"]);
        Assert.Equal(restart, await _kernel.Server.Completion.WaitAsync(KernelClient.Timeout));
    }

    private static JsonObject Execute(string code, bool silent = false) => new()
    {
        ["code"] = code,
        ["silent"] = silent,
        ["store_history"] = !silent,
        ["user_expressions"] = new JsonObject(),
        ["allow_stdin"] = false,
        ["stop_on_error"] = true,
    };
}
