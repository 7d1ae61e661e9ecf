using System;
using System.Diagnostics;
using System.IO;
using System.Linq;

namespace Backprop.Exercises.Tests;

/// <summary>backprop-run as a teacher runs it: a separate process, its exit code and output.</summary>
public static class Cli
{
    public static string RepositoryRoot { get; } = FindRoot();

    public static string Lessons => Path.Combine(RepositoryRoot, "notebooks");

    public static string NewScratch()
    {
        var folder = Path.Combine(Path.GetTempPath(), "backprop-exercises-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(folder);
        return folder;
    }

    public static (int Exit, string Stdout, string Stderr) Run(string workingDirectory, params string[] args)
    {
        var psi = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = workingDirectory };
        foreach (var a in args.Prepend(Path.Combine(AppContext.BaseDirectory, "backprop-run.dll")))
        {
            psi.ArgumentList.Add(a);
        }

        using var p = Process.Start(psi)!;
        var stdout = p.StandardOutput.ReadToEndAsync();
        var stderr = p.StandardError.ReadToEndAsync();
        if (!p.WaitForExit(TimeSpan.FromMinutes(8)))
        {
            p.Kill(entireProcessTree: true);
            throw new TimeoutException($"backprop-run {string.Join(' ', args)} did not finish.");
        }

        return (p.ExitCode, stdout.Result, stderr.Result);
    }

    private static string FindRoot()
    {
        for (var dir = new DirectoryInfo(AppContext.BaseDirectory); dir is not null; dir = dir.Parent)
        {
            if (File.Exists(Path.Combine(dir.FullName, "Backprop.slnx")))
            {
                return dir.FullName;
            }
        }

        throw new DirectoryNotFoundException("no Backprop.slnx above the test folder");
    }
}
