using System;
using System.Collections.Concurrent;
using System.IO;
using System.Linq;
using System.Reflection;
using System.Runtime.Loader;

namespace Backprop.Notebooks;

/// <summary>
/// Process-wide map from assembly simple name to the file that provides it. Cells reference assemblies by image
/// (no path), so the script loader never loads its own copy; the runtime asks here and gets exactly one load per name,
/// whatever version was requested (the binding unification the script loader does not do).
/// </summary>
internal static class AssemblyRegistry
{
    private static readonly string FrameworkDirectory = Path.GetDirectoryName(typeof(object).Assembly.Location)!;
    private static readonly ConcurrentDictionary<string, string> Paths = new(StringComparer.OrdinalIgnoreCase);
    private static readonly ConcurrentDictionary<string, Assembly> Loaded = new(StringComparer.OrdinalIgnoreCase);
    private static readonly Lazy<ILookup<string, string>> Platform = new(() =>
        ((AppContext.GetData("TRUSTED_PLATFORM_ASSEMBLIES") as string) ?? string.Empty)
            .Split(Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Where(p => p.StartsWith(FrameworkDirectory, StringComparison.Ordinal))
            .ToLookup(p => Path.GetFileNameWithoutExtension(p), StringComparer.OrdinalIgnoreCase));

    private static int _hooked;

    public static void Install()
    {
        if (System.Threading.Interlocked.Exchange(ref _hooked, 1) == 1)
        {
            return;
        }

        AppDomain.CurrentDomain.AssemblyResolve += (_, args) => Resolve(new AssemblyName(args.Name));
        AssemblyLoadContext.Default.Resolving += (_, name) => Resolve(name);
    }

    /// <summary>True when the shared framework (not the host application) already provides an assembly of that simple name.</summary>
    public static bool IsPlatform(string simpleName) => Platform.Value.Contains(simpleName);

    /// <summary>Registers a file; the first file for a simple name wins. Returns the registered path.</summary>
    public static string Register(string path)
    {
        var name = AssemblyName.GetAssemblyName(path).Name ?? Path.GetFileNameWithoutExtension(path);
        return Paths.GetOrAdd(name, path);
    }

    /// <summary>Registers every DLL in a folder as a candidate dependency (a #r'd library's neighbours).</summary>
    public static void RegisterFolder(string folder)
    {
        foreach (var dll in Directory.EnumerateFiles(folder, "*.dll"))
        {
            try
            {
                Register(dll);
            }
            catch (BadImageFormatException)
            {
                // A native library beside the managed one: not ours to load.
            }
        }
    }

    public static bool TryGetPath(string simpleName, out string path) => Paths.TryGetValue(simpleName, out path!);

    private static Assembly? Resolve(AssemblyName name)
    {
        if (name.Name is null || !Paths.TryGetValue(name.Name, out var path))
        {
            return null;
        }

        return Loaded.GetOrAdd(name.Name, _ =>
            AppDomain.CurrentDomain.GetAssemblies().FirstOrDefault(a => string.Equals(a.GetName().Name, name.Name, StringComparison.OrdinalIgnoreCase) && !a.IsDynamic)
            ?? AssemblyLoadContext.Default.LoadFromAssemblyPath(path));
    }
}
