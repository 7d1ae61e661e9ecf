using System;
using System.Collections.Concurrent;
using System.Diagnostics;
using System.IO;
using Xunit;

namespace Backprop.Tests;

/// <summary>
/// The Debian packages some tests drive (Chromium, Jupyter's client, nbformat, Fashion-MNIST): `./test.sh` installs
/// them; where one is absent and could not be installed, the test that needs it is reported skipped with the
/// command that installs it, never passed and never a stack trace. Use it from a [SkippableFact] or [SkippableTheory].
/// </summary>
internal static class SystemPackage
{
    private static readonly ConcurrentDictionary<string, bool> Modules = new(StringComparer.Ordinal);

    /// <summary>Skips the test unless <paramref name="path"/> (a file or folder the package installs) exists.</summary>
    public static void RequirePath(string package, string path) =>
        Skip.IfNot(File.Exists(path) || Directory.Exists(path), Reason(package, path));

    /// <summary>Skips the test unless Debian's python3 can import <paramref name="module"/>.</summary>
    public static void RequirePythonModule(string package, string module) =>
        Skip.IfNot(Modules.GetOrAdd(module, CanImport), Reason(package, $"python3 module {module}"));

    private static string Reason(string package, string what) =>
        $"needs {what}, from the Debian package {package}: run ./test.sh as root or with sudo, or `sudo apt-get install {package}`";

    private static bool CanImport(string module)
    {
        if (!File.Exists("/usr/bin/python3"))
        {
            return false;
        }

        var start = new ProcessStartInfo("/usr/bin/python3") { RedirectStandardError = true, RedirectStandardOutput = true };
        start.ArgumentList.Add("-c");
        start.ArgumentList.Add($"import {module}");
        using var process = Process.Start(start)!;
        if (!process.WaitForExit(TimeSpan.FromSeconds(30)))
        {
            process.Kill();
            return false;
        }

        return process.ExitCode == 0;
    }
}
