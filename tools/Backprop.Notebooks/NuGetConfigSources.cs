using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Xml;
using System.Xml.Linq;

namespace Backprop.Notebooks;

/// <summary>
/// The package sources a NuGet.Config in the notebook's folder, or above it, adds: what `dotnet restore` and Verso
/// read from there. Our restore runs in a cache folder, outside that chain, so the session passes them on itself.
/// </summary>
public static class NuGetConfigSources
{
    private static readonly string[] FileNames = ["NuGet.Config", "NuGet.config", "nuget.config"];

    /// <summary>
    /// Every &lt;packageSources&gt;&lt;add value="..."&gt; from the NuGet.Config files in <paramref name="folder"/> and
    /// its parents, nearest first; a relative folder is taken from the file's own folder, as NuGet does.
    /// </summary>
    public static IReadOnlyList<string> Find(string folder)
    {
        var sources = new List<string>();
        for (var dir = new DirectoryInfo(folder); dir is not null; dir = dir.Parent)
        {
            var config = FileNames.Select(n => Path.Combine(dir.FullName, n)).FirstOrDefault(File.Exists);
            if (config is not null)
            {
                sources.AddRange(Read(config).Except(sources));
            }
        }

        return sources;
    }

    /// <summary>
    /// Writes a NuGet.Config into <paramref name="toFolder"/> naming the sources that <paramref name="fromFolder"/> sees, so
    /// a notebook copied there (a student edition, a graded copy) still finds the course's package. Folders are written
    /// relative to <paramref name="toFolder"/> when <paramref name="relative"/>, else absolute. Nothing is written when
    /// <paramref name="fromFolder"/> sees no source.
    /// </summary>
    public static void WriteFor(string fromFolder, string toFolder, bool relative)
    {
        var sources = Find(fromFolder);
        if (sources.Count == 0)
        {
            return;
        }

        Directory.CreateDirectory(toFolder);
        var target = Path.GetFullPath(toFolder);
        var config = new XElement("configuration", new XElement("packageSources", sources.Select((source, i) =>
            new XElement("add",
                new XAttribute("key", $"course-{i + 1}"),
                new XAttribute("value", relative && Path.IsPathRooted(source) ? Path.GetRelativePath(target, source).Replace('\\', '/') : source)))));
        var path = Path.Combine(target, "NuGet.Config");
        var temporary = path + ".tmp";
        new XDocument(new XDeclaration("1.0", "utf-8", null), config).Save(temporary);
        File.Move(temporary, path, overwrite: true);
    }

    /// <summary>A source as restore needs it: URLs as they are, a relative folder made absolute from <paramref name="baseFolder"/>.</summary>
    public static string Absolute(string source, string baseFolder) =>
        Uri.TryCreate(source, UriKind.Absolute, out var uri) && !uri.IsFile
            ? source
            : Path.GetFullPath(Path.Combine(baseFolder, source));

    private static IEnumerable<string> Read(string config)
    {
        XDocument document;
        try
        {
            document = XDocument.Load(config);
        }
        catch (XmlException e)
        {
            throw new NuGetRestoreException($"{config} is not valid XML: {e.Message}");
        }

        var baseFolder = Path.GetDirectoryName(config)!;
        return document.Root?.Element("packageSources")?.Elements("add")
            .Select(add => (string?)add.Attribute("value"))
            .OfType<string>()
            .Where(value => value.Length > 0)
            .Select(value => Absolute(value, baseFolder))
            .ToList() ?? [];
    }
}
