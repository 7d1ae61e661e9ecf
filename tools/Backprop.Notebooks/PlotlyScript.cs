using System;
using System.IO;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// plotly.js 2.28.0, read from the resource Plotly.NET embeds (without loading Plotly.NET or FSharp.Core),
/// so published pages draw charts offline.
/// </summary>
public static class PlotlyScript
{
    public const string Version = "2.28.0";
    private const string ResourceName = "Plotly.NET.plotly-2.28.0.min.js";
    private static readonly Lazy<string?> Script = new(Load);

    /// <summary>The minified plotly.js, or null when Plotly.NET.dll is not beside the application.</summary>
    public static string? Text => Script.Value;

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
