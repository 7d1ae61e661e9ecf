using System;
using System.Linq;
using Backprop;

namespace Backprop.Lib.Tests;

public class ComputationalGraphTests
{
    [Fact]
    public void BuyApple_MatchesMulLayerAndTheBook()
    {
        var g = new ComputationalGraph();
        var apple = g.Input("apple", 100);
        var num = g.Input("apple num", 2);
        var tax = g.Input("tax", 1.1);
        var applePrice = g.Mul(apple, num);
        var price = g.Mul(applePrice, tax, "price");

        g.Backward(price);

        // The graph must agree with the layers of §5.4 to the last bit.
        var mulApple = new MulLayer();
        var mulTax = new MulLayer();
        double expectedPrice = mulTax.Forward(mulApple.Forward(100, 2), 1.1);
        var (dApplePrice, dTax) = mulTax.Backward(1);
        var (dApple, dNum) = mulApple.Backward(dApplePrice);
        Assert.Equal(expectedPrice, price.Value);
        Assert.Equal(dApple, apple.Grad);
        Assert.Equal(dNum, num.Grad);
        Assert.Equal(dTax, tax.Grad);
        Assert.Equal(dApplePrice, applePrice.Grad);
        Assert.Equal(220, price.Value, 1e-9);
        Assert.Equal(2.2, apple.Grad, 1e-12);
        Assert.Equal(110, num.Grad, 1e-12);
        Assert.Equal(200, tax.Grad, 1e-12);
    }

    [Fact]
    public void BuyAppleAndOrange_ReproducesFigure5_17()
    {
        var g = new ComputationalGraph();
        var apple = g.Input("apple", 100);
        var appleNum = g.Input("apple num", 2);
        var orange = g.Input("orange", 150);
        var orangeNum = g.Input("orange num", 3);
        var tax = g.Input("tax", 1.1);
        var all = g.Add(g.Mul(apple, appleNum), g.Mul(orange, orangeNum));
        var price = g.Mul(all, tax, "price");

        g.Backward(price);

        Assert.Equal(715, price.Value, 1e-9);
        Assert.Equal(2.2, apple.Grad, 1e-12);
        Assert.Equal(110, appleNum.Grad, 1e-12);
        Assert.Equal(3.3, orange.Grad, 1e-12);
        Assert.Equal(165, orangeNum.Grad, 1e-12);
        Assert.Equal(650, tax.Grad, 1e-12);
        Assert.Equal(1.1 * 150, orangeNum.Grad);
    }

