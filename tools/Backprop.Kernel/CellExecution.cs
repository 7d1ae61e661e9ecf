using System;
using System.Linq;
using System.Text.Json.Nodes;
using System.Threading;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>execute_request end to end: execution counts, iopub outputs, the reply, interrupts and aborts.</summary>
internal sealed class CellExecution
{
    private readonly ICellExecutor _executor;
    private readonly KernelServer _server;
    private readonly Lock _gate = new();
    private CancellationTokenSource? _running;
    private int _executionCount;

    public CellExecution(ICellExecutor executor, KernelServer server)
    {
        _executor = executor;
        _server = server;
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

    /// <summary>Runs one execute_request; false when it failed and stop_on_error asks to abort what is queued.</summary>
    public bool Execute(JupyterMessage request, Channel channel)
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
            _server.Reply(request, channel, new JsonObject
            {
                ["status"] = "error",
                ["execution_count"] = count,
                ["ename"] = error.Name,
                ["evalue"] = error.Value,
                ["traceback"] = traceback.DeepClone(),
            });
            return !stopOnError;
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

        _server.Reply(request, channel, new JsonObject
        {
            ["status"] = "ok",
            ["execution_count"] = count,
            ["user_expressions"] = new JsonObject(),
            ["payload"] = new JsonArray(),
        });
        return true;
    }

    /// <summary>Like ipykernel: cells queued behind a failed one are not run (they likely depend on it).</summary>
    public void AbortQueued(Action<JupyterMessage> handleOther)
    {
        foreach (var queued in _server.TakeQueued())
        {
            if (queued.MessageType != "execute_request")
            {
                handleOther(queued);
                continue;
            }

            _server.Publish("status", new JsonObject { ["execution_state"] = "busy" }, queued);
            _server.Reply(queued, Channel.Shell, new JsonObject { ["status"] = "aborted", ["execution_count"] = _executionCount });
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
}
