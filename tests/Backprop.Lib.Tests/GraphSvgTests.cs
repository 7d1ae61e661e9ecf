using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Xml.Linq;
using Backprop;

namespace Backprop.Lib.Tests;

public class GraphSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void AppleGraph_BeforeBackward_ShowsOnlyForwardValues()
    {
        var (g, _) = Apple(backward: false);

        XElement svg = XElement.Parse(g.ToSvg());

        Assert.Equal(5, ByClass(svg, "g", "node").Count());
        Assert.Equal(5, ByClass(svg, "g", "edge").Count()); // four edges and the outgoing price arrow
        Assert.Equal(["100", "2", "200", "1.1", "220"], Labels(svg, "fwd"));
        Assert.Empty(Labels(svg, "bwd"));
        Assert.Empty(ByClass(svg, "path", "backward"));
    }

    [Fact]
    public void AppleGraph_AfterBackward_ShowsTheBooksGradientsInRed()
    {
        var (g, nodes) = Apple(backward: true);

        XElement svg = XElement.Parse(g.ToSvg());

        Assert.Equal(["2.2", "110", "1.1", "200", "1"], Labels(svg, "bwd"));
        Assert.Equal(5, ByClass(svg, "path", "backward").Count());
        Assert.All(ByClass(svg, "text", "bwd"), t => Assert.Equal("#d62728", (string?)t.Attribute("fill")));
        // The compact label never hides the real float: the tooltip carries it.
        Assert.Contains(Titles(svg, "fwd"), t => t == Full(nodes["price"].Value));
        Assert.Contains("220.00000000000003", Titles(svg, "fwd"));
    }

    [Fact]
    public void AppleAndOrange_ShowsFigure5_17WithExactTooltips()
    {
        ComputationalGraph g = AppleAndOrange();

        XElement svg = XElement.Parse(g.ToSvg());

        Assert.Equal(9, ByClass(svg, "g", "node").Count());
        Assert.Equal(9, ByClass(svg, "g", "edge").Count());
        Assert.Contains("715", Labels(svg, "fwd"));
        Assert.Contains("650", Labels(svg, "fwd"));
        Assert.Contains("3.3", Labels(svg, "bwd"));
        Assert.Contains("165", Labels(svg, "bwd"));
        Assert.Contains("3.3000000000000003", Titles(svg, "bwd"));
        Assert.Contains(Full(g.Nodes.Single(n => n.Name == "orange").Grad), Titles(svg, "bwd"));
    }

    [Fact]
    public void SigmoidGraph_DrawsConstantsAndSymbols()
    {
        var g = new ComputationalGraph();
        g.Backward(g.Sigmoid(g.Input("x", 0.5)));

        XElement svg = XElement.Parse(g.ToSvg());

        Assert.Equal(["×", "exp", "+", "/"], ByClass(svg, "text", "symbol").Select(t => t.Value));
        Assert.Equal(["-1", "1"], ByClass(svg, "text", "constant").Select(t => t.Value));
        Assert.Equal(5, Labels(svg, "bwd").Count);
    }

    [Theory]
    [InlineData("apple")]
    [InlineData("appleOrange")]
    [InlineData("sigmoid")]
    [InlineData("square")]
    public void Labels_DoNotOverlapEachOtherOrNodes_AndStayInsideTheViewBox(string which)
    {
        ComputationalGraph g = which switch
        {
            "apple" => Apple(true).Graph,
            "appleOrange" => AppleAndOrange(),
            "sigmoid" => SigmoidGraph(),
            _ => Square(),
        };

        XElement svg = XElement.Parse(g.ToSvg());
        double[] viewBox = ((string)svg.Attribute("viewBox")!).Split(' ').Select(Parse).ToArray();
        var boxes = svg.Descendants(Svg + "text").Select(TextBox).ToList();
        var circles = svg.Descendants(Svg + "circle")
            .Select(c => (X: Parse((string)c.Attribute("cx")!), Y: Parse((string)c.Attribute("cy")!), R: Parse((string)c.Attribute("r")!)))
            .ToList();

        foreach (var b in boxes)
        {
            Assert.True(b.Left >= 0 && b.Top >= 0 && b.Right <= viewBox[2] && b.Bottom <= viewBox[3], $"'{b.Text}' leaves the view box");
            foreach (var c in circles.Where(_ => b.Class is "fwd" or "bwd"))
            {
                double nx = Math.Clamp(c.X, b.Left, b.Right), ny = Math.Clamp(c.Y, b.Top, b.Bottom);
                Assert.True(Math.Pow(nx - c.X, 2) + Math.Pow(ny - c.Y, 2) > c.R * c.R, $"'{b.Text}' covers a node");
            }
        }

        var labels = boxes.Where(b => b.Class is "fwd" or "bwd").ToList();
        for (int i = 0; i < labels.Count; i++)
        {
            for (int j = i + 1; j < labels.Count; j++)
            {
                var (a, b) = (labels[i], labels[j]);
                bool overlap = a.Left < b.Right && b.Left < a.Right && a.Top < b.Bottom && b.Top < a.Bottom;
                Assert.False(overlap, $"'{a.Text}' overlaps '{b.Text}'");
            }
        }
    }

    [Fact]
    public void UnfinishedGraphs_StillRender()
    {
        var empty = new ComputationalGraph();
        var onlyInput = new ComputationalGraph();
        onlyInput.Input("x", 1);
        var twoOutputs = new ComputationalGraph();
        var x = twoOutputs.Input("x", 0);
        twoOutputs.Exp(x, "e");
        twoOutputs.Backward(twoOutputs.Reciprocal(x, "inf"));

        Assert.Empty(ByClass(XElement.Parse(empty.ToSvg()), "g", "node"));
        Assert.Single(ByClass(XElement.Parse(onlyInput.ToSvg()), "g", "node"));
        XElement svg = XElement.Parse(twoOutputs.ToSvg());
        Assert.Equal(2, svg.Descendants(Svg + "text").Count(t => (string?)t.Attribute("class") == "output-name"));
        Assert.Contains("∞", Labels(svg, "fwd"));
    }

    [Fact]
    public void Rendering_IsDeterministic()
    {
        Assert.Equal(AppleAndOrange().ToSvg(), AppleAndOrange().ToSvg());
    }

    [Fact]
    public void Names_AreEscaped()
    {
        var g = new ComputationalGraph();
        g.Exp(g.Input("<apple & \"co\">", 1), "사과");

        string svg = g.ToSvg();

        Assert.Contains("&lt;apple &amp; ", svg);
        Assert.DoesNotContain("<apple", svg);
        Assert.Contains("사과", XElement.Parse(svg).Value);
    }

    [Fact]
    public void Html_WrapsTheSvgInAScrollableBlock()
    {
        ComputationalGraph g = AppleAndOrange();

        Assert.Contains(g.ToSvg(), g.ToHtml());
        Assert.StartsWith("<div", g.ToHtml());
    }

    private static (ComputationalGraph Graph, Dictionary<string, GraphNode> Nodes) Apple(bool backward)
    {
        var g = new ComputationalGraph();
        var apple = g.Input("apple", 100);
        var num = g.Input("apple num", 2);
        var tax = g.Input("tax", 1.1);
        var price = g.Mul(g.Mul(apple, num), tax, "price");
        if (backward)
        {
            g.Backward(price);
        }

        return (g, new() { ["apple"] = apple, ["price"] = price });
    }

    private static ComputationalGraph AppleAndOrange()
    {
        var g = new ComputationalGraph();
        var apples = g.Mul(g.Input("apple", 100), g.Input("apple num", 2));
        var oranges = g.Mul(g.Input("orange", 150), g.Input("orange num", 3));
        g.Backward(g.Mul(g.Add(apples, oranges), g.Input("tax", 1.1), "price"));
        return g;
    }

    private static ComputationalGraph SigmoidGraph()
    {
        var g = new ComputationalGraph();
        g.Backward(g.Sigmoid(g.Input("x", 0.5)));
        return g;
    }

    private static ComputationalGraph Square()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 3);
        g.Backward(g.Mul(x, x, "y"));
        return g;
    }

    private static IEnumerable<XElement> ByClass(XElement svg, string element, string cssClass) =>
        svg.Descendants(Svg + element).Where(e => ((string?)e.Attribute("class") ?? "").Split(' ').Contains(cssClass));

    // The visible text of a label, without its tooltip.
    private static List<string> Labels(XElement svg, string cssClass) =>
        ByClass(svg, "text", cssClass).Select(t => string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value))).ToList();

    private static List<string> Titles(XElement svg, string cssClass) =>
        ByClass(svg, "text", cssClass).Select(t => t.Element(Svg + "title")!.Value).ToList();

    private static (string Text, string? Class, double Left, double Top, double Right, double Bottom) TextBox(XElement t)
    {
        string text = string.Concat(t.Nodes().OfType<XText>().Select(x => x.Value));
        double size = Parse((string)t.Attribute("font-size")!);
        double width = text.Sum(ch => ch >= 0x1100 ? size : size * 0.6);
        double x = Parse((string)t.Attribute("x")!), y = Parse((string)t.Attribute("y")!);
        double left = (string?)t.Attribute("text-anchor") switch
        {
            "middle" => x - width / 2,
            "end" => x - width,
            _ => x,
        };
        return (text, (string?)t.Attribute("class"), left, y - size * 0.8, left + width, y + size * 0.2);
    }

    private static double Parse(string s) => double.Parse(s, CultureInfo.InvariantCulture);

    private static string Full(double v) => v.ToString("R", CultureInfo.InvariantCulture);
}
