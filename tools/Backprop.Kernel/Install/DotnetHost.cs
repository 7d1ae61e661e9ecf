using System;
using System.IO;

namespace Backprop.Kernel.Install;

/// <summary>Finds the absolute path of the <c>dotnet</c> host running us, for the kernelspec's argv.</summary>
public static class DotnetHost
{
    public static string Path()
    {
        // Started as `dotnet backprop-kernel.dll`: that is the host.
        var process = Environment.ProcessPath;
        if (process is not null && IsDotnet(process))
        {
            return process;
        }

        // Started through the apphost (`dotnet run`): the runtime lives in <root>/shared/Microsoft.NETCore.App/<version>/.
        var runtime = System.IO.Path.GetDirectoryName(typeof(object).Assembly.Location);
        var root = runtime is null ? null : Directory.GetParent(runtime)?.Parent?.Parent?.FullName;
        var candidate = root is null ? null : System.IO.Path.Combine(root, OperatingSystem.IsWindows() ? "dotnet.exe" : "dotnet");
        if (candidate is not null && File.Exists(candidate))
        {
            return candidate;
        }

        throw new InvalidOperationException("Cannot find the dotnet host: run the install command with `dotnet backprop-kernel.dll install`.");
    }

    private static bool IsDotnet(string path) =>
        System.IO.Path.GetFileNameWithoutExtension(path).Equals("dotnet", StringComparison.OrdinalIgnoreCase);
}
