using System;
using System.IO;
using System.Linq;
using Backprop.Display;
using Backprop.Display.Texts;

namespace Backprop;

/// <summary>
/// A traced graph to walk through, §5.1–5.6: forward node by node, then backward edge by edge with a caption per
/// step, and a scalar graph's inputs editable in the page. Without script it is the graph's own static figure.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class GraphStepper : IHtmlDisplay
{
    // Numbers and arithmetic first: the steps and the page use them. One inline script, so the CSP needs no sources.
    private static readonly Lazy<string> Script = new(() => string.Join("\n",
        Resource("graph-numbers.js"), Resource("graph-arithmetic.js"), Resource("graph-steps.js"), Resource("matrix-steps.js"),
        Resource("stepper.js")));
    private static readonly Lazy<string> Style = new(() => Resource("stepper.css"));

    private readonly ComputationalGraph? _graph;
    private readonly AffineGraph? _affine;

    public GraphStepper(ComputationalGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _graph = graph;
    }

    /// <summary>The Affine figure of §5.6 (Figures 5-25/5-27), walked with the shape and entries of every matrix.</summary>
    public GraphStepper(AffineGraph graph)
    {
        ArgumentNullException.ThrowIfNull(graph);
        _affine = graph;
    }

    /// <summary>
    /// The static figure first (what GitHub, nbviewer and paper show), then the script that turns it into the stepper.
    /// The id is new at every rendering, so two steppers of one graph on a page never share their controls.
    /// </summary>
    public string ToHtml()
    {
        string id = "bp-stepper-" + Guid.NewGuid().ToString("N")[..12];
        // The JSON escapes < and >, so nothing in a node's name can close the script early.
        return $"""
            <div id="{id}" class="bp-stepper">
            <style>{Style.Value}</style>
            {(_graph is null ? _affine!.ToHtml() : GraphSvg.Render(_graph))}
            <script>
            (function () {"{"}
            {Script.Value}
            bpStepper(document.getElementById('{id}'), {(_graph is null ? AffineExport.ToJson(_affine!) : GraphExport.ToJson(_graph))});
            {"}"})();
            </script>
            </div>
            """;
    }

    public override string ToString()
    {
        if (_graph is null)
        {
            return StepperTexts.AffineSummary.Fill(("graph", _affine!));
        }

        int forward = _graph.Nodes.Count(n => n.Op != GraphOp.Input);
        string backward = _graph.Output is null ? StepperTexts.NoBackward.ToString() : StepperTexts.BackwardFrom.Fill(("output", _graph.Output.Label));
        return StepperTexts.Summary.Fill(("operations", forward), ("backward", backward));
    }

    private static string Resource(string name)
    {
        var assembly = typeof(GraphStepper).Assembly;
        string resource = assembly.GetManifestResourceNames().Single(r => r.EndsWith("." + name, StringComparison.Ordinal));
        using var reader = new StreamReader(assembly.GetManifestResourceStream(resource)!);
        return reader.ReadToEnd();
    }
}
