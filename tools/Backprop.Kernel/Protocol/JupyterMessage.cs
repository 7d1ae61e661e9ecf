using System;
using System.Collections.Generic;
using System.Globalization;
using System.Text.Json.Nodes;

namespace Backprop.Kernel.Protocol;

/// <summary>One Jupyter message: routing identities, the four JSON dictionaries and any binary buffers.</summary>
public sealed class JupyterMessage
{
    public const string ProtocolVersion = "5.3";

    public IReadOnlyList<byte[]> Identities { get; init; } = Array.Empty<byte[]>();
    public JsonObject Header { get; init; } = new();
    public JsonObject ParentHeader { get; init; } = new();
    public JsonObject Metadata { get; init; } = new();
    public JsonObject Content { get; init; } = new();
    public IReadOnlyList<byte[]> Buffers { get; init; } = Array.Empty<byte[]>();

    public string MessageType => (string?)Header["msg_type"] ?? "";
    public string MessageId => (string?)Header["msg_id"] ?? "";
    public string Session => (string?)Header["session"] ?? "";

    /// <summary>A new message answering or caused by <paramref name="parent"/> (null for none).</summary>
    public static JupyterMessage Create(string messageType, JsonObject content, JupyterMessage? parent, string session, IReadOnlyList<byte[]>? identities = null)
    {
        return new JupyterMessage
        {
            Identities = identities ?? Array.Empty<byte[]>(),
            Header = NewHeader(messageType, session, parent is null ? "kernel" : (string?)parent.Header["username"] ?? "kernel"),
            ParentHeader = parent is null ? new JsonObject() : (JsonObject)parent.Header.DeepClone(),
            Content = content,
        };
    }

    /// <summary>A reply goes back to whoever asked, on the same socket: same identities, type <c>x_reply</c> for <c>x_request</c>.</summary>
    public JupyterMessage Reply(JsonObject content, string session)
    {
        var type = MessageType.EndsWith("_request", StringComparison.Ordinal)
            ? MessageType[..^"_request".Length] + "_reply"
            : MessageType + "_reply";
        return Create(type, content, this, session, Identities);
    }

    public static JsonObject NewHeader(string messageType, string session, string username) => new()
    {
        ["msg_id"] = Guid.NewGuid().ToString("N"),
        ["session"] = session,
        ["username"] = username,
        ["date"] = DateTime.UtcNow.ToString("yyyy-MM-dd'T'HH:mm:ss.ffffff'Z'", CultureInfo.InvariantCulture),
        ["msg_type"] = messageType,
        ["version"] = ProtocolVersion,
    };
}
