using System;
using System.Collections.Generic;
using System.IO;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backprop.Notebooks;
using Backprop.Tests;

namespace Backprop.Lessons.Tests;

/// <summary>
/// A lesson's published HTML page opened in headless Chromium at laptop width, offline, and checked as a reader
/// would look at it: no raw TeX, no overlapping labels in a graph, nothing wider than its column, every chart drawn.
/// </summary>
public static class PublishedPage
{
    private static readonly string Script = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "PageCheck.js"));

    /// <summary>What is wrong on the page at a window <paramref name="width"/> px wide; empty when nothing is.</summary>
    public static IReadOnlyList<string> Problems(LessonRun run, int width = 1280)
    {
        string folder = Path.Combine(Path.GetTempPath(), "bp-page-" + Guid.NewGuid().ToString("N")[..8]);
        Directory.CreateDirectory(folder);
        try
        {
            string page = Path.Combine(folder, Path.ChangeExtension(Path.GetFileName(run.ExecutedPath), ".html"));
            string html = HtmlPublisher.Render(new NotebookRunResult(run.ExecutedPath, run.Document, [], TimeSpan.Zero, null));
            File.WriteAllText(page, HeadlessChromium.WithScript(html, Script));
            string dom = HeadlessChromium.DumpDom(page, width, scriptMilliseconds: 8000);
            var found = Regex.Match(dom, "<pre id=\"bp-check\">(.*?)</pre>", RegexOptions.Singleline);
            Assert.True(found.Success, $"the page check did not run in {Path.GetFileName(page)}");
            return JsonSerializer.Deserialize<List<string>>(WebUtility.HtmlDecode(found.Groups[1].Value))!;
        }
        finally
        {
            Directory.Delete(folder, recursive: true);
        }
    }
}
