using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Backprop;

/// <summary>Strict reader of the IDX files MNIST ships in (§3.6.1), raw or gzip-compressed.</summary>
/// <remarks>Every mismatch (magic, dimensions, length) throws <see cref="InvalidDataException"/>
/// naming the file and what was expected; a file is either read whole or not at all.</remarks>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    public static IdxImages ReadImages(string path) => ReadImages(File.ReadAllBytes(path), path);

    public static byte[] ReadLabels(string path) => ReadLabels(File.ReadAllBytes(path), path);

    /// <summary>Parses the bytes of an image file already in memory; <paramref name="name"/> is used in errors.</summary>
    public static IdxImages ReadImages(byte[] file, string name)
    {
        using Stream idx = Open(file, name, ImagesMagic);
        byte[] header = ReadExactly(idx, 12, name, "the image count, rows and columns");
        int count = Dimension(header, 0, name, "image count");
        int rows = Dimension(header, 4, name, "rows");
        int columns = Dimension(header, 8, name, "columns");
        long length = (long)count * rows * columns;
        if (length > Array.MaxLength)
            throw Error(name, $"{count} images of {rows}x{columns} is more than one array can hold");
        byte[] pixels = ReadBody(idx, (int)length, name, $"{count} images of {rows}x{columns} pixels");
        return new IdxImages(count, rows, columns, pixels);
    }

    /// <summary>Parses the bytes of a label file already in memory; <paramref name="name"/> is used in errors.</summary>
    public static byte[] ReadLabels(byte[] file, string name)
    {
        using Stream idx = Open(file, name, LabelsMagic);
        byte[] header = ReadExactly(idx, 4, name, "the label count");
        int count = Dimension(header, 0, name, "label count");
        return ReadBody(idx, count, name, $"{count} labels");
    }

    // Decide by the first bytes, never by the file name: a ".gz" that is raw IDX is still read.
    // Returns the stream positioned after the magic number.
    private static Stream Open(byte[] file, string name, int magic)
    {
        if (file.Length == 0)
            throw Error(name, "the file is empty");
        var raw = new MemoryStream(file, writable: false);
        bool gzip = file.Length >= 2 && file[0] == 0x1f && file[1] == 0x8b;
        Stream idx = gzip ? new GZipStream(raw, CompressionMode.Decompress) : raw;
        byte[] head = ReadExactly(idx, 4, name, "the 4-byte magic number");
        int found = BinaryPrimitives.ReadInt32BigEndian(head);
        if (found != magic)
        {
            idx.Dispose();
            throw Error(name, $"magic number {Hex(magic)} ({Kind(magic)}) expected, found {Hex(found)}"
                + (gzip ? " after gunzip" : " (not gzip either: a gzip file starts with 1f 8b)"));
        }
        return idx;
    }

    private static byte[] ReadBody(Stream idx, int length, string name, string what)
    {
        byte[] body = ReadExactly(idx, length, name, what);
        int extra = 0;
        var sink = new byte[4096];
        for (int n; (n = Read(idx, sink, 0, sink.Length, name)) > 0;)
            extra += n;
        if (extra > 0)
            throw Error(name, $"{what} expected, but {extra} more byte(s) follow: wrong counts in the header or a different file");
        return body;
    }

    private static byte[] ReadExactly(Stream idx, int length, string name, string what)
    {
        var buffer = new byte[length];
        int total = 0;
        for (int n; total < length && (n = Read(idx, buffer, total, length - total, name)) > 0;)
            total += n;
        if (total < length)
            throw Error(name, $"{what} expected ({length} bytes), found only {total}: the file is truncated");
        return buffer;
    }

    private static int Read(Stream idx, byte[] buffer, int offset, int count, string name)
    {
        try
        {
            return idx.Read(buffer, offset, count);
        }
        catch (InvalidDataException e)
        {
            throw Error(name, $"the gzip data is damaged ({e.Message})");
        }
    }

    private static int Dimension(byte[] header, int offset, string name, string what)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(header.AsSpan(offset));
        if (value < 0 || (value == 0 && what is "rows" or "columns"))
            throw Error(name, $"{what} in the header is {value}");
        return value;
    }

    private static string Kind(int magic) => magic == ImagesMagic ? "IDX images, 3 dimensions" : "IDX labels, 1 dimension";

    private static string Hex(int value) => $"0x{value:X8}";

    private static InvalidDataException Error(string name, string message) => new($"{name}: {message}");
}
