using System.Text;

namespace Backprop.Kernel.Protocol;

/// <summary>Protocol 5.2+ counts cursor positions in Unicode code points; .NET strings count UTF-16 units.</summary>
public static class CodePoints
{
    public static int ToUtf16Index(string text, int codePoints)
    {
        var index = 0;
        for (var seen = 0; seen < codePoints && index < text.Length; seen++)
        {
            index += char.IsHighSurrogate(text[index]) && index + 1 < text.Length ? 2 : 1;
        }

        return index;
    }

    public static int FromUtf16Index(string text, int utf16Index)
    {
        var count = 0;
        foreach (var _ in text[..System.Math.Clamp(utf16Index, 0, text.Length)].EnumerateRunes())
        {
            count++;
        }

        return count;
    }
}
