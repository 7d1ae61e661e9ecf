using System;
using System.Collections.Generic;
using System.Linq;
using Backprop;
using Backprop.Display;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

/// <summary>The graphs the lessons draw, traced as the lessons trace them, for the layout and drawing tests.</summary>
internal static class LessonGraphs
{
    public static IReadOnlyDictionary<string, Func<GraphDrawing>> All { get; } = new Dictionary<string, Func<GraphDrawing>>
    {
        ["apple"] = () => GraphDrawing.Of(Apple()),
        ["appleOrange"] = () => GraphDrawing.Of(AppleAndOrange()),
        ["chain"] = () => GraphDrawing.Of(Chain()),
        ["sigmoid"] = () => GraphDrawing.Of(Sigmoid()),
        ["softmaxWithLoss"] = () => GraphDrawing.Of(SoftmaxWithLoss([0.3, 0.2, 0.5], [0, 1, 0]).Graph),
        ["affine"] = () => Affine().Drawing(),
    };

    public static ComputationalGraph Apple()
    {
        var g = new ComputationalGraph();
        var price = g.Mul(g.Mul(g.Input("apple", 100), g.Input("apple_num", 2), "apple_price"), g.Input("tax", 1.1), "price");
        g.Backward(price);
        return g;
    }

    public static ComputationalGraph AppleAndOrange()
    {
        var g = new ComputationalGraph();
        var apples = g.Mul(g.Input("apple", 100), g.Input("apple_num", 2));
        var oranges = g.Mul(g.Input("orange", 150), g.Input("orange_num", 3));
        g.Backward(g.Mul(g.Add(apples, oranges), g.Input("tax", 1.1), "price"));
        return g;
    }

    public static ComputationalGraph Chain()
    {
        var g = new ComputationalGraph();
        var t = g.Add(g.Input("x", 1), g.Input("y", 2), "t");
        g.Backward(g.Mul(t, t, "z"));
        return g;
    }

    public static ComputationalGraph Sigmoid()
    {
        var g = new ComputationalGraph();
        var x = g.Input("x", 1);
        g.Backward(g.Reciprocal(g.AddConstant(g.Exp(g.Negate(x, "−x"), "exp(−x)"), 1, "1 + exp(−x)"), "y"));
        return g;
    }

    /// <summary>Figure 5-27 as lesson 3 traces it: a batch of 2, W 2×3, B 1×3.</summary>
    public static AffineGraph Affine()
    {
        var w = Matrix<double>.Build.DenseOfArray(new[,] { { 0.1, 0.3, 0.5 }, { 0.2, 0.4, 0.6 } });
        var layer = new Affine(w, Vector<double>.Build.DenseOfArray([0.1, 0.2, 0.3]));
        var x = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.5 }, { -1.0, 2.0 } });
        var dY = Matrix<double>.Build.DenseOfArray(new[,] { { 1.0, 0.0, -1.0 }, { 0.5, 2.0, 1.0 } });
        return AffineGraph.Trace(layer, x, dY);
    }

    /// <summary>Figure 5-29 as lesson 4 traces it: scores a_k = log y_k + 2 give the softmax output y.</summary>
    public static (ComputationalGraph Graph, GraphNode[] Scores, GraphNode Loss) SoftmaxWithLoss(double[] y, double[] t)
    {
        var g = new ComputationalGraph();
        var scores = y.Select((v, k) => g.Input($"a{k + 1}", Math.Log(v) + 2)).ToArray();
        var exps = scores.Select(s => g.Exp(s)).ToArray();
        var inverse = g.Reciprocal(g.Sum(exps, "S"), "1/S");
        var ys = exps.Select((e, k) => g.Mul(e, inverse, $"y{k + 1}")).ToArray();
        var loss = g.Negate(g.Sum(ys.Select((v, k) => g.Scale(g.Log(v), t[k])).ToArray()), "L");
        g.Backward(loss);
        return (g, scores, loss);
    }
}
