using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// plotly.js 2.28.0, read from the resource Plotly.NET embeds (without loading Plotly.NET or FSharp.Core),
/// so published pages, executed notebooks and kernel outputs draw charts offline.
/// </summary>
public static class PlotlyScript
{
    public const string Version = "2.28.0";
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string?> Script = new(Load);
    private static readonly Lazy<string?> LoaderBlock = new(() => Text is { } text ? BuildLoader(text) : null);

    /// <summary>The minified plotly.js, or null when Plotly.NET.dll is not beside the application.</summary>
    public static string? Text => Script.Value;

    /// <summary>
    /// One script element that defines window.Plotly and tells the charts on the page (event "bp-plotly-ready");
    /// null without plotly.js. Its text is fixed, so a page built from an executed notebook can find and drop it.
    /// </summary>
    public static string? Loader => LoaderBlock.Value;

    // define/exports/module shadowed: under require.js (classic Jupyter) plotly's UMD wrapper would register an
    // anonymous AMD module instead of window.Plotly.
    private static string BuildLoader(string text) =>
        $"<script type=\"text/javascript\" data-bp-plotly=\"{Version}\">/* plotly.js {Version} (MIT), shipped with the kit for offline charts */\n"
        + "(function (define, exports, module) {\n" + text.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)
        + "\n}).call(window);\nwindow.dispatchEvent(new Event('bp-plotly-ready'));\n</script>\n";

    private static string? Load()
    {
        var dll = Path.Combine(AppContext.BaseDirectory, "Plotly.NET.dll");
        if (!File.Exists(dll))
        {
            dll = Path.Combine(Path.GetDirectoryName(typeof(PlotlyScript).Assembly.Location) ?? string.Empty, "Plotly.NET.dll");
        }

        if (!File.Exists(dll))
        {
            return null;
        }

        using var stream = File.OpenRead(dll);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        foreach (var handle in metadata.ManifestResources)
        {
            var resource = metadata.GetManifestResource(handle);
            if (metadata.GetString(resource.Name) != ResourceName)
            {
                continue;
            }

            var directory = pe.PEHeaders.CorHeader!.ResourcesDirectory;
            var block = pe.GetSectionData(directory.RelativeVirtualAddress);
            var reader = block.GetReader((int)resource.Offset, block.Length - (int)resource.Offset);
            var length = reader.ReadInt32();
            return Encoding.UTF8.GetString(reader.ReadBytes(length));
        }

        return null;
    }
}
