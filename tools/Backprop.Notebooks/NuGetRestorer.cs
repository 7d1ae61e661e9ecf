using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Threading;
using System.Threading.Tasks;

namespace Backprop.Notebooks;

/// <summary>
/// Restores #r "nuget: ..." packages through a generated net10.0 project and `dotnet restore`, then lists the
/// runtime assemblies (transitive ones included) from project.assets.json. Results are cached per package set.
/// </summary>
public sealed class NuGetRestorer
{
    private readonly string _cacheRoot;
    private readonly IReadOnlyList<string>? _fixedSources;

    /// <param name="cacheRoot">Cache folder (default <see cref="DefaultCacheRoot"/>).</param>
    /// <param name="fixedSources">When set, the only package sources (replacing NuGet.config's), e.g. a local folder for offline tests.</param>
    public NuGetRestorer(string? cacheRoot = null, IReadOnlyList<string>? fixedSources = null)
    {
        _cacheRoot = cacheRoot ?? DefaultCacheRoot();
        _fixedSources = fixedSources;
    }

    /// <summary>~/.cache/backprop-notebooks/nuget, or $BACKPROP_NOTEBOOKS_CACHE/nuget.</summary>
    public static string DefaultCacheRoot()
    {
        var root = Environment.GetEnvironmentVariable("BACKPROP_NOTEBOOKS_CACHE");
        if (string.IsNullOrEmpty(root))
        {
            var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
            root = Path.Combine(string.IsNullOrEmpty(home) ? Path.GetTempPath() : home, ".cache", "backprop-notebooks");
        }

        return Path.Combine(root, "nuget");
    }

