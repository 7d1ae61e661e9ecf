using System;
using System.Linq;
using System.Text.Json.Nodes;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>Answers each request type of the messaging protocol, with busy/idle status around every one.</summary>
internal sealed class RequestHandler
{
    private readonly ICellExecutor _executor;
    private readonly KernelServer _server;
    private readonly CellExecution _cells;
    private bool _abortQueued;

    public RequestHandler(ICellExecutor executor, KernelServer server)
    {
        _executor = executor;
        _server = server;
        _cells = new CellExecution(executor, server);
    }

    /// <summary>Cancels the running cell, if any (called from the control thread).</summary>
    public void Interrupt() => _cells.Interrupt();

    public void Handle(JupyterMessage request, Channel channel)
    {
        _server.Publish("status", new JsonObject { ["execution_state"] = "busy" }, request);
        bool? stopWithRestart = null;
        try
        {
            switch (request.MessageType)
            {
                case "kernel_info_request":
                    Reply(request, channel, KernelInfo.Content());
                    break;
                case "execute_request":
                    _abortQueued = !_cells.Execute(request, channel) && channel == Channel.Shell;
                    break;
                case "complete_request":
                    Complete(request, channel);
                    break;
                case "inspect_request":
                    Inspect(request, channel);
                    break;
                case "is_complete_request":
                    IsComplete(request, channel);
                    break;
                case "history_request":
                    Reply(request, channel, new JsonObject { ["status"] = "ok", ["history"] = new JsonArray() });
                    break;
                case "comm_info_request":
                    Reply(request, channel, new JsonObject { ["status"] = "ok", ["comms"] = new JsonObject() });
                    break;
                case "interrupt_request":
                    Interrupt();
                    Reply(request, channel, new JsonObject { ["status"] = "ok" });
                    break;
                case "shutdown_request":
                    var restart = request.Content["restart"]?.GetValue<bool>() ?? false;
                    Reply(request, channel, new JsonObject { ["status"] = "ok", ["restart"] = restart });
                    stopWithRestart = restart;
                    break;
                default:
                    Console.Error.WriteLine($"backprop-kernel: unsupported message type {request.MessageType} on {channel}");
                    break;
            }
        }
        finally
        {
            _server.Publish("status", new JsonObject { ["execution_state"] = "idle" }, request);
            if (stopWithRestart is { } restart)
            {
                _server.RequestStop(restart);
            }

            if (_abortQueued && channel == Channel.Shell)
            {
                _abortQueued = false;
                _cells.AbortQueued(queued => Handle(queued, Channel.Shell));
            }
        }
    }

    private void Reply(JupyterMessage request, Channel channel, JsonObject content) =>
        _server.Send(channel, request.Reply(content, _server.Session));

    private void Complete(JupyterMessage request, Channel channel)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = CodePoints.ToUtf16Index(code, request.Content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        var result = _executor.Complete(code, cursor);
        Reply(request, channel, new JsonObject
        {
            ["status"] = "ok",
            ["matches"] = new JsonArray(result.Matches.Select(m => (JsonNode?)m).ToArray()),
            ["cursor_start"] = CodePoints.FromUtf16Index(code, result.CursorStart),
            ["cursor_end"] = CodePoints.FromUtf16Index(code, result.CursorEnd),
            ["metadata"] = new JsonObject(),
        });
    }

    private void Inspect(JupyterMessage request, Channel channel)
    {
        var code = (string?)request.Content["code"] ?? "";
        var cursor = CodePoints.ToUtf16Index(code, request.Content["cursor_pos"]?.GetValue<int>() ?? code.Length);
        var detail = request.Content["detail_level"]?.GetValue<int>() ?? 0;
        var result = _executor.Inspect(code, cursor, detail);
        Reply(request, channel, new JsonObject
        {
            ["status"] = "ok",
            ["found"] = result.Found,
            ["data"] = result.Found ? new JsonObject { ["text/plain"] = result.Text } : new JsonObject(),
            ["metadata"] = new JsonObject(),
        });
    }

    private void IsComplete(JupyterMessage request, Channel channel)
    {
        var result = _executor.IsComplete((string?)request.Content["code"] ?? "");
        var content = new JsonObject { ["status"] = result.Status };
        if (result.Status == "incomplete")
        {
            content["indent"] = result.Indent;
        }

        Reply(request, channel, content);
    }
}
