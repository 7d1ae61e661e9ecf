using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;
using Backprop.Kernel.Install;

namespace Backprop.Kernel.Tests;

public sealed class KernelSpecInstallerTests : IDisposable
{
    private readonly string _kernels = Directory.CreateTempSubdirectory("backprop-kernels-").FullName;

    public void Dispose() => Directory.Delete(_kernels, recursive: true);

    [SkippableFact]
    public void Install_WritesArgvThatStartsTheBuiltKernelWithDotnet()
    {
        var folder = KernelSpecInstaller.Install(_kernels, "backprop-csharp", force: false);

        var spec = JsonNode.Parse(File.ReadAllText(Path.Combine(folder, "kernel.json")))!;
        var argv = spec["argv"]!.AsArray();
        Assert.Equal("dotnet", Path.GetFileNameWithoutExtension((string)argv[0]!));
        Assert.True(File.Exists((string)argv[0]!));
        Assert.True(File.Exists((string)argv[1]!));
        Assert.EndsWith("backprop-kernel.dll", (string)argv[1]!);
        Assert.Equal("{connection_file}", (string?)argv[2]);
        Assert.Equal("message", (string?)spec["interrupt_mode"]);
        Assert.Equal("C#", (string?)spec["language"]);
    }

    [SkippableFact]
    public void Install_RefusesToReplaceAnotherKernelUnlessForced()
    {
        var foreign = Directory.CreateDirectory(Path.Combine(_kernels, ".net-csharp")).FullName;
        File.WriteAllText(Path.Combine(foreign, "kernel.json"), """{"argv": ["dotnet", "interactive", "jupyter"], "display_name": ".NET (C#)"}""");

        var error = Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Install(_kernels, ".net-csharp", force: false));
        Assert.Contains(".NET (C#)", error.Message);
        Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Uninstall(_kernels, ".net-csharp", force: false));

        KernelSpecInstaller.Install(_kernels, ".net-csharp", force: true);
        Assert.Contains("backprop-kernel.dll", File.ReadAllText(Path.Combine(foreign, "kernel.json")));
    }

    [SkippableFact]
    public void Install_RejectsNamesJupyterRejects()
    {
        Assert.Throws<InvalidOperationException>(() => KernelSpecInstaller.Install(_kernels, "C# Kernel", force: false));
    }

    [SkippableFact]
    public void Uninstall_RemovesOurKernelspecOnly()
    {
        KernelSpecInstaller.Install(_kernels, "backprop-csharp", force: false);

        Assert.True(KernelSpecInstaller.Uninstall(_kernels, "backprop-csharp", force: false));
        Assert.False(Directory.Exists(Path.Combine(_kernels, "backprop-csharp")));
        Assert.False(KernelSpecInstaller.Uninstall(_kernels, "backprop-csharp", force: false));
    }

    [SkippableFact]
    public void Jupyter_FindsTheInstalledKernelspec()
    {
        var data = Directory.CreateDirectory(Path.Combine(_kernels, "data")).FullName;
        KernelSpecInstaller.Install(Path.Combine(data, "kernels"), "backprop-test", force: false);

        var listing = Python.Run(
            "import json; from jupyter_client.kernelspec import KernelSpecManager as M; print(json.dumps({k: v['spec']['display_name'] for k, v in M().get_all_specs().items()}))",
            Array.Empty<string>(),
            new Dictionary<string, string> { ["JUPYTER_DATA_DIR"] = data, ["JUPYTER_PATH"] = data });

        Assert.Equal("C# (Backprop) [backprop-test]", (string?)JsonNode.Parse(listing)!["backprop-test"]);
    }
}
