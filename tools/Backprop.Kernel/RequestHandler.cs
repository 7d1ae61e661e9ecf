using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>Answers each request type of the messaging protocol, with busy/idle status around every one.</summary>
internal sealed class RequestHandler
{
    private readonly ICellExecutor _executor;
    private readonly KernelServer _server;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private int _executionCount;
    private bool _abortQueued;

    public RequestHandler(ICellExecutor executor, KernelServer server)
    {
        _executor = executor;
        _server = server;
    }

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
                    Execute(request, channel);
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
                AbortQueued();
            }
        }
    }

    /// <summary>Cancels the running cell, if any (called from the control thread).</summary>
    public void Interrupt()
    {
        lock (_gate)
        {
            // Callbacks run on the thread pool, never on the socket thread that must keep answering.
            _ = _running?.CancelAsync();
        }
    }

    private void Reply(JupyterMessage request, Channel channel, JsonObject content) =>
        _server.Send(channel, request.Reply(content, _server.Session));

    private void Execute(JupyterMessage request, Channel channel)
    {
        var content = request.Content;
        var code = (string?)content["code"] ?? "";
        var silent = content["silent"]?.GetValue<bool>() ?? false;
        var storeHistory = !silent && (content["store_history"]?.GetValue<bool>() ?? true);
        var stopOnError = content["stop_on_error"]?.GetValue<bool>() ?? true;
        if (storeHistory)
        {
            _executionCount++;
        }

        var count = _executionCount;
        if (!silent)
        {
            _server.Publish("execute_input", new JsonObject { ["code"] = code, ["execution_count"] = count }, request);
        }

        var outcome = Run(code, new IOPubCellOutput(_server, request));
        if (outcome.Error is { } error)
        {
            var traceback = new JsonArray(error.Traceback.Select(line => (JsonNode?)line).ToArray());
            _server.Publish("error", new JsonObject { ["ename"] = error.Name, ["evalue"] = error.Value, ["traceback"] = traceback }, request);
            Reply(request, channel, new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = count,
                ["ename"] = error.Name,
                ["evalue"] = error.Value,
                ["traceback"] = traceback.DeepClone(),
            });
            _abortQueued = stopOnError && channel == Channel.Shell;
            return;
        }

        if (outcome.Result is { } result && !silent)
        {
            _server.Publish("execute_result", new JsonObject
            {
                ["execution_count"] = count,
                ["data"] = result.Data.DeepClone(),
                ["metadata"] = result.Metadata.DeepClone(),
            }, request);
        }

        Reply(request, channel, new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        });
    }

    /// <summary>Like ipykernel: cells queued behind a failed one are not run (they likely depend on it).</summary>
    private void AbortQueued()
    {
        foreach (var queued in _server.TakeQueued())
        {
            if (queued.MessageType != "execute_request")
            {
                Handle(queued, Channel.Shell);
                continue;
            }

            _server.Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            Reply(queued, Channel.Shell, new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
            _server.Publish("status", new JsonObject { ["execution_state"] = "idle" }, queued);
        }
    }

    private CellOutcome Run(string code, ICellOutput output)
    {
        using var cancellation = new CancellationTokenSource();
        lock (_gate)
        {
            _running = cancellation;
        }

        try
        {
            return _executor.ExecuteAsync(code, output, cancellation.Token).GetAwaiter().GetResult();
        }
        catch (OperationCanceledException) when (cancellation.IsCancellationRequested)
        {
            return CellOutcome.Failed(CellError.Interrupted);
        }
        catch (Exception e)
        {
            return CellOutcome.Failed(new CellError(e.GetType().Name, e.Message, e.ToString().Split('\n')));
        }
        finally
        {
            lock (_gate)
            {
                _running = null;
            }
        }
    }

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
