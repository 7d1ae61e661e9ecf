using System;
using System.IO;

namespace Backprop.Notebooks;

/// <summary>
/// The Hangul subset of Noto Sans CJK KR embedded in this assembly (Assets/fonts, SIL OFL 1.1), as one @font-face
/// rule for the pages: Korean renders offline, from file://, on a machine with no Korean font.
/// </summary>
internal static class PageFonts
{
    public const string Family = "Backprop Hangul";
    private const string Resource = "fonts/NotoSansCJKkr-Hangul-Regular.woff2";
    private static readonly Lazy<string> Rule = new(Build);

    /// <summary>The @font-face rule, limited to Hangul so Latin text and code keep the reader's own fonts.</summary>
    public static string Css => Rule.Value;

    private static string Build()
    {
        using var stream = typeof(PageFonts).Assembly.GetManifestResourceStream(Resource)
            ?? throw new InvalidOperationException($"font resource {Resource} is missing from {typeof(PageFonts).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return $"@font-face {{ font-family:\"{Family}\"; font-style:normal; font-weight:400; font-display:swap; "
            + "unicode-range: U+1100-11FF, U+3000-303F, U+3131-318E, U+AC00-D7A3; "
            + $"src:url(data:font/woff2;base64,{Convert.ToBase64String(copy.ToArray())}) format(\"woff2\"); }}";
    }
}