    [Fact]
    public void Sigmoid_GradientIsYTimesOneMinusY()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 0.7);

        var y = g.Sigmoid(x);
        g.Backward(y);

        double expected = 1 / (1 + Math.Exp(-0.7));
        Assert.Equal(expected, y.Value, 1e-15);
        Assert.Equal(expected * (1 - expected), x.Grad, 1e-15);
        Assert.Equal(new[] { GraphOp.Input, GraphOp.Scale, GraphOp.Exp, GraphOp.AddConstant, GraphOp.Reciprocal },
            g.Nodes.Select(n => n.Op));
    }

    [Fact]
    public void EveryOp_MatchesNumericalGradient()
    {
        static double F(double a, double b, double c, out ComputationalGraph graph, out GraphNode[] inputs)
        {
            var g = new ComputationalGraph();
            var x = g.Input("a", a);
            var y = g.Input("b", b);
            var z = g.Input("c", c);
            var h = g.Add(g.Mul(x, y), g.Scale(z, 0.5));
            var outNode = g.Mul(g.Reciprocal(g.AddConstant(g.Exp(g.Negate(h)), 1)), g.Add(z, x));
            graph = g;
            inputs = [x, y, z];
            g.Backward(outNode);
            return outNode.Value;
        }

        double[] at = [0.3, -1.2, 0.8];
        F(at[0], at[1], at[2], out _, out var nodes);
        for (int i = 0; i < 3; i++)
        {
            double[] plus = (double[])at.Clone(), minus = (double[])at.Clone();
            plus[i] += 1e-6;
            minus[i] -= 1e-6;
            double numerical = (F(plus[0], plus[1], plus[2], out _, out _) - F(minus[0], minus[1], minus[2], out _, out _)) / 2e-6;
            Assert.Equal(numerical, nodes[i].Grad, 1e-8);
        }
    }

    [Fact]
    public void ValueUsedTwice_AccumulatesBothGradients()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 3);
        var a = g.Input("a", -4);

        var square = g.Mul(x, x);
        var twice = g.Add(a, a);
        var total = g.Add(square, twice);
        g.Backward(total);

        Assert.Equal(6, x.Grad);
        Assert.Equal(2, a.Grad);
        Assert.Equal(new[] { 3.0, 3.0 }, square.EdgeGrads);
    }

    [Fact]
    public void SharedIntermediate_IsVisitedOnceAfterAllItsConsumers()
    {
        // micrograd's lesson: b feeds two nodes, so its gradient must be complete before it flows on to a.
        var g = new ComputationalGraph();
        var a = g.Input("a", 2);
        var b = g.Exp(a);
        var c = g.Mul(b, b);
        var d = g.Add(c, b);
        g.Backward(d);

        double eb = Math.Exp(2);
        Assert.Equal(2 * eb + 1, b.Grad, 1e-9);
        Assert.Equal((2 * eb + 1) * eb, a.Grad, 1e-9);
    }

    [Fact]
    public void LocalDerivatives_AreStoredPerStep()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 2);
        var e = g.Exp(x);
        var r = g.Reciprocal(x);
        var m = g.Mul(x, g.Input("w", 5));

        Assert.Equal(Math.Exp(2), e.LocalDerivatives[0]);
        Assert.Equal(-0.25, r.LocalDerivatives[0]);
        Assert.Equal(new[] { 5.0, 2.0 }, m.LocalDerivatives);
    }

    [Fact]
    public void EdgeGrads_AreUpstreamTimesLocal()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 0.5);
        var y = g.Sigmoid(x);
        g.Backward(y, seed: 2);

        foreach (GraphEdge edge in g.Edges)
        {
            Assert.Equal(edge.To.Grad * edge.To.LocalDerivatives[edge.InputIndex], edge.Grad, 1e-15);
        }

        Assert.Equal(2, y.Grad);
        Assert.Equal(4, g.Edges.Count);
    }

    [Fact]
    public void Backward_TwiceGivesTheSameGradients()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 3);
        var y = g.Mul(x, x);

        g.Backward(y);
        g.Backward(y);

        Assert.Equal(6, x.Grad);
    }

    [Fact]
    public void NodeFromAnotherGraph_IsRejectedWithItsName()
    {
        var g1 = new ComputationalGraph();
        var g2 = new ComputationalGraph();
        var x = g1.Input("apple", 1);

        var error = Assert.Throws<ArgumentException>(() => g2.Exp(x));
        Assert.Contains("apple", error.Message);
        Assert.Throws<ArgumentException>(() => g2.Backward(x));
    }

    [Fact]
    public void Steps_TabulatesEachOperationThenTheInputs()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 0.5);
        var y = g.Sigmoid(x);
        g.Backward(y);

        Table steps = g.Steps();

        Assert.Equal(5, steps.Rows.Count);
        Assert.Equal("×-1", steps.Rows[0][1]);
        Assert.Equal("/ (y)", steps.Rows[3][1]);
        Assert.Equal("#3", steps.Rows[3][2]);
        Assert.Equal("x", steps.Rows[0][2]);
        Assert.Equal(y.Value, steps.Rows[3][3]);
        Assert.Equal(x.Grad, steps.Rows[4][5]);
        Assert.Null(new ComputationalGraph().Steps().Rows.FirstOrDefault());
    }

    [Fact]
    public void ToString_ListsValuesAndGradients()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 3);
        g.Backward(g.Mul(x, x, "y"));

        string text = g.ToString();

        Assert.Contains("y = 9", text);
        Assert.Contains("grad 6", text);
    }
}
