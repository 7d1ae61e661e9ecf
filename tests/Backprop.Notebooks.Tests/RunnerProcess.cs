using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Linq;
using System.Text;
using System.Threading;

namespace Backprop.Notebooks.Tests;

/// <summary>
/// The real backprop-run started as a user's shell would (its own process group, default signal handling), so a
/// test can signal its pid or its group, find its worker, and be sure nothing is left running afterwards.
/// </summary>
internal sealed class RunnerProcess : IDisposable
{
    private readonly Process _process;
    private readonly StringBuilder _stderr = new();
    private readonly StringBuilder _stdout = new();
    private readonly string _marker;

    public RunnerProcess(string workingDirectory, params string[] args)
    {
        // setsid: a group of its own, as a shell job has; perl restores SIGINT's default in case the test host ignores it.
        var psi = new ProcessStartInfo("setsid")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = workingDirectory,
        };
        foreach (var a in new[] { "perl", "-e", "$SIG{INT} = 'DEFAULT'; exec @ARGV or die", "dotnet", TestSupport.RunnerDll }.Concat(args))
        {
            psi.ArgumentList.Add(a);
        }

        _marker = workingDirectory;
        _process = Process.Start(psi)!;
        _process.ErrorDataReceived += (_, e) => Append(_stderr, e.Data);
        _process.OutputDataReceived += (_, e) => Append(_stdout, e.Data);
        _process.BeginErrorReadLine();
        _process.BeginOutputReadLine();
    }

    public int Pid => _process.Id;

    public string Stderr
    {
        get
        {
            lock (_stderr)
            {
                return _stderr.ToString();
            }
        }
    }

    public string Stdout
    {
        get
        {
            lock (_stdout)
            {
                return _stdout.ToString();
            }
        }
    }

    /// <summary>Waits until stderr contains <paramref name="text"/> (the run reached a point), failing after <paramref name="seconds"/>.</summary>
    public void WaitFor(string text, double seconds = 90)
    {
        var clock = Stopwatch.StartNew();
        while (!Stderr.Contains(text, StringComparison.Ordinal))
        {
            Assert.True(clock.Elapsed.TotalSeconds < seconds && !_process.HasExited, $"'{text}' did not appear; stderr so far:\n{Stderr}");
            Thread.Sleep(100);
        }
    }

    /// <summary>Sends a signal with kill(1): to the runner's pid, or with <paramref name="group"/> to its whole process group.</summary>
    public void Signal(string signal, bool group = false) => Kill(signal, group ? $"-{Pid}" : Pid.ToString(System.Globalization.CultureInfo.InvariantCulture));

    public static void Kill(string signal, string target)
    {
        var (exit, _, stderr) = TestSupport.RunProcess("kill", [$"-{signal}", "--", target], null, TimeSpan.FromSeconds(10));
        Assert.True(exit == 0, $"kill -{signal} {target}: {stderr}");
    }

    /// <summary>The exit code, waiting at most <paramref name="seconds"/> (the runner must stop within seconds).</summary>
    public int WaitForExit(double seconds)
    {
        Assert.True(_process.WaitForExit(TimeSpan.FromSeconds(seconds)), $"the runner did not exit within {seconds} s; stderr:\n{Stderr}");
        _process.WaitForExit();
        return _process.ExitCode;
    }

    /// <summary>Pids of live processes whose command line mentions this run's folder (the runner and its worker).</summary>
    public IReadOnlyList<int> ProcessesOfTheRun()
    {
        var found = new List<int>();
        foreach (var dir in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(dir), out var pid))
            {
                continue;
            }

            try
            {
                var cmdline = File.ReadAllText(Path.Combine(dir, "cmdline")).Replace('\0', ' ');
                var state = File.ReadAllText(Path.Combine(dir, "stat"));
                if (cmdline.Contains("backprop-run", StringComparison.Ordinal) && cmdline.Contains(_marker, StringComparison.Ordinal) && !state.Contains(") Z ", StringComparison.Ordinal))
                {
                    found.Add(pid);
                }
            }
            catch (IOException)
            {
                // The process ended while we looked.
            }
        }

        return found;
    }

    /// <summary>Waits until no process of the run is left (a worker may need a moment to notice), failing after <paramref name="seconds"/>.</summary>
    public void AssertNothingLeftRunning(double seconds = 10)
    {
        var clock = Stopwatch.StartNew();
        while (ProcessesOfTheRun().Count > 0 && clock.Elapsed.TotalSeconds < seconds)
        {
            Thread.Sleep(100);
        }

        Assert.Empty(ProcessesOfTheRun());
    }

    public void Dispose()
    {
        // Never leave a stray run behind a failed test.
        foreach (var pid in ProcessesOfTheRun())
        {
            try
            {
                Process.GetProcessById(pid).Kill();
            }
            catch (Exception e) when (e is ArgumentException or InvalidOperationException)
            {
                // Already gone.
            }
        }

        _process.Dispose();
    }

    private static void Append(StringBuilder sb, string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (sb)
        {
            sb.Append(line).Append('\n');
        }
    }
}
