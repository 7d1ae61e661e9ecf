using System;
using System.Diagnostics;
using System.IO;
using System.Text.RegularExpressions;
using Xunit;

namespace Backprop.Tests;

/// <summary>Opens a published page in headless Chromium with the network blocked and returns the DOM after scripts ran.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    /// <param name="page">The page's file.</param>
    /// <param name="width">The window's width in px, or Chromium's default.</param>
    /// <param name="scriptMilliseconds">How much virtual time the page's scripts get.</param>
    public static string DumpDom(string page, int? width = null, int scriptMilliseconds = 5000)
    {
        SystemPackage.RequirePath("chromium", Path);
        var folder = System.IO.Path.GetDirectoryName(page)!;
        var start = new ProcessStartInfo(Path) { RedirectStandardOutput = true, RedirectStandardError = true, WorkingDirectory = folder };
        foreach (var arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
            "--disable-background-networking", "--disable-component-update", "--disable-sync",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
            $"--user-data-dir={System.IO.Path.Combine(folder, "profile-" + Guid.NewGuid().ToString("N")[..8])}",
            $"--virtual-time-budget={scriptMilliseconds}", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
        }

        if (width is int w)
        {
            start.ArgumentList.Insert(0, $"--window-size={w},900");
        }

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync();
        var stderr = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new TimeoutException($"chromium did not finish with {page}");
        }

        Assert.True(process.ExitCode == 0, $"chromium failed ({process.ExitCode}): {stderr.Result}");
        return stdout.Result;
    }

    /// <summary>
    /// The page's HTML with <paramref name="script"/> run at the end of its body. A published page runs only scripts
    /// that carry its nonce (its Content-Security-Policy), so the added one gets it too.
    /// </summary>
    public static string WithScript(string html, string script)
    {
        string nonce = Regex.Match(html, "script-src 'nonce-([^']+)'").Groups[1].Value;
        return html.Replace("</body>", $"<script nonce=\"{nonce}\">{script}</script></body>", StringComparison.Ordinal);
    }
}
