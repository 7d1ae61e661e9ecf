using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>
/// The cells of one executed notebook as page HTML: sanitised markdown, highlighted code, outputs without build noise,
/// and the headings a table of contents links to.
/// </summary>
internal sealed partial class LessonBody
{
    private readonly StringBuilder _html = new();
    private readonly PageShell _shell;
    private readonly HandoutFilter _filter;

    public LessonBody(NotebookRunResult result, PageShell shell)
    {
        _shell = shell;
        _filter = new HandoutFilter(result.Path);
        var statusByCell = result.Cells.ToDictionary(c => c.Cell);
        foreach (var cell in result.Document?.Cells ?? [])
        {
            switch (cell.Kind)
            {
                case CellKind.Markdown:
                    var markdown = MarkdownHtml.ToHtml(cell.Source);
                    UsesMath |= MarkdownHtml.HasMath(markdown);
                    Headings.AddRange(Heading().Matches(markdown).Select(m => (int.Parse(m.Groups[1].Value, CultureInfo.InvariantCulture), m.Groups[2].Value, m.Groups[3].Value)));
                    _html.Append("<div class=\"cell markdown\">").Append(markdown).Append("</div>\n");
                    break;
                case CellKind.Raw:
                    _html.Append("<div class=\"cell raw\"><pre>").Append(Encode(cell.Source)).Append("</pre></div>\n");
                    break;
                default:
                    var failed = statusByCell.TryGetValue(cell, out var status) && status.Status is CellRunStatus.Failed or CellRunStatus.TimedOut;
                    Code(cell, failed);
                    break;
            }
        }
    }

    public string Html => _html.ToString();

    public bool UsesPlotly { get; private set; }

    public bool UsesMath { get; private set; }

    /// <summary>Level (2 or 3), anchor id and inner HTML of each section heading, in page order.</summary>
    public List<(int Level, string Id, string Html)> Headings { get; } = new();

    private void Code(NotebookCell cell, bool failed)
    {
        _html.Append("<div class=\"cell").Append(failed ? " failed" : string.Empty).Append("\" id=\"cell-").Append(cell.Number).Append("\">");
        _html.Append("<div class=\"code\"><div class=\"prompt\">[").Append(cell.ExecutionCount?.ToString(CultureInfo.InvariantCulture) ?? " ").Append("]</div>");
        var code = KernelNames.IsCSharp(cell.Language) ? CSharpHighlighter.ToHtml(cell.Source) : Encode(cell.Source);
        _html.Append("<pre class=\"source\"><code>").Append(code).Append("</code></pre></div>\n");
        var outputs = cell.Outputs.Where(o => !HandoutFilter.IsBuildNoise(o)).ToList();
        if (outputs.Count > 0)
        {
            _html.Append("<div class=\"outputs\">");
            foreach (var output in outputs)
            {
                Output(output);
            }

            _html.Append("</div>");
        }

        _html.Append("</div>\n");
    }

    private void Output(CellOutput output)
    {
        _html.Append("<div class=\"output\">");
        switch (output.Kind)
        {
            case CellOutputKind.Stream:
                _html.Append("<pre class=\"").Append(output.StreamName).Append("\">").Append(Encode(_filter.Relative(output.Text ?? string.Empty))).Append("</pre>");
                break;
            case CellOutputKind.Error:
                _html.Append("<pre class=\"error\">").Append(Encode(_filter.Relative(output.ErrorText))).Append("</pre>");
                break;
            default:
                if (output.Data.TryGetValue("text/html", out var html))
                {
                    html = PlotlyOnce.WithoutLoader(html);
                    UsesPlotly |= html.Contains("class=\"bp-chart\"", StringComparison.Ordinal) || html.Contains("Plotly", StringComparison.Ordinal);
                    _html.Append(_shell.Trusted(html));
                }
                else if (output.Data.TryGetValue("image/svg+xml", out var svg))
                {
                    _html.Append(svg);
                }
                else if (output.Data.TryGetValue("image/png", out var png))
                {
                    _html.Append("<img alt=\"output\" src=\"data:image/png;base64,").Append(png.Trim()).Append("\">");
                }
                else if (output.Data.TryGetValue("text/markdown", out var md))
                {
                    var markdown = MarkdownHtml.ToHtml(md);
                    UsesMath |= MarkdownHtml.HasMath(markdown);
                    _html.Append(markdown);
                }
                else if (output.Data.TryGetValue("text/plain", out var text))
                {
                    _html.Append("<pre>").Append(Encode(_filter.Relative(text))).Append("</pre>");
                }

                break;
        }

        _html.Append("</div>");
    }

    private static string Encode(string text) => WebUtility.HtmlEncode(text);

    [GeneratedRegex(@"<h([23]) id=""([^""]+)"">(.*?)</h\1>", RegexOptions.Singleline)]
    private static partial Regex Heading();
}
