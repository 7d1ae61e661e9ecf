using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;

namespace Backprop.Kernel.Tests;

/// <summary>Runs Debian's Python (where jupyter_client, nbclient and nbconvert are installed), not pyenv's.</summary>
internal static class Python
{
    public const string Executable = "/usr/bin/python3";

    /// <summary>Runs a script; returns stdout, or throws with stderr when it exits non-zero or times out.</summary>
    public static string Run(string script, IEnumerable<string> args, IReadOnlyDictionary<string, string>? environment = null, int timeoutSeconds = 180)
    {
        Backprop.Tests.SystemPackage.RequirePythonModule("python3-jupyter-client", "jupyter_client");
        var file = Path.Combine(Path.GetTempPath(), $"backprop-kernel-{Guid.NewGuid():N}.py");
        File.WriteAllText(file, script);
        try
        {
            var start = new ProcessStartInfo(Executable) { RedirectStandardOutput = true, RedirectStandardError = true };
            start.ArgumentList.Add(file);
            foreach (var arg in args)
            {
                start.ArgumentList.Add(arg);
            }

            foreach (var (key, value) in environment ?? new Dictionary<string, string>())
            {
                start.Environment[key] = value;
            }

            using var process = Process.Start(start)!;
            var stdout = process.StandardOutput.ReadToEndAsync();
            var stderr = process.StandardError.ReadToEndAsync();
            if (!process.WaitForExit(TimeSpan.FromSeconds(timeoutSeconds)))
            {
                process.Kill(entireProcessTree: true);
                throw new TimeoutException($"python timed out after {timeoutSeconds}s:\n{stderr.Result}");
            }

            if (process.ExitCode != 0)
            {
                throw new InvalidOperationException($"python exited {process.ExitCode}:\n{stderr.Result}\n{stdout.Result}");
            }

            return stdout.Result;
        }
        finally
        {
            File.Delete(file);
        }
    }
}
