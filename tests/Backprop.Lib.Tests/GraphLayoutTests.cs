using System;
using System.Collections.Generic;
using System.Linq;
using Backprop;
using Backprop.Display;

namespace Backprop.Lib.Tests;

/// <summary>The layout's promise: no text of a graph figure covers another text, a node, or a line.</summary>
public class GraphLayoutTests
{
    public static TheoryData<string> Figures => new(LessonGraphs.All.Keys);

    [Theory]
    [MemberData(nameof(Figures))]
    public void NoTextOverlapsAnotherTextANodeOrALine(string figure)
    {
        var layout = new GraphLayout(LessonGraphs.All[figure]());

        var clash = layout.FirstOverlap();

        Assert.True(clash is null, clash is { } c ? $"{figure}: {c.A} overlaps {c.B}" : "");
    }

    [Theory]
    [MemberData(nameof(Figures))]
    public void EveryTextStaysInsideTheFigure(string figure)
    {
        var layout = new GraphLayout(LessonGraphs.All[figure]());

        Assert.All(layout.Boxes, b => Assert.True(b.Left >= 0 && b.Top >= 0 && b.Right <= layout.Width && b.Bottom <= layout.Height, $"{b} leaves the figure"));
    }

    [Fact]
    public void SoftmaxWithLoss_ReadsLikeFigure5_29()
    {
        var drawing = LessonGraphs.All["softmaxWithLoss"]();
        var layout = new GraphLayout(drawing);
        var inputs = drawing.Nodes.Where(n => n.IsInput).OrderBy(n => layout.Position(n).Y).Select(n => n.Label);
        var sum = drawing.Nodes.Single(n => n.Name == "S");
        var exps = drawing.Nodes.Where(n => n.Symbol == "exp").ToList();

        Assert.Equal(["a1", "a2", "a3"], inputs);
        // The sum stands off the lines from each exp to its × node, half a row away at least.
        Assert.All(exps, e => Assert.True(Math.Abs(layout.Position(sum).Y - layout.Position(e).Y) > 40));
    }

    [Fact]
    public void CrowdedLabels_PushTheColumnsApart()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 1.234567891);
        var y = g.Input("y", -9.87654321e-7);
        g.Backward(g.Mul(g.Add(x, y), g.Add(y, x), "z"));

        var clash = new GraphLayout(GraphDrawing.Of(g)).FirstOverlap();

        Assert.True(clash is null, clash?.ToString());
    }
}
