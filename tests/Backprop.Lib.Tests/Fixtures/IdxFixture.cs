using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;
using System.Security.Cryptography;
using Backprop;

namespace Backprop.Lib.Tests;

/// <summary>Small synthetic MNIST-format files, built in the test, with their own size and SHA-256 table.</summary>
internal static class IdxFixture
{
    public static byte[] Images(int count, int rows = 28, int columns = 28, int magic = 0x803)
    {
        var bytes = new byte[16 + count * rows * columns];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(8), rows);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(12), columns);
        for (int i = 16; i < bytes.Length; i++)
            bytes[i] = Pixel(i - 16);
        return bytes;
    }

    public static byte Pixel(int offset) => (byte)(offset * 7 % 256);

    public static byte[] Labels(int count, int magic = 0x801)
    {
        var bytes = new byte[8 + count];
        BinaryPrimitives.WriteInt32BigEndian(bytes, magic);
        BinaryPrimitives.WriteInt32BigEndian(bytes.AsSpan(4), count);
        for (int i = 0; i < count; i++)
            bytes[8 + i] = (byte)(i % 10);
        return bytes;
    }

    public static byte[] Gzip(byte[] raw)
    {
        var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal))
            gzip.Write(raw);
        return output.ToArray();
    }

    /// <summary>A complete gzip set: 30 training and 10 test images with labels 0-9 in turn.</summary>
    public static Dictionary<string, byte[]> Set(int train = 30, int test = 10, int trainLabels = -1) => new()
    {
        [MnistFile.TrainImages] = Gzip(Images(train)),
        [MnistFile.TrainLabels] = Gzip(Labels(trainLabels < 0 ? train : trainLabels)),
        [MnistFile.TestImages] = Gzip(Images(test)),
        [MnistFile.TestLabels] = Gzip(Labels(test)),
    };

    public static List<MnistFile> SumsOf(Dictionary<string, byte[]> files)
    {
        var sums = new List<MnistFile>();
        foreach (var (name, bytes) in files)
            sums.Add(new MnistFile(name, bytes.Length, Convert.ToHexStringLower(SHA256.HashData(bytes))));
        return sums;
    }

    public static void WriteTo(string folder, Dictionary<string, byte[]> files)
    {
        foreach (var (name, bytes) in files)
            File.WriteAllBytes(Path.Combine(folder, name), bytes);
    }
}
