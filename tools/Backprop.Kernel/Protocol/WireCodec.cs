using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using NetMQ;

namespace Backprop.Kernel.Protocol;

/// <summary>Multipart wire format: identities, <c>&lt;IDS|MSG&gt;</c>, signature, four JSON frames, buffers.</summary>
public sealed class WireCodec
{
    public static readonly byte[] Delimiter = Encoding.ASCII.GetBytes("<IDS|MSG>");

    private readonly MessageSigner _signer;

    public WireCodec(MessageSigner signer) => _signer = signer;

    public NetMQMessage Encode(JupyterMessage message)
    {
        var header = Json(message.Header);
        var parent = Json(message.ParentHeader);
        var metadata = Json(message.Metadata);
        var content = Json(message.Content);

        var frames = new NetMQMessage();
        foreach (var identity in message.Identities)
        {
            frames.Append(identity);
        }

        frames.Append(Delimiter);
        frames.Append(_signer.Sign(header, parent, metadata, content));
        frames.Append(header);
        frames.Append(parent);
        frames.Append(metadata);
        frames.Append(content);
        foreach (var buffer in message.Buffers)
        {
            frames.Append(buffer);
        }

        return frames;
    }

    /// <summary>Parses and authenticates; throws <see cref="InvalidWireMessageException"/> for anything to drop.</summary>
    public JupyterMessage Decode(NetMQMessage frames)
    {
        var all = frames.Select(f => f.ToByteArray()).ToList();
        var delimiterAt = all.FindIndex(f => f.AsSpan().SequenceEqual(Delimiter));
        if (delimiterAt < 0)
        {
            throw new InvalidWireMessageException("no <IDS|MSG> delimiter");
        }

        if (all.Count < delimiterAt + 6)
        {
            throw new InvalidWireMessageException($"{all.Count - delimiterAt - 1} frames after the delimiter, expected at least 5");
        }

        var signature = Encoding.ASCII.GetString(all[delimiterAt + 1]);
        var header = all[delimiterAt + 2];
        var parent = all[delimiterAt + 3];
        var metadata = all[delimiterAt + 4];
        var content = all[delimiterAt + 5];
        if (!_signer.Verify(signature, header, parent, metadata, content))
        {
            throw new InvalidWireMessageException(signature.Length == 0 ? "unsigned message" : "signature mismatch");
        }

        return new JupyterMessage
        {
            Identities = all.Take(delimiterAt).ToList(),
            Header = Parse(header, "header"),
            ParentHeader = Parse(parent, "parent_header"),
            Metadata = Parse(metadata, "metadata"),
            Content = Parse(content, "content"),
            Buffers = all.Skip(delimiterAt + 6).ToList(),
        };
    }

    private static byte[] Json(JsonObject node) => Encoding.UTF8.GetBytes(node.ToJsonString());

    private static JsonObject Parse(byte[] frame, string name)
    {
        try
        {
            return JsonNode.Parse(frame) as JsonObject ?? throw new InvalidWireMessageException($"{name} is not a JSON object");
        }
        catch (JsonException e)
        {
            throw new InvalidWireMessageException($"{name} is not valid JSON: {e.Message}");
        }
    }
}
