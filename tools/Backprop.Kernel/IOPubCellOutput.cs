using System.Text.Json.Nodes;
using Backprop.Kernel.Execution;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel;

/// <summary>Publishes a running cell's outputs on iopub as they happen, parented to its execute_request.</summary>
internal sealed class IOPubCellOutput : ICellOutput
{
    private readonly KernelServer _server;
    private readonly JupyterMessage _request;

    public IOPubCellOutput(KernelServer server, JupyterMessage request)
    {
        _server = server;
        _request = request;
    }

    public void Stream(string name, string text)
    {
        if (text.Length > 0)
        {
            _server.Publish("stream", new JsonObject { ["name"] = name, ["text"] = text }, _request);
        }
    }

    public void Display(MimeBundle bundle) => Publish("display_data", bundle);

    public void UpdateDisplay(MimeBundle bundle) => Publish("update_display_data", bundle);

    private void Publish(string messageType, MimeBundle bundle)
    {
        var content = new JsonObject { ["data"] = bundle.Data.DeepClone(), ["metadata"] = bundle.Metadata.DeepClone() };
        if (bundle.DisplayId is { } id)
        {
            content["transient"] = new JsonObject { ["display_id"] = id };
        }

        _server.Publish(messageType, content, _request);
    }
}
