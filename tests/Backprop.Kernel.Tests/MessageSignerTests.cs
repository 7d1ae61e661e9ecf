using System.Text;
using Backprop.Kernel.Protocol;

namespace Backprop.Kernel.Tests;

public sealed class MessageSignerTests
{
    private static readonly byte[] Header = Encoding.UTF8.GetBytes("{\"msg_type\":\"execute_request\"}");
    private static readonly byte[] Empty = Encoding.UTF8.GetBytes("{}");
    private static readonly byte[] Content = Encoding.UTF8.GetBytes("{\"code\":\"1+1\"}");

    [Fact]
    public void Sign_IsHexHmacSha256OfTheFourFrames()
    {
        var signer = new MessageSigner("secret");

        var signature = signer.Sign(Header, Empty, Empty, Content);

        using var hmac = new System.Security.Cryptography.HMACSHA256(Encoding.UTF8.GetBytes("secret"));
        var expected = System.Convert.ToHexStringLower(hmac.ComputeHash([.. Header, .. Empty, .. Empty, .. Content]));
        Assert.Equal(expected, signature);
    }

    [Fact]
    public void Verify_RejectsTamperedContentWrongKeyAndGarbage()
    {
        var signer = new MessageSigner("secret");
        var signature = signer.Sign(Header, Empty, Empty, Content);

        Assert.True(signer.Verify(signature, Header, Empty, Empty, Content));
        Assert.False(signer.Verify(signature, Header, Empty, Empty, Encoding.UTF8.GetBytes("{\"code\":\"rm\"}")));
        Assert.False(new MessageSigner("other").Verify(signature, Header, Empty, Empty, Content));
        Assert.False(signer.Verify("", Header, Empty, Empty, Content));
        Assert.False(signer.Verify("zz-not-hex", Header, Empty, Empty, Content));
    }

    [Fact]
    public void EmptyKey_DisablesSigning()
    {
        var signer = new MessageSigner("");

        Assert.Equal("", signer.Sign(Header, Empty, Empty, Content));
        Assert.True(signer.Verify("", Header, Empty, Empty, Content));
    }
}
