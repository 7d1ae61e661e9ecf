using System;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Backprop.Kernel.Install;

/// <summary>Writes and removes the kernelspec folder that tells Jupyter how to start this kernel.</summary>
public static partial class KernelSpecInstaller
{
    public const string DefaultName = "backprop-csharp";
    public const string DisplayName = "C# (Backprop)";

    /// <summary>Installs <c>kernelsDirectory/name/kernel.json</c>; returns the folder written.</summary>
    /// <exception cref="InvalidOperationException">The name is not a valid kernel name, or another kernel owns it and <paramref name="force"/> is off.</exception>
    public static string Install(string kernelsDirectory, string name, bool force)
    {
        CheckName(name);
        var target = Path.Combine(Path.GetFullPath(kernelsDirectory), name);
        if (!force && IsForeign(target))
        {
            throw new InvalidOperationException(
                $"{target} holds another kernel ({Describe(target)}). Choose another --name, or add --force to replace it.");
        }

        var spec = new JsonObject
        {
            ["argv"] = new JsonArray(DotnetHost.Path(), KernelAssemblyPath(), "{connection_file}"),
            ["display_name"] = DisplayNameFor(name),
            ["language"] = KernelInfo.LanguageName,
            ["interrupt_mode"] = "message",
            ["metadata"] = new JsonObject { ["backprop"] = new JsonObject { ["version"] = KernelInfo.Version } },
        };

        // Write beside, then swap in, so a failure never leaves a half-written kernelspec.
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        var staging = target + ".tmp-" + Guid.NewGuid().ToString("N")[..8];
        Directory.CreateDirectory(staging);
        File.WriteAllText(Path.Combine(staging, "kernel.json"), spec.ToJsonString(new JsonSerializerOptions { WriteIndented = true }));
        if (Directory.Exists(target))
        {
            Directory.Delete(target, recursive: true);
        }

        Directory.Move(staging, target);
        return target;
    }

    /// <summary>What Jupyter front ends list: "C# (Backprop)", plus the name when it is not the default.</summary>
    public static string DisplayNameFor(string name) => name == DefaultName ? DisplayName : $"{DisplayName} [{name}]";

    /// <summary>Removes the kernelspec; returns false when there was none.</summary>
    public static bool Uninstall(string kernelsDirectory, string name, bool force)
    {
        CheckName(name);
        var target = Path.Combine(Path.GetFullPath(kernelsDirectory), name);
        if (!Directory.Exists(target))
        {
            return false;
        }

        if (!force && IsForeign(target))
        {
            throw new InvalidOperationException($"{target} holds another kernel ({Describe(target)}); add --force to remove it anyway.");
        }

        Directory.Delete(target, recursive: true);
        return true;
    }

    /// <summary>The built backprop-kernel.dll that the kernelspec starts.</summary>
    public static string KernelAssemblyPath() => Path.GetFullPath(typeof(KernelSpecInstaller).Assembly.Location);

    private static void CheckName(string name)
    {
        // jupyter_client accepts only these characters in a kernel name.
        if (!KernelName().IsMatch(name))
        {
            throw new InvalidOperationException($"Kernel name \"{name}\" is not valid: use letters a-z, digits, '.', '_' and '-' only.");
        }
    }

    private static bool IsForeign(string target)
    {
        var file = Path.Combine(target, "kernel.json");
        if (!File.Exists(file))
        {
            return Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any();
        }

        try
        {
            var argv = JsonNode.Parse(File.ReadAllText(file))?["argv"]?.AsArray();
            return argv is null || !argv.Any(a => ((string?)a ?? "").EndsWith("backprop-kernel.dll", StringComparison.Ordinal));
        }
        catch (JsonException)
        {
            return true;
        }
    }

    private static string Describe(string target)
    {
        try
        {
            var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(target, "kernel.json")));
            return $"\"{(string?)spec?["display_name"]}\"";
        }
        catch (Exception e) when (e is IOException or JsonException or UnauthorizedAccessException)
        {
            return "no readable kernel.json";
        }
    }

    [GeneratedRegex("^[a-z0-9._-]+$")]
    private static partial Regex KernelName();
}
