using System;
using System.IO;
using System.Linq;

namespace Backprop.Lib.Tests;

/// <summary>
/// The folders that are the book (§5.4–5.7: the layers, the functions, TwoLayerNet, the training loop) stay a small
/// library a student reads beside common/layers.py: at most 700 lines, and nothing of the fast provider in them.
/// </summary>
public sealed class BookFoldersTests
{
    private static readonly string[] BookFolders = ["Layers", "Functions", "Networks", "Training"];

    [Fact]
    public void TheBooksFolders_AddUpToAtMost700Lines_AndReferenceNothingOfTheFastPath()
    {
        string lib = Path.Combine(Path.GetFullPath(Path.Combine(DataFolder.Find()!, "..")), "lib");
        var files = BookFolders.SelectMany(f => Directory.GetFiles(Path.Combine(lib, f), "*.cs")).ToList();
        Assert.NotEmpty(files);

        int lines = files.Sum(f => File.ReadAllLines(f).Length);
        Assert.True(lines <= 700, $"lib/{{{string.Join(",", BookFolders)}}} hold {lines} lines; the book's part of the library keeps to 700.");
        var fast = files.Where(f => File.ReadAllText(f).Contains("Backprop.Fast", StringComparison.Ordinal)).ToList();
        Assert.True(fast.Count == 0, $"the book's files use the fast provider: {string.Join(", ", fast)}");
    }
}
