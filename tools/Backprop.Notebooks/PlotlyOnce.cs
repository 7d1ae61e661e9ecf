using System;
using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>
/// Puts plotly.js into the first chart output of a notebook or kernel session and nowhere else, so an executed
/// notebook opened offline (JupyterLab, VS Code) draws every chart interactively without a CDN; charts whose page
/// has no plotly.js keep showing their static picture.
/// </summary>
public sealed class PlotlyOnce
{
    // What Figure.ToHtml() writes (lib/Display/Charts/PlotlyHtml.cs).
    private const string ChartMarker = "class=\"bp-chart\"";
    private bool _included;

    /// <summary>The bundle, with the plotly.js loader in front of its HTML if it is the session's first chart.</summary>
    public IReadOnlyDictionary<string, string> Include(IReadOnlyDictionary<string, string> data)
    {
        if (_included || PlotlyScript.Loader is not { } loader || !IsChart(data))
        {
            return data;
        }

        _included = true;
        return new Dictionary<string, string>(data, StringComparer.Ordinal) { ["text/html"] = loader + data["text/html"] };
    }

    /// <summary>Includes plotly.js once in an executed notebook's outputs, in place.</summary>
    public static void IncludeIn(NotebookDocument document)
    {
        var once = new PlotlyOnce();
        foreach (var cell in document.Cells)
        {
            for (int i = 0; i < cell.Outputs.Count && !once._included; i++)
            {
                var output = cell.Outputs[i];
                if (output.Kind is CellOutputKind.DisplayData or CellOutputKind.ExecuteResult && IsChart(output.Data))
                {
                    var data = once.Include(output.Data);
                    cell.Outputs[i] = output.Kind == CellOutputKind.DisplayData
                        ? CellOutput.Display(data, output.DisplayId)
                        : CellOutput.Result(data, output.ExecutionCount ?? 0);
                }
            }
        }
    }

    /// <summary>The HTML without the loader: a published page puts plotly.js in its head instead.</summary>
    public static string WithoutLoader(string html) =>
        PlotlyScript.Loader is { } loader ? html.Replace(loader, string.Empty, StringComparison.Ordinal) : html;

    private static bool IsChart(IReadOnlyDictionary<string, string> data) =>
        data.TryGetValue("text/html", out var html) && html.Contains(ChartMarker, StringComparison.Ordinal);
}
