using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backprop;
using Backprop.Tests;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Lib.Tests;

/// <summary>Figure 5-27 as a stepper (§5.6): the static figure first, the layer's own matrices in the page's data.</summary>
public class AffineStepperTests
{
    [Fact]
    public void Html_StartsWithTheFullStaticFigure_ThenOneInlineScript()
    {
        AffineGraph graph = LessonGraphs.Affine();

        string html = graph.Stepper().ToHtml();

        Assert.Contains(graph.ToHtml(), html);
        Assert.True(html.IndexOf("<svg", StringComparison.Ordinal) < html.IndexOf("<script", StringComparison.Ordinal));
        Assert.Single(Regex.Matches(html, "<script>"));
        Assert.Contains("bpMatrixCaptions(", html);
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public void Export_CarriesTheLayersOwnMatrices_ForEachNodeOfTheFigure()
    {
        var w = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, -0.3, 0.5 }, { 0.25, 0.4, -0.6 } });
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { -1.0, 2.0 }, { 0.3, 0.7 } });
        var dY = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0, -1.0 }, { 0.5, 2.0, 1.0 }, { 0.1, 0.2, 0.3 } });
        var layer = new Affine(w, Vector<double>.Build.DenseOfArray([0.1, 0.2, 0.3]));
        AffineGraph graph = AffineGraph.Trace(layer, x, dY);

        using var json = JsonDocument.Parse(AffineExport.ToJson(graph));

        // An independent layer gives the numbers the page must show: its forward output, dx, dW, db.
        var reference = new Affine(w, Vector<double>.Build.DenseOfArray([0.1, 0.2, 0.3]));
        Matrix<double> y = reference.Forward(x), dx = reference.Backward(dY);
        var nodes = json.RootElement.GetProperty("nodes");
        Assert.Equal(Rows(x), Read(nodes[0], "value"));
        Assert.Equal(Rows(dx), Read(nodes[0], "grad"));
        Assert.Equal(Rows(reference.DW!), Read(nodes[1], "grad"));
        Assert.Equal(Rows(x * w), Read(nodes[2], "value"));
        Assert.Equal(Rows(reference.DB!), Read(nodes[3], "grad"));
        Assert.Equal(Rows(y), Read(nodes[4], "value"));
        Assert.Equal(Rows(dY), Read(json.RootElement, "seed"));
        Assert.Equal([4, 2], json.RootElement.GetProperty("backward").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal([[], [], [0, 1], [], [2, 3]], nodes.EnumerateArray().Select(n => n.GetProperty("inputs").EnumerateArray().Select(e => e.GetInt32()).ToArray()));
        // No operation the page can recompute: it shows the note that the inputs are fixed.
        Assert.All(nodes.EnumerateArray(), n => Assert.Equal(JsonValueKind.Null, n.GetProperty("op").ValueKind));
    }

    [Fact]
    public void Export_CarriesTheCaptionsInTheLearnersLanguage()
    {
        string Caption(string culture, string key) => UiCulture.Run(culture, () =>
        {
            using var json = JsonDocument.Parse(AffineExport.ToJson(LessonGraphs.Affine()));
            return json.RootElement.GetProperty("matrixText").GetProperty(key).GetString() + " | " +
                json.RootElement.GetProperty("text").GetProperty("next").GetString();
        });

        Assert.Equal("+ node: ∂L/∂B = sum of ∂L/∂Y over the batch axis ({rows}), {dy} → {out}{entries} | next ▶", Caption("en", "plusToB"));
        Assert.Equal("+ 노드: ∂L/∂B = ∂L/∂Y를 배치 방향({rows})으로 더한 값, {dy} → {out}{entries} | 다음 ▶", Caption("ko", "plusToB"));
    }

    [Fact]
    public void Formatter_ShowsTheStepperAsHtml_AndTextOtherwise()
    {
        GraphStepper stepper = LessonGraphs.Affine().Stepper();

        Assert.StartsWith("<div id=\"bp-stepper-", stepper.ToDisplayString("text/html"));
        Assert.Equal(stepper.ToString(), stepper.ToDisplayString("text/plain"));
        Assert.Contains("X (2, 2) · W (2, 3) + B (1, 3) = Y (2, 3)", stepper.ToString());
    }

    private static double[][] Rows(Matrix<double> m) => m.ToRowArrays();

    private static double[][] Read(JsonElement e, string name) =>
        e.GetProperty(name).EnumerateArray().Select(r => r.EnumerateArray().Select(v => v.GetDouble()).ToArray()).ToArray();
}
