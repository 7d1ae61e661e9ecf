using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>The Hangul the published pages' embedded font ("Backprop Hangul", shipped inside Backprop.Notebooks) can draw.</summary>
public static class KoreanFont
{
    public const string Resource = "fonts/NotoSansCJKkr-Hangul-Regular.woff2";

    private static readonly Lazy<IReadOnlySet<int>> Font = new(() =>
    {
        using var stream = typeof(HtmlPublisher).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"{Resource} is not embedded in Backprop.Notebooks");
        using var bytes = new MemoryStream();
        stream.CopyTo(bytes);
        return FontCharacters.Read(bytes.ToArray());
    });

    public static IReadOnlySet<int> Characters => Font.Value;

    /// <summary>Every Hangul character of <paramref name="text"/> (syllables, jamo) the font lacks, once each, in order.</summary>
    public static string Missing(string text) =>
        string.Concat(text.Where(IsHangul).Distinct().Where(c => !Characters.Contains(c)));

    private static bool IsHangul(char c) => c is >= '\uAC00' and <= '\uD7A3' or >= '\u1100' and <= '\u11FF' or >= '\u3131' and <= '\u318E';
}
