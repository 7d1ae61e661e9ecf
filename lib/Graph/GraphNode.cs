using System;
using System.Collections.Generic;

namespace Backprop;

/// <summary>One node of a traced computational graph, §5.1: its operation, inputs, forward value and gradient.</summary>
public sealed class GraphNode
{
    private readonly Func<double, double[]> _backward;
    private readonly double[] _edgeGrads;

    internal GraphNode(int id, GraphOp op, string symbol, string? name, IReadOnlyList<GraphNode> inputs,
        double value, double[] localDerivatives, Func<double, double[]> backward, double? constant = null)
    {
        Constant = constant;
        Id = id;
        Op = op;
        Symbol = symbol;
        Name = name;
        Inputs = inputs;
        Value = value;
        LocalDerivatives = localDerivatives;
        _backward = backward;
        _edgeGrads = new double[inputs.Count];
    }

    /// <summary>Position in the order the graph was traced.</summary>
    public int Id { get; }

    public GraphOp Op { get; }

    /// <summary>What the figure writes in the node: ×, +, exp, /.</summary>
    public string Symbol { get; }

    public string? Name { get; }

    public IReadOnlyList<GraphNode> Inputs { get; }

    /// <summary>The fixed operand of ×c and +c nodes (the −1 and 1 of the sigmoid graph, Figure 5-19).</summary>
    public double? Constant { get; }

    /// <summary>The forward value.</summary>
    public double Value { get; }

    /// <summary>∂(this node) / ∂(input i), fixed by the forward pass.</summary>
    public IReadOnlyList<double> LocalDerivatives { get; }

    /// <summary>∂(output) / ∂(this node) after <see cref="ComputationalGraph.Backward"/>; a value used twice sums both paths.</summary>
    public double Grad { get; internal set; }

    /// <summary>What flows back along the edge from input i into this node: upstream gradient × local derivative.</summary>
    public IReadOnlyList<double> EdgeGrads => _edgeGrads;

    public string Label => Name ?? (Op == GraphOp.Input ? $"x{Id}" : Symbol);

    internal void PropagateBackward()
    {
        double[] grads = _backward(Grad);
        for (int i = 0; i < Inputs.Count; i++)
        {
            _edgeGrads[i] = grads[i];
            Inputs[i].Grad += grads[i];
        }
    }

    internal void ClearGrad()
    {
        Grad = 0;
        Array.Clear(_edgeGrads);
    }

    public override string ToString() => $"{Label} = {Display.Html.Full(Value)}, grad {Display.Html.Full(Grad)}";
}
