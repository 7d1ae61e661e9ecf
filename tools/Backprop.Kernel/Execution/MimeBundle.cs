using System.Text.Json.Nodes;

namespace Backprop.Kernel.Execution;

/// <summary>One formatted value: data keyed by MIME type (what display_data and execute_result carry).</summary>
internal sealed record MimeBundle(JsonObject Data, JsonObject Metadata, string? DisplayId = null)
{
    public static MimeBundle PlainText(string text) => new(new JsonObject { ["text/plain"] = text }, new JsonObject());
}
