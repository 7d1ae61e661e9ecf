using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Threading.Tasks;

[assembly: CollectionBehavior(DisableTestParallelization = true)]

namespace Backprop.Notebooks.Tests;

/// <summary>Shared helpers: fixture paths, scratch folders, nbformat validation, running the CLI as a process.</summary>
internal static class TestSupport
{
    public static string Fixtures => Path.Combine(AppContext.BaseDirectory, "Fixtures");

    public static string RepoRoot
    {
        get
        {
            var dir = new DirectoryInfo(AppContext.BaseDirectory);
            while (dir is not null && !File.Exists(Path.Combine(dir.FullName, "Backprop.slnx")))
            {
                dir = dir.Parent;
            }

            return dir?.FullName ?? throw new InvalidOperationException("Backprop.slnx not found above the test binaries.");
        }
    }

    /// <summary>An empty local package source: restores find cached packages and never touch the network.</summary>
    public static IReadOnlyList<string> OfflineSources
    {
        get
        {
            var dir = Path.Combine(Path.GetTempPath(), "backprop-notebooks-tests-empty-source");
            Directory.CreateDirectory(dir);
            return [dir];
        }
    }

    public static string NewScratch()
    {
        var dir = Path.Combine(Path.GetTempPath(), "backprop-notebooks-tests", Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(dir);
        return dir;
    }

    /// <summary>Copies a fixture into a scratch folder so the test can check the source is left alone.</summary>
    public static string CopyFixture(string name, string scratch)
    {
        var target = Path.Combine(scratch, Path.GetFileName(name));
        File.Copy(Path.Combine(Fixtures, name), target);
        return target;
    }

    public static string WriteNotebook(string scratch, string name, string text)
    {
        var path = Path.Combine(scratch, name);
        File.WriteAllText(path, text);
        return path;
    }

    /// <summary>Validates an .ipynb against the nbformat 4.5 JSON schema with Debian's nbformat.</summary>
    public static void AssertValidNbformat(string path)
    {
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-nbformat", "nbformat");
        var (exit, stdout, stderr) = RunProcess("/usr/bin/python3", ["-c", "import nbformat,sys; nbformat.validate(nbformat.read(sys.argv[1], as_version=4))", path], null, TimeSpan.FromSeconds(60));
        Assert.True(exit == 0, $"{path} is not valid nbformat 4.5 (python3-nbformat is installed by .ci/run):\n{stdout}{stderr}");
    }

    public static string RunnerDll => Path.Combine(AppContext.BaseDirectory, "backprop-run.dll");

    /// <summary>Runs backprop-run as its own process (what a user types), returning exit code and both streams.</summary>
    public static (int Exit, string Stdout, string Stderr) RunCli(string workingDirectory, params string[] args) =>
        RunProcess("dotnet", [RunnerDll, .. args], workingDirectory, TimeSpan.FromMinutes(3));

    public static (int Exit, string Stdout, string Stderr) RunProcess(string file, IEnumerable<string> args, string? workingDirectory, TimeSpan timeout)
    {
        var psi = new ProcessStartInfo(file)
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory ?? Environment.CurrentDirectory,
        };
        foreach (var a in args)
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(timeout))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"{file} {string.Join(' ', args)} did not finish in {timeout}.");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    public static async Task<(CellResult Result, IReadOnlyList<CellOutput> Outputs)> Run(ScriptSession session, string code, CellLocation? location = null)
    {
        var sink = new CollectingSink();
        var result = await session.ExecuteAsync(code, sink, location ?? new CellLocation(), default);
        return (result, sink.Outputs);
    }

    public static string PlainText(this CellOutput output) => output.Data.TryGetValue("text/plain", out var t) ? t : string.Empty;

    public static string Html(this CellOutput output) => output.Data.TryGetValue("text/html", out var t) ? t : string.Empty;

    public static string Describe(IEnumerable<CellOutput> outputs) =>
        string.Join("\n", outputs.Select(o => $"{o.Kind}: {o.Text}{o.PlainText()}{o.ErrorText}"));
}
