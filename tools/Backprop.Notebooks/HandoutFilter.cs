using System;
using System.IO;

namespace Backprop.Notebooks;

/// <summary>
/// What a handout page leaves out or rewrites: the kernel's "Installed Packages" notice (build noise, not teaching),
/// and this machine's absolute paths, shown relative to the lesson's folder as a student would type them.
/// </summary>
internal sealed class HandoutFilter
{
    private readonly string? _folder;
    private readonly string? _parent;
    private readonly string? _home;

    public HandoutFilter(string notebookPath)
    {
        _folder = Path.GetDirectoryName(Path.GetFullPath(notebookPath));
        _parent = _folder is null ? null : Path.GetDirectoryName(_folder);
        var home = Environment.GetFolderPath(Environment.SpecialFolder.UserProfile);
        _home = home.Length > 1 ? home : null;
    }

    public static bool IsBuildNoise(CellOutput output) => output.IsBuildNoise;

    /// <summary>"/home/ann/backprop/data/mnist-sample" becomes "../data/mnist-sample" for a lesson in /home/ann/backprop/notebooks.</summary>
    public string Relative(string text)
    {
        if (_folder is not null && _folder.Length > 1)
        {
            text = text.Replace(_folder + Path.DirectorySeparatorChar, string.Empty, StringComparison.Ordinal);
        }

        if (_parent is not null && _parent.Length > 1)
        {
            text = text.Replace(_parent + Path.DirectorySeparatorChar, ".." + Path.DirectorySeparatorChar, StringComparison.Ordinal);
        }

        return _home is null ? text : text.Replace(_home + Path.DirectorySeparatorChar, "~" + Path.DirectorySeparatorChar, StringComparison.Ordinal);
    }
}
