using System;
using System.IO;

namespace Backprop.Kernel.Install;

/// <summary>Where Jupyter looks for kernelspecs: the user's data dir, a prefix, or a folder given outright.</summary>
public static class KernelSpecLocation
{
    /// <summary>The user's kernels folder, as jupyter_core computes it (JUPYTER_DATA_DIR wins).</summary>
    public static string UserKernelsDirectory()
    {
        var data = Environment.GetEnvironmentVariable("JUPYTER_DATA_DIR");
        if (!string.IsNullOrEmpty(data))
        {
            return Path.Combine(data, "kernels");
        }

        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        if (OperatingSystem.IsWindows())
        {
            return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.ApplicationData), "jupyter", "kernels");
        }

        if (OperatingSystem.IsMacOS())
        {
            return Path.Combine(home, "Library", "Jupyter", "kernels");
        }

        var xdg = Environment.GetEnvironmentVariable("XDG_DATA_HOME");
        return Path.Combine(string.IsNullOrEmpty(xdg) ? Path.Combine(home, ".local", "share") : xdg, "jupyter", "kernels");
    }

    /// <summary><c>--prefix P</c> means P/share/jupyter/kernels, like <c>jupyter kernelspec install --prefix</c>.</summary>
    public static string PrefixKernelsDirectory(string prefix) =>
        Path.Combine(Path.GetFullPath(prefix), "share", "jupyter", "kernels");
}
