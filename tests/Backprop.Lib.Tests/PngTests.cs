using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;
using System.Linq;
using System.Text;
using Backprop.Display;

namespace Backprop.Lib.Tests;

public class PngTests
{
    [Fact]
    public void Grayscale_DecodesBackToThePixels()
    {
        byte[] pixels = Enumerable.Range(0, 12).Select(i => (byte)(i * 20)).ToArray();

        byte[] png = Png.Grayscale(pixels, 4, 3);

        Assert.Equal(new byte[] { 0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A }, png[..8]);
        Assert.Equal("IHDR", Encoding.ASCII.GetString(png, 12, 4));
        Assert.Equal(4, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(16)));
        Assert.Equal(3, BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(20)));
        Assert.Equal(pixels, Decode(png, 4, 3));
    }

    [Fact]
    public void Chunks_CarryCorrectCrcs()
    {
        byte[] png = Png.Grayscale(new byte[784], 28, 28);

        // IHDR's CRC for a 28×28 8-bit grayscale image, computed independently of our table.
        int offset = 8;
        while (offset < png.Length)
        {
            int length = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(offset));
            uint stored = BinaryPrimitives.ReadUInt32BigEndian(png.AsSpan(offset + 8 + length));
            Assert.Equal(BitwiseCrc(png.AsSpan(offset + 4, length + 4)), stored);
            offset += 12 + length;
        }

        Assert.Equal(png.Length, offset);
    }

    [Fact]
    public void WrongPixelCount_IsReported()
    {
        var error = Assert.Throws<ArgumentException>(() => Png.Grayscale(new byte[10], 4, 3));
        Assert.Contains("4×3", error.Message);
    }

    private static byte[] Decode(byte[] png, int width, int height)
    {
        int idatLength = BinaryPrimitives.ReadInt32BigEndian(png.AsSpan(33));
        Assert.Equal("IDAT", Encoding.ASCII.GetString(png, 37, 4));
        using var zlib = new ZLibStream(new MemoryStream(png, 41, idatLength), CompressionMode.Decompress);
        var raw = new MemoryStream();
        zlib.CopyTo(raw);
        byte[] rows = raw.ToArray();
        Assert.Equal((width + 1) * height, rows.Length);
        return Enumerable.Range(0, height).SelectMany(y => rows.Skip(y * (width + 1) + 1).Take(width)).ToArray();
    }

    private static uint BitwiseCrc(ReadOnlySpan<byte> data)
    {
        uint crc = 0xFFFFFFFF;
        foreach (byte b in data)
        {
            crc ^= b;
            for (int k = 0; k < 8; k++)
            {
                crc = (crc & 1) != 0 ? (crc >> 1) ^ 0xEDB88320 : crc >> 1;
            }
        }

        return crc ^ 0xFFFFFFFF;
    }
}
