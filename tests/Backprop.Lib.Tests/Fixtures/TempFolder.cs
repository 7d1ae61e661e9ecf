using System;
using System.IO;

namespace Backprop.Lib.Tests;

/// <summary>A fresh folder under /tmp, deleted with everything in it when the test ends.</summary>
internal sealed class TempFolder : IDisposable
{
    public TempFolder()
    {
        Path = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "backprop-tests-" + Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(Path);
    }

    public string Path { get; }

    public string File(string name) => System.IO.Path.Combine(Path, name);

    public string[] Files() => Directory.GetFiles(Path);

    public void Dispose() => Directory.Delete(Path, recursive: true);
}
