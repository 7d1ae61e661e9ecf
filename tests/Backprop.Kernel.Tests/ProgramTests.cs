using System;
using System.IO;

namespace Backprop.Kernel.Tests;

/// <summary>The command line a student types: install, uninstall, and clear errors for mistakes.</summary>
public sealed class ProgramTests : IDisposable
{
    private readonly string _kernels = Directory.CreateTempSubdirectory("backprop-cli-").FullName;

    public void Dispose() => Directory.Delete(_kernels, recursive: true);

    [Fact]
    public void InstallThenUninstall_WithPathAndName()
    {
        Assert.Equal(0, Program.Main(["install", "--path", _kernels, "--name", "lesson-kernel"]));
        Assert.True(File.Exists(Path.Combine(_kernels, "lesson-kernel", "kernel.json")));

        Assert.Equal(0, Program.Main(["uninstall", "--path", _kernels, "--name", "lesson-kernel"]));
        Assert.False(Directory.Exists(Path.Combine(_kernels, "lesson-kernel")));
    }

    [Fact]
    public void Install_WithPrefix_UsesShareJupyterKernels()
    {
        Assert.Equal(0, Program.Main(["install", "--prefix", _kernels]));

        Assert.True(File.Exists(Path.Combine(_kernels, "share", "jupyter", "kernels", "backprop-csharp", "kernel.json")));
    }

    [Theory]
    [InlineData("install", "--bogus")]
    [InlineData("install", "--name")]
    [InlineData("missing-connection-file.json", null)]
    public void Mistakes_FailWithACode(string first, string? second)
    {
        Assert.NotEqual(0, Program.Main(second is null ? [first] : [first, second]));
    }
}
