using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Backprop.Runner;

/// <summary>
/// The folder a worker saves its progress in: per user (under $XDG_RUNTIME_DIR, else a temp folder named for the
/// user, mode 700), so users of a shared lab machine never collide; named for the runner's pid, so a later run
/// removes what a killed runner left behind.
/// </summary>
internal sealed class StateFolder : IDisposable
{
    private StateFolder(string path) => Path = path;

    public string Path { get; }

    /// <summary>Where a user's runs keep their state: $XDG_RUNTIME_DIR first, else the temp folder, named for the user.</summary>
    public static IEnumerable<string> Roots()
    {
        var runtime = Environment.GetEnvironmentVariable("XDG_RUNTIME_DIR");
        if (!string.IsNullOrEmpty(runtime) && Directory.Exists(runtime))
        {
            yield return System.IO.Path.Combine(runtime, "backprop-run");
        }

        yield return System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"backprop-run-{Environment.UserName}");
    }

    public static StateFolder Create()
    {
        var problems = new List<string>();
        foreach (var root in Roots())
        {
            try
            {
                CreatePrivate(root);
                RemoveLeftovers(root);
                var path = System.IO.Path.Combine(root, $"{Environment.ProcessId}-{Guid.NewGuid():N}");
                CreatePrivate(path);
                return new StateFolder(path);
            }
            catch (Exception e) when (e is IOException or UnauthorizedAccessException)
            {
                problems.Add($"{root}: {e.Message}");
            }
        }

        throw new UsageException($"cannot create the runner's temporary folder ({string.Join("; ", problems)}); set TMPDIR to a folder you can write.");
    }

    public void Dispose()
    {
        Delete(Path);
        try
        {
            // The user's root goes too when no other run of theirs is using it.
            var root = System.IO.Path.GetDirectoryName(Path)!;
            if (!Directory.EnumerateFileSystemEntries(root).Any())
            {
                Directory.Delete(root);
            }
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // Another run just created its folder in it.
        }
    }

    private static void Delete(string folder)
    {
        try
        {
            Directory.Delete(folder, recursive: true);
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            // The next run removes it (its pid is gone by then).
        }
    }

    private static void CreatePrivate(string path)
    {
        if (OperatingSystem.IsWindows())
        {
            Directory.CreateDirectory(path);
        }
        else
        {
            Directory.CreateDirectory(path, UnixFileMode.UserRead | UnixFileMode.UserWrite | UnixFileMode.UserExecute);
        }
    }

    // Folders of runners that no longer exist (killed with SIGKILL, a machine reset) are deleted.
    private static void RemoveLeftovers(string root)
    {
        foreach (var folder in Directory.EnumerateDirectories(root))
        {
            var name = System.IO.Path.GetFileName(folder);
            var dash = name.IndexOf('-');
            if (dash > 0 && int.TryParse(name[..dash], out var pid) && !IsRunning(pid))
            {
                Delete(folder);
            }
        }
    }

    private static bool IsRunning(int pid)
    {
        try
        {
            using var process = Process.GetProcessById(pid);
            return !process.HasExited;
        }
        catch (ArgumentException)
        {
            return false;
        }
    }
}
