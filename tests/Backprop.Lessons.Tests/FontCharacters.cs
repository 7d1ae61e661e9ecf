using System;
using System.Buffers.Binary;
using System.Collections.Generic;
using System.IO;
using System.IO.Compression;

namespace Backprop.Lessons.Tests;

/// <summary>
/// The characters a WOFF2 font draws, read from its cmap table (WOFF2: a table directory, then every table in one
/// Brotli stream; cmap formats 4 and 12), so a test can tell which Korean syllables the pages' embedded font covers.
/// </summary>
public static class FontCharacters
{
    private const int CmapTagIndex = 0;
    private const int GlyfTagIndex = 10;
    private const int LocaTagIndex = 11;

    public static IReadOnlySet<int> Read(byte[] woff2)
    {
        if (BinaryPrimitives.ReadUInt32BigEndian(woff2) != 0x774F4632)
        {
            throw new InvalidDataException("not a WOFF2 font (no 'wOF2' signature).");
        }

        int tables = BinaryPrimitives.ReadUInt16BigEndian(woff2.AsSpan(12));
        int at = 48, cmapOffset = -1, cmapLength = 0, offset = 0;
        for (int i = 0; i < tables; i++)
        {
            int flags = woff2[at++], tag = flags & 63, transform = flags >> 6;
            if (tag == 63)
            {
                at += 4;
            }

            int length = Base128(woff2, ref at);
            bool transformed = tag is GlyfTagIndex or LocaTagIndex ? transform == 0 : transform != 0;
            if (transformed)
            {
                length = Base128(woff2, ref at);
            }

            if (tag == CmapTagIndex)
            {
                (cmapOffset, cmapLength) = (offset, length);
            }

            offset += length;
        }

        using var tablesStream = new MemoryStream();
        using (var brotli = new BrotliStream(new MemoryStream(woff2, at, woff2.Length - at), CompressionMode.Decompress))
        {
            brotli.CopyTo(tablesStream);
        }

        return cmapOffset < 0 ? throw new InvalidDataException("the font has no cmap table.") : Cmap(tablesStream.ToArray().AsSpan(cmapOffset, cmapLength));
    }

    private static HashSet<int> Cmap(ReadOnlySpan<byte> cmap)
    {
        var characters = new HashSet<int>();
        int count = U16(cmap, 2);
        for (int i = 0; i < count; i++)
        {
            var table = cmap[(int)BinaryPrimitives.ReadUInt32BigEndian(cmap[(4 + 8 * i + 4)..])..];
            switch (U16(table, 0))
            {
                case 4:
                    Format4(table, characters);
                    break;
                case 12:
                    for (int g = 0, groups = (int)BinaryPrimitives.ReadUInt32BigEndian(table[12..]); g < groups; g++)
                    {
                        var group = table[(16 + 12 * g)..];
                        for (uint c = BinaryPrimitives.ReadUInt32BigEndian(group); c <= BinaryPrimitives.ReadUInt32BigEndian(group[4..]); c++)
                        {
                            characters.Add((int)c);
                        }
                    }

                    break;
            }
        }

        return characters;
    }

    private static void Format4(ReadOnlySpan<byte> table, HashSet<int> characters)
    {
        int segments = U16(table, 6) / 2;
        int ends = 14, starts = ends + 2 * segments + 2, deltas = starts + 2 * segments, ranges = deltas + 2 * segments;
        for (int s = 0; s < segments; s++)
        {
            int start = U16(table, starts + 2 * s), end = U16(table, ends + 2 * s), delta = U16(table, deltas + 2 * s), range = U16(table, ranges + 2 * s);
            for (int c = start; c <= end && c != 0xFFFF; c++)
            {
                int glyph = range == 0 ? c : U16(table, ranges + 2 * s + range + 2 * (c - start));
                if (range != 0 && glyph == 0)
                {
                    continue;
                }

                if (((glyph + delta) & 0xFFFF) != 0)
                {
                    characters.Add(c);
                }
            }
        }
    }

    private static int U16(ReadOnlySpan<byte> data, int at) => BinaryPrimitives.ReadUInt16BigEndian(data[at..]);

    private static int Base128(byte[] data, ref int at)
    {
        int value = 0;
        for (int i = 0; i < 5; i++)
        {
            byte b = data[at++];
            value = (value << 7) | (b & 0x7F);
            if ((b & 0x80) == 0)
            {
                return value;
            }
        }

        throw new InvalidDataException("a WOFF2 UIntBase128 longer than 5 bytes.");
    }
}
