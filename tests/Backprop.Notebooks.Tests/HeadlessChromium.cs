using System;
using System.IO;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>Opens a published page in headless Chromium with the network blocked and returns the DOM after scripts ran.</summary>
internal static class HeadlessChromium
{
    public const string Path = "/usr/bin/chromium";

    public static string DumpDom(string page)
    {
        Backprop.Tests.SystemPackage.RequirePath("chromium", Path);
        var folder = System.IO.Path.GetDirectoryName(page)!;
        var profile = System.IO.Path.Combine(folder, "profile-" + Guid.NewGuid().ToString("N")[..8]);
        var (exit, dom, stderr) = RunProcess(Path,
            [
                "--headless", "--no-sandbox", "--disable-gpu", "--disable-quic", "--no-first-run",
                "--disable-background-networking", "--disable-component-update", "--disable-sync",
                "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>",
                $"--user-data-dir={profile}", "--virtual-time-budget=5000", "--dump-dom", new Uri(page).AbsoluteUri,
            ],
            folder, TimeSpan.FromMinutes(2));
        Assert.True(exit == 0, $"chromium failed ({exit}): {stderr}");
        return dom;
    }
}
