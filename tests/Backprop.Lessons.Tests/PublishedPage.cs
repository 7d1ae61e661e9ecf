using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>
/// A lesson's published HTML page opened in headless Chromium at laptop width, offline, and checked as a reader
/// would look at it: no raw TeX, no overlapping labels in a graph, nothing wider than its column, every chart drawn.
/// </summary>
public static class PublishedPage
{
    public const string Chromium = "/usr/bin/chromium";

    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PageCheck.js"));

    /// <summary>What is wrong on the page at a window <paramref name="width"/> px wide; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(LessonRun run, int width = 1280)
    {
        Assert.True(File.Exists(Chromium), $"{Chromium} is missing: .ci/run installs it (apt-get install chromium).");
        string folder = Path.Combine(Path.GetTempPath(), "bp-page-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            string page = Path.Combine(folder, Path.ChangeExtension(Path.GetFileName(run.ExecutedPath), ".html"));
            string html = HtmlPublisher.Render(new NotebookRunResult(run.ExecutedPath, run.Document, [], TimeSpan.Zero, null));
            // The page runs only scripts that carry its nonce (its Content-Security-Policy): the check gets it too.
            string nonce = Regex.Match(html, "script-src 'nonce-([^']+)'").Groups[1].Value;
            File.WriteAllText(page, html.Replace("</body>", $"<script nonce=\"{nonce}\">{Script}</script></body>", StringComparison.Ordinal));
            string dom = DumpDom(page, folder, width);
            var found = Regex.Match(dom, "<pre id=\"bp-check\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(found.Success, $"the page check did not run in {Path.GetFileName(page)}");
            return JsonSerializer.Deserialize<List<string>>(WebUtility.HtmlDecode(found.Groups[1].Value))!;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }

    private static string DumpDom(string page, string folder, int width)
    {
        var start = new ProcessStartInfo(Chromium) { RedirectStandardOutput = true, RedirectStandardError = true };
        foreach (string arg in new[]
        {
            "--headless", "--no-sandbox", "--disable-gpu", "--no-first-run", "--disable-background-networking",
            "--proxy-server=127.0.0.1:9", "--proxy-bypass-list=<-loopback>", $"--user-data-dir={Path.Combine(folder, "profile")}",
            $"--window-size={width},900", "--virtual-time-budget=8000", "--dump-dom", new Uri(page).AbsoluteUri,
        })
        {
            start.ArgumentList.Add(arg);
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
}
