using System;
using System.Security.Cryptography;
using System.Text;

namespace Backprop.Kernel.Protocol;

/// <summary>HMAC-SHA256 over header, parent_header, metadata and content, as the wire protocol asks.</summary>
public sealed class MessageSigner
{
    private readonly byte[] _key;

    public MessageSigner(string key) => _key = Encoding.UTF8.GetBytes(key);

    /// <summary>An empty key switches authentication off (the spec's rule): signatures are empty and not checked.</summary>
    public bool Enabled => _key.Length > 0;

    public string Sign(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled)
        {
            return "";
        }

        return Convert.ToHexStringLower(Compute(header, parentHeader, metadata, content));
    }

    /// <summary>Constant-time check, so a forger learns nothing from how long a rejection takes.</summary>
    public bool Verify(string signature, ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        if (!Enabled)
        {
            return true;
        }

        byte[] given;
        try
        {
            given = Convert.FromHexString(signature);
        }
        catch (FormatException)
        {
            return false;
        }

        var expected = Compute(header, parentHeader, metadata, content);
        return CryptographicOperations.FixedTimeEquals(given, expected);
    }

    private byte[] Compute(ReadOnlySpan<byte> header, ReadOnlySpan<byte> parentHeader, ReadOnlySpan<byte> metadata, ReadOnlySpan<byte> content)
    {
        using var hmac = IncrementalHash.CreateHMAC(HashAlgorithmName.SHA256, _key);
        hmac.AppendData(header);
        hmac.AppendData(parentHeader);
        hmac.AppendData(metadata);
        hmac.AppendData(content);
        return hmac.GetHashAndReset();
    }
}
