using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Markdig;

namespace Backprop.Notebooks;

/// <summary>
/// Self-contained HTML pages of executed notebooks: rendered markdown, highlighted code, every output, and plotly.js
/// embedded once in the head when a chart is present (figures use window.Plotly when defined, so pages work offline).
/// </summary>
public static class HtmlPublisher
{
    private static readonly MarkdownPipeline Markdown = new MarkdownPipelineBuilder().UseAdvancedExtensions().Build();

    public static void Publish(NotebookRunResult result, string path) => AtomicFile.WriteAllText(path, Render(result));

    public static string Render(NotebookRunResult result)
    {
        var title = Path.GetFileNameWithoutExtension(result.Path);
        var statusByCell = result.Cells.ToDictionary(c => c.Cell);
        var body = new StringBuilder();
        var usesPlotly = false;
        if (result.LoadError is not null)
        {
            body.Append("<div class=\"output\"><pre class=\"error\">").Append(Encode(result.LoadError)).Append("</pre></div>\n");
        }

        foreach (var cell in result.Document?.Cells ?? [])
        {
            if (cell.Kind == CellKind.Markdown)
            {
                body.Append("<div class=\"cell markdown\">").Append(Markdig.Markdown.ToHtml(cell.Source, Markdown)).Append("</div>\n");
                continue;
            }

            if (cell.Kind == CellKind.Raw)
            {
                body.Append("<div class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                continue;
            }

            var failed = statusByCell.TryGetValue(cell, out var status) && status.Status is CellRunStatus.Failed or CellRunStatus.TimedOut;
            body.Append("<div class=\"cell").Append(failed ? " failed" : string.Empty).Append("\" id=\"cell-").Append(cell.Number).Append("\">");
            body.Append("<div class=\"code\"><div class=\"prompt\">[").Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ").Append("]</div>");
            var code = KernelNames.IsCSharp(cell.Language) ? CSharpHighlighter.ToHtml(cell.Source) : Encode(cell.Source);
            body.Append("<pre class=\"source\"><code>").Append(code).Append("</code></pre></div>\n");
            if (cell.Outputs.Count > 0)
            {
                body.Append("<div class=\"outputs\">");
                foreach (var output in cell.Outputs)
                {
                    usesPlotly |= AppendOutput(body, output);
                }

                body.Append("</div>");
            }

            body.Append("</div>\n");
        }

        var summary = result.LoadError is not null
            ? "could not run"
            : $"{result.PassedCount} of {result.Cells.Count} cells passed · {result.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)} s";
        var head = usesPlotly && PlotlyScript.Text is { } plotly
            ? $"<script>/* plotly.js {PlotlyScript.Version}, embedded for offline charts */\n{plotly.Replace("</script", "<\\/script", StringComparison.OrdinalIgnoreCase)}\n</script>\n"
            : string.Empty;
        var header = $"<header class=\"page\"><h1>{Encode(title)}</h1><div class=\"meta\"><span class=\"{(result.Succeeded ? "status-ok" : "status-bad")}\">{(result.Succeeded ? "passed" : "failed")}</span> · {Encode(summary)} · <a href=\"index.html\">all notebooks</a></div></header>\n";
        return Page(title, head, header + body);
    }

    /// <summary>The index page: every notebook with status, cells, failures and time.</summary>
    public static string RenderIndex(IReadOnlyList<(NotebookRunResult Result, string HtmlFile)> notebooks)
    {
        var rows = new StringBuilder();
        foreach (var (r, file) in notebooks)
        {
            var ok = r.Succeeded;
            rows.Append("<tr><td><a href=\"").Append(Encode(file)).Append("\">").Append(Encode(Path.GetFileName(r.Path))).Append("</a></td>")
                .Append("<td class=\"").Append(ok ? "status-ok\">passed" : "status-bad\">failed").Append("</td>")
                .Append("<td class=\"num\">").Append(r.Cells.Count).Append("</td>")
                .Append("<td class=\"num\">").Append(r.PassedCount).Append("</td>")
                .Append("<td class=\"num\">").Append(r.FailedCount).Append("</td>")
                .Append("<td class=\"num\">").Append(r.Elapsed.TotalSeconds.ToString("0.0", CultureInfo.InvariantCulture)).Append("</td></tr>\n");
        }

        var passed = notebooks.Count(n => n.Result.Succeeded);
        var body = $"<header class=\"page\"><h1>Notebooks</h1><div class=\"meta\">{passed} passed, {notebooks.Count - passed} failed</div></header>\n"
            + "<table class=\"index\"><thead><tr><th>Notebook</th><th>Status</th><th>Cells</th><th>Passed</th><th>Failed</th><th>Seconds</th></tr></thead><tbody>\n"
            + rows + "</tbody></table>\n";
        return Page("Notebooks", string.Empty, body);
    }

    private static bool AppendOutput(StringBuilder body, CellOutput output)
    {
        body.Append("<div class=\"output\">");
        var plotly = false;
        switch (output.Kind)
        {
            case CellOutputKind.Stream:
                body.Append("<pre class=\"").Append(output.StreamName).Append("\">").Append(Encode(output.Text ?? string.Empty)).Append("</pre>");
                break;
            case CellOutputKind.Error:
                body.Append("<pre class=\"error\">").Append(Encode(output.ErrorText)).Append("</pre>");
                break;
            default:
                if (output.Data.TryGetValue("text/html", out var html))
                {
                    body.Append(html);
                    plotly = html.Contains("Plotly", StringComparison.Ordinal) || html.Contains("plotly", StringComparison.Ordinal);
                }
                else if (output.Data.TryGetValue("image/svg+xml", out var svg))
                {
                    body.Append(svg);
                }
                else if (output.Data.TryGetValue("image/png", out var png))
                {
                    body.Append("<img alt=\"output\" src=\"data:image/png;base64,").Append(png.Trim()).Append("\">");
                }
                else if (output.Data.TryGetValue("text/markdown", out var md))
                {
                    body.Append(Markdig.Markdown.ToHtml(md, Markdown));
                }
                else if (output.Data.TryGetValue("text/plain", out var text))
                {
                    body.Append("<pre>").Append(Encode(text)).Append("</pre>");
                }

                break;
        }

        body.Append("</div>");
        return plotly;
    }

    private static string Page(string title, string head, string body) =>
        "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{Encode(title)}</title>\n<style>{PageStyle.Css}</style>\n{head}</head>\n<body>\n<main>\n{body}</main>\n</body>\n</html>\n";

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
