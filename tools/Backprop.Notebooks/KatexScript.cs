using System;
using System.IO;
using System.Text;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>
/// KaTeX 0.16.22, embedded in this assembly, as one block for a page's head: the stylesheet with its fonts inlined
/// and the script that typesets Markdig's <c>span.math</c> / <c>div.math</c> elements, so formulas render offline.
/// </summary>
internal static partial class KatexScript
{
    public const string Version = "0.16.22";
    private static readonly Lazy<string> Block = new(Build);

    // Markdig writes \(..\) and \[..\] inside the math elements ($$..$$ within a line is a span marked "display");
    // KaTeX wants the bare TeX. A formula KaTeX cannot parse is shown as its source in red (throwOnError: false).
    private const string RenderCall = """
document.addEventListener("DOMContentLoaded", function () {
  document.querySelectorAll("span.math, div.math").forEach(function (el) {
    var display = el.tagName === "DIV" || el.classList.contains("display");
    var tex = el.textContent.trim().replace(/^\\[(\[]|\\[)\]]$/g, "");
    katex.render(tex, el, { displayMode: display, throwOnError: false });
  });
});
""";

    /// <summary>The style and script elements to put in the head of a page that contains math.</summary>
    public static string Head => Block.Value;

    private static string Build()
    {
        var css = FontUrl().Replace(Read("katex.min.css"), m => $"url(data:font/woff2;base64,{Convert.ToBase64String(ReadBytes("fonts/" + m.Groups[1].Value))}) format(\"woff2\")");
        var script = Read("katex.min.js").Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase);
        return $"<style>/* KaTeX {Version}, embedded for offline formulas */\n{css}\n</style>\n<script>\n{script}\n</script>\n<script>\n{RenderCall}\n</script>\n";
    }

    // Keeps only the woff2 source of each @font-face (every browser that runs KaTeX reads woff2).
    [GeneratedRegex("""url\(fonts/([A-Za-z0-9_-]+\.woff2)\) format\("woff2"\)(?:,url\(fonts/[^)]+\) format\("[a-z]+"\))*""")]
    private static partial Regex FontUrl();

    private static string Read(string name) => Encoding.UTF8.GetString(ReadBytes(name));

    private static byte[] ReadBytes(string name)
    {
        using var stream = typeof(KatexScript).Assembly.GetManifestResourceStream("katex/" + name)
            ?? throw new InvalidOperationException($"KaTeX resource katex/{name} is missing from {typeof(KatexScript).Assembly.GetName().Name}.");
        using var copy = new MemoryStream();
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
