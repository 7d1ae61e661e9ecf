using System;
using System.Buffers.Binary;
using System.IO;
using System.IO.Compression;

namespace Backprop;

/// <summary>Strict reader of the IDX files MNIST ships in (§3.6.1), raw or gzip-compressed.</summary>
/// <remarks>Every mismatch (magic, dimensions, length) throws <see cref="InvalidDataException"/>
/// naming the file and what was expected; a file is either read whole or not at all. The header's counts are
/// checked against the (decompressed) length before anything is allocated for them, so a damaged header that
/// claims millions of images fails at once instead of allocating gigabytes.</remarks>
public static class IdxReader
{
    private const int ImagesMagic = 0x00000803;
    private const int LabelsMagic = 0x00000801;

    public static IdxImages ReadImages(string path) => ReadImages(ReadFile(path), path);

    public static byte[] ReadLabels(string path) => ReadLabels(ReadFile(path), path);

    /// <summary>The bytes of <paramref name="path"/>, with errors that name it: missing, a folder, unreadable.</summary>
    public static byte[] ReadFile(string path)
    {
        if (Directory.Exists(path))
            throw Error(path, "is a folder, not an IDX file");
        try
        {
            return File.ReadAllBytes(path);
        }
        catch (UnauthorizedAccessException)
        {
            throw Error(path, "cannot be read (permission denied)");
        }
    }

    /// <summary>Parses the bytes of an image file already in memory; <paramref name="name"/> is used in errors.</summary>
    public static IdxImages ReadImages(byte[] file, string name)
    {
        var idx = Open(file, name, ImagesMagic);
        var header = Slice(idx, 4, 12, name, "the image count, rows and columns");
        int count = Dimension(header, 0, name, "image count");
        int rows = Dimension(header, 4, name, "rows");
        int columns = Dimension(header, 8, name, "columns");
        long length = (long)count * rows * columns;
        byte[] pixels = Body(idx, 16, length, name, $"{count} images of {rows}x{columns} pixels");
        return new IdxImages(count, rows, columns, pixels);
    }

    /// <summary>Parses the bytes of a label file already in memory; <paramref name="name"/> is used in errors.</summary>
    public static byte[] ReadLabels(byte[] file, string name)
    {
        var idx = Open(file, name, LabelsMagic);
        var header = Slice(idx, 4, 4, name, "the label count");
        int count = Dimension(header, 0, name, "label count");
        return Body(idx, 8, count, name, $"{count} labels");
    }

    // Decide by the first bytes, never by the file name: a ".gz" that is raw IDX is still read.
    // Returns the IDX bytes (gunzipped when needed), checked to start with the magic number.
    private static byte[] Open(byte[] file, string name, int magic)
    {
        if (file.Length == 0)
            throw Error(name, "the file is empty");
        bool gzip = file.Length >= 2 && file[0] == 0x1f && file[1] == 0x8b;
        byte[] idx = gzip ? Gunzip(file, name) : file;
        int found = BinaryPrimitives.ReadInt32BigEndian(Slice(idx, 0, 4, name, "the 4-byte magic number"));
        if (found != magic)
        {
            throw Error(name, $"magic number {Hex(magic)} ({Kind(magic)}) expected, found {Hex(found)}"
                + (gzip ? " after gunzip" : " (not gzip either: a gzip file starts with 1f 8b)"));
        }
        return idx;
    }

    // The decompressed length is what the file really holds; the header is judged against it.
    private static byte[] Gunzip(byte[] file, string name)
    {
        try
        {
            using var gzip = new GZipStream(new MemoryStream(file, writable: false), CompressionMode.Decompress);
            using var idx = new MemoryStream();
            gzip.CopyTo(idx);
            return idx.ToArray();
        }
        catch (InvalidDataException)
        {
            throw Error(name, "the gzip data is damaged (a changed byte or an interrupted copy): download or copy the file again");
        }
    }

    private static byte[] Body(byte[] idx, int offset, long length, string name, string what)
    {
        long present = idx.Length - offset;
        if (present < length)
            throw Error(name, $"{what} expected ({length} bytes), found only {present}: the file is truncated or its header is wrong");
        if (present > length)
            throw Error(name, $"{what} expected, but {present - length} more byte(s) follow: wrong counts in the header or a different file");
        return idx.AsSpan(offset).ToArray();
    }

    private static ReadOnlySpan<byte> Slice(byte[] idx, int offset, int length, string name, string what)
    {
        if (idx.Length < offset + length)
            throw Error(name, $"{what} expected ({length} bytes), found only {Math.Max(0, idx.Length - offset)}: the file is truncated");
        return idx.AsSpan(offset, length);
    }

    private static int Dimension(ReadOnlySpan<byte> header, int offset, string name, string what)
    {
        int value = BinaryPrimitives.ReadInt32BigEndian(header[offset..]);
        if (value < 0 || (value == 0 && what is "rows" or "columns"))
            throw Error(name, $"{what} in the header is {value}");
        if (value == 0)
            throw Error(name, $"the header's {what} is 0: the set is empty, so there is nothing to train or test on");
        return value;
    }

    private static string Kind(int magic) => magic == ImagesMagic ? "IDX images, 3 dimensions" : "IDX labels, 1 dimension";

    private static string Hex(int value) => $"0x{value:X8}";

    private static InvalidDataException Error(string name, string message) => new($"{name}: {message}");
}