    /// <summary>Restores the packages (name, version or null for latest) and returns the runtime assembly paths.</summary>
    public async Task<IReadOnlyList<string>> RestoreAsync(
        IReadOnlyList<(string Name, string? Version)> packages,
        IReadOnlyList<string> sources,
        CancellationToken cancellationToken)
    {
        var stamps = LocalPackageStamps(packages, sources.Concat(_fixedSources ?? []));
        var key = string.Join(";", packages.Select(p => $"{p.Name.ToLowerInvariant()}/{p.Version}").Order(StringComparer.Ordinal))
            + "|" + string.Join(";", sources) + "|" + string.Join(";", _fixedSources ?? []) + "|" + stamps;
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)))[..16].ToLowerInvariant();
        var dir = Path.Combine(_cacheRoot, hash);
        var resolvedFile = Path.Combine(dir, "resolved.json");
        if (File.Exists(resolvedFile))
        {
            var cached = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(resolvedFile, cancellationToken)) ?? [];
            if (cached.All(File.Exists))
            {
                return cached;
            }
        }

        Directory.CreateDirectory(dir);

        // Two processes (test assemblies run in parallel) may restore the same set: one restores, the other waits and reuses.
        using var gate = await LockAsync(Path.Combine(dir, ".lock"), cancellationToken);
        if (File.Exists(resolvedFile))
        {
            var done = JsonSerializer.Deserialize<string[]>(await File.ReadAllTextAsync(resolvedFile, cancellationToken)) ?? [];
            if (done.All(File.Exists))
            {
                return done;
            }
        }

        var project = Path.Combine(dir, "restore.csproj");
        var packagesFolder = stamps.Length > 0 ? Path.Combine(dir, "packages") : null;
        await File.WriteAllTextAsync(project, ProjectXml(packages, sources, _fixedSources, packagesFolder), cancellationToken);
        var (exit, output) = await RunDotnetRestoreAsync(project, cancellationToken);
        if (exit != 0)
        {
            var errors = output.Split('\n')
                .Select(l => l.Trim())
                .Where(l => l.Contains("error", StringComparison.OrdinalIgnoreCase))
                .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"^.*?restore\.csproj\s*:\s*", string.Empty))
                .Select(l => System.Text.RegularExpressions.Regex.Replace(l, @"\s*\[[^\]]*restore\.csproj\]$", string.Empty))
                .Distinct()
                .ToArray();
            throw new NuGetRestoreException(errors.Length > 0 ? string.Join("\n", errors) : output.Trim());
        }

        var assemblies = ReadAssets(Path.Combine(dir, "obj", "project.assets.json"));
        var temp = resolvedFile + ".tmp";
        await File.WriteAllTextAsync(temp, JsonSerializer.Serialize(assemblies), cancellationToken);
        File.Move(temp, resolvedFile, overwrite: true);
        return assemblies;
    }

    private static async Task<FileStream> LockAsync(string path, CancellationToken cancellationToken)
    {
        while (true)
        {
            try
            {
                return new FileStream(path, FileMode.OpenOrCreate, FileAccess.ReadWrite, FileShare.None);
            }
            catch (IOException)
            {
                await Task.Delay(200, cancellationToken);
            }
        }
    }

    // A package in a local folder (a course's own library) is rebuilt under the same version, which NuGet's global
    // folder would keep serving stale: what the packages hold is part of the key, and such a set restores into its own folder.
    private static string LocalPackageStamps(IReadOnlyList<(string Name, string? Version)> packages, IEnumerable<string> sources) =>
        string.Join(";", sources.Where(Directory.Exists)
            .SelectMany(folder => Directory.EnumerateFiles(folder, "*.nupkg", SearchOption.AllDirectories))
            .Where(file => packages.Any(p => Path.GetFileName(file).StartsWith(p.Name + ".", StringComparison.OrdinalIgnoreCase)))
            .Order(StringComparer.Ordinal)
            .Select(file => $"{Path.GetFileName(file)}={ContentHash(file)}"));

    // The files a package holds, not the zip's own bytes: pack writes new entry times and a new core-properties id each time.
    private static string ContentHash(string nupkg)
    {
        using var zip = System.IO.Compression.ZipFile.OpenRead(nupkg);
        using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var entry in zip.Entries.Where(e => !e.FullName.EndsWith(".psmdcp", StringComparison.Ordinal)).OrderBy(e => e.FullName, StringComparer.Ordinal))
        {
            hash.AppendData(Encoding.UTF8.GetBytes(entry.FullName));
            using var stream = entry.Open();
            var buffer = new byte[81920];
            for (int read; (read = stream.Read(buffer)) > 0;)
            {
                hash.AppendData(buffer, 0, read);
            }
        }

        return Convert.ToHexString(hash.GetHashAndReset())[..16];
    }

    private static string ProjectXml(IReadOnlyList<(string Name, string? Version)> packages, IReadOnlyList<string> sources, IReadOnlyList<string>? fixedSources, string? packagesFolder)
    {
        static string Esc(string s) => System.Security.SecurityElement.Escape(s) ?? s;
        var sb = new StringBuilder();
        sb.AppendLine("<Project Sdk=\"Microsoft.NET.Sdk\">");
        sb.AppendLine("  <PropertyGroup>");
        sb.AppendLine("    <TargetFramework>net10.0</TargetFramework>");
        sb.AppendLine("    <NoWarn>$(NoWarn);NU1603;NU1701;NU1900;NU1901;NU1902;NU1903;NU1904</NoWarn>");
        sb.AppendLine("    <NuGetAudit>false</NuGetAudit>");
        if (packagesFolder is not null)
        {
            sb.AppendLine($"    <RestorePackagesPath>{Esc(packagesFolder)}</RestorePackagesPath>");
        }
        if (fixedSources is not null)
        {
            sb.AppendLine($"    <RestoreSources>{Esc(string.Join(";", fixedSources.Concat(sources)))}</RestoreSources>");
        }
        else if (sources.Count > 0)
        {
            sb.AppendLine($"    <RestoreAdditionalProjectSources>{Esc(string.Join(";", sources))}</RestoreAdditionalProjectSources>");
        }

        sb.AppendLine("  </PropertyGroup>");
        sb.AppendLine("  <ItemGroup>");
        foreach (var (name, version) in packages)
        {
            sb.AppendLine($"    <PackageReference Include=\"{Esc(name)}\" Version=\"{Esc(version ?? "*")}\" />");
        }

        sb.AppendLine("  </ItemGroup>");
        sb.AppendLine("</Project>");
        return sb.ToString();
    }

    private static async Task<(int Exit, string Output)> RunDotnetRestoreAsync(string project, CancellationToken cancellationToken)
    {
        var psi = new ProcessStartInfo("dotnet")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = Path.GetDirectoryName(project)!,
        };
        foreach (var a in new[] { "restore", project, "--nologo", "-v", "q" })
        {
            psi.ArgumentList.Add(a);
        }

        psi.Environment["DOTNET_CLI_TELEMETRY_OPTOUT"] = "1";
        psi.Environment["DOTNET_NOLOGO"] = "1";
        using var process = Process.Start(psi) ?? throw new NuGetRestoreException("could not start 'dotnet restore'.");
        var stdout = process.StandardOutput.ReadToEndAsync(cancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(cancellationToken);
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        return (process.ExitCode, await stdout + await stderr);
    }

    private static string[] ReadAssets(string assetsPath)
    {
        var root = JsonNode.Parse(File.ReadAllText(assetsPath))!.AsObject();
        var folders = root["packageFolders"]!.AsObject().Select(kv => kv.Key).ToArray();
        var libraries = root["libraries"]!.AsObject();
        var target = root["targets"]!.AsObject().First().Value!.AsObject();
        var result = new List<string>();
        foreach (var (id, node) in target)
        {
            if ((string?)node!["type"] != "package" || node["runtime"] is not JsonObject runtime)
            {
                continue;
            }

            var libPath = (string)libraries[id]!["path"]!;
            foreach (var (file, _) in runtime)
            {
                if (file.EndsWith("_._", StringComparison.Ordinal))
                {
                    continue;
                }

                var full = folders.Select(f => Path.Combine(f, libPath, file)).FirstOrDefault(File.Exists);
                if (full is not null)
                {
                    result.Add(full);
                }
            }
        }

        return result.ToArray();
    }
}
