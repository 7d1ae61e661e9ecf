using System;
using System.Linq;
using System.Text.Json;
using System.Text.RegularExpressions;
using Backprop;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Lib.Tests;

public class GraphStepperTests
{
    [Fact]
    public void Html_StartsWithTheFullStaticFigure()
    {
        ComputationalGraph shop = Shop();

        string html = shop.Stepper().ToHtml();

        // GitHub, nbviewer and paper drop the script: what is left is the graph's own figure, gradients included.
        Assert.Contains(shop.ToHtml(), html);
        Assert.Contains("class=\"backward\"", html);
        Assert.True(html.IndexOf("<svg", StringComparison.Ordinal) < html.IndexOf("<script", StringComparison.Ordinal));
    }

    [Fact]
    public void TwoRenderings_HaveTheirOwnIds_AndEachScriptFindsItsOwn()
    {
        GraphStepper stepper = Shop().Stepper();

        string first = stepper.ToHtml(), second = stepper.ToHtml();

        string id = Regex.Match(first, "<div id=\"(bp-stepper-[0-9a-f]{12})\"").Groups[1].Value;
        Assert.NotEmpty(id);
        Assert.DoesNotContain(id, second);
        Assert.Contains($"document.getElementById('{id}')", first);
    }

    [Fact]
    public void Script_IsInlineAndOffline()
    {
        string html = Shop().Stepper().ToHtml();

        Assert.DoesNotContain("src=", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", ""));
        Assert.DoesNotContain("eval(", html);
        Assert.DoesNotContain("new Function", html);
        Assert.Single(Regex.Matches(html, "<script>"));
    }

    [Fact]
    public void Export_CarriesTheLibrarysNumbers_AndItsBackwardOrder()
    {
        ComputationalGraph chain = Chain();

        using var json = JsonDocument.Parse(GraphExport.ToJson(chain));

        var nodes = json.RootElement.GetProperty("nodes").EnumerateArray().ToList();
        Assert.Equal(chain.Nodes.Count, nodes.Count);
        foreach (GraphNode node in chain.Nodes)
        {
            JsonElement n = nodes[node.Id];
            Assert.Equal(node.Value, n.GetProperty("value").GetDouble());
            Assert.Equal(node.Grad, n.GetProperty("grad").GetDouble());
            Assert.Equal(node.LocalDerivatives, n.GetProperty("local").EnumerateArray().Select(e => e.GetDouble()));
            Assert.Equal(node.EdgeGrads, n.GetProperty("edgeGrads").EnumerateArray().Select(e => e.GetDouble()));
            Assert.Equal(node.Inputs.Select(i => i.Id), n.GetProperty("inputs").EnumerateArray().Select(e => e.GetInt32()));
        }

        GraphNode z = chain.Output!;
        var reversed = ComputationalGraph.TopologicalOrder(z).Reverse().Select(n => n.Id);
        Assert.Equal(reversed, json.RootElement.GetProperty("backward").EnumerateArray().Select(e => e.GetInt32()));
        Assert.Equal(z.Id, json.RootElement.GetProperty("output").GetInt32());
        Assert.Equal(1, json.RootElement.GetProperty("seed").GetDouble());
    }

    [Fact]
    public void Export_SendsInfinitiesAsStrings()
    {
        var g = new ComputationalGraph();
        g.Backward(g.Reciprocal(g.Input("x", 0), "inf"));

        using var json = JsonDocument.Parse(GraphExport.ToJson(g));

        Assert.Equal("Infinity", json.RootElement.GetProperty("nodes")[1].GetProperty("value").GetString());
    }

    [Fact]
    public void EveryOperation_HasItsArithmeticInThePage()
    {
        // A new GraphOp needs its case in stepper.js's evaluate() and a name here, or its graphs cannot be edited.
        Assert.All(Enum.GetValues<GraphOp>(), op => Assert.NotNull(GraphExport.Kind(op)));
        string script = Shop().Stepper().ToHtml();
        Assert.All(Enum.GetValues<GraphOp>(), op => Assert.Contains($"case '{GraphExport.Kind(op)}':", script));
    }

    [Fact]
    public void CaptionNames_AreNamesElseShortExpressionsElseSteps()
    {
        var g = new ComputationalGraph();
        var apples = g.Mul(g.Input("apple", 100), g.Input("apple_num", 2));
        var oranges = g.Mul(g.Input("orange", 150), g.Input("orange_num", 3));
        var all = g.Add(apples, oranges);
        var taxed = g.Mul(all, g.Input("tax", 1.1));
        var minus = g.Negate(g.Input("x", 1));

        var names = GraphExport.CaptionNames(g);

        Assert.Equal("apple × apple_num", names[apples]);
        Assert.Equal("apple × apple_num + orange × orange_num", names[all]);
        Assert.Equal("#4", names[taxed]);
        Assert.Equal("−x", names[minus]);
    }

    [Fact]
    public void Formatter_ShowsTheStepperAsHtml_AndTextOtherwise()
    {
        GraphStepper stepper = Shop().Stepper();

        Assert.StartsWith("<div id=\"bp-stepper-", stepper.ToDisplayString("text/html"));
        Assert.Equal(stepper.ToString(), stepper.ToDisplayString("text/plain"));
        Assert.Contains("2 operations forward, backward from price", stepper.ToString());
    }

    private static ComputationalGraph Shop()
    {
        var g = new ComputationalGraph();
        var price = g.Mul(g.Mul(g.Input("apple", 100), g.Input("apple_num", 2), "apple_price"), g.Input("tax", 1.1), "price");
        g.Backward(price);
        return g;
    }

    private static ComputationalGraph Chain()
    {
        var g = new ComputationalGraph();
        var t = g.Add(g.Input("x", 1), g.Input("y", 2), "t");
        g.Backward(g.Mul(t, t, "z"));
        return g;
    }
}
