using System;
using System.Collections.Generic;
using System.Linq;
using System.Text;
using Backprop.Display;
using Backprop.Display.Texts;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>
/// A traced computational graph, §5.1–5.5: build it with Input/Mul/Add/..., call Backward, and it draws
/// itself like Figures 5-14, 5-17 and 5-19 with forward values above the edges and gradients below.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class ComputationalGraph : IHtmlDisplay
{
    private readonly List<GraphNode> _nodes = [];

    public IReadOnlyList<GraphNode> Nodes => _nodes;

    /// <summary>The node Backward started from; null until Backward runs.</summary>
    public GraphNode? Output { get; private set; }

    public bool HasGradients => Output is not null;

    public IReadOnlyList<GraphEdge> Edges
    {
        get
        {
            var edges = new List<GraphEdge>();
            foreach (GraphNode node in _nodes)
            {
                for (int i = 0; i < node.Inputs.Count; i++)
                {
                    edges.Add(new GraphEdge(node.Inputs[i], node, i));
                }
            }

            return edges;
        }
    }

    public GraphNode Input(string name, double value) =>
        Trace(GraphOp.Input, "", name, [], value, [], _ => []);

    /// <summary>× node; the maths is <see cref="MulLayer"/>'s, so the graph and the layer cannot disagree.</summary>
    public GraphNode Mul(GraphNode x, GraphNode y, string? name = null)
    {
        var layer = new MulLayer();
        double value = layer.Forward(x.Value, y.Value);
        return Trace(GraphOp.Mul, "×", name, [x, y], value, [y.Value, x.Value], dout =>
        {
            var (dx, dy) = layer.Backward(dout);
            return [dx, dy];
        });
    }

    /// <summary>+ node, backed by <see cref="AddLayer"/>.</summary>
    public GraphNode Add(GraphNode x, GraphNode y, string? name = null)
    {
        var layer = new AddLayer();
        double value = layer.Forward(x.Value, y.Value);
        return Trace(GraphOp.Add, "+", name, [x, y], value, [1, 1], dout =>
        {
            var (dx, dy) = layer.Backward(dout);
            return [dx, dy];
        });
    }

    /// <summary>One + node adding any number of terms, like the sum S of the exps in Figure 5-29; each gets the gradient unchanged.</summary>
    public GraphNode Sum(IReadOnlyList<GraphNode> terms, string? name = null)
    {
        if (terms.Count == 0)
        {
            throw new ArgumentException(Pick("Sum needs at least one term.", "Sum에는 항이 하나 이상 있어야 합니다."), nameof(terms));
        }

        double[] ones = terms.Select(_ => 1.0).ToArray();
        return Trace(GraphOp.Add, "+", name, terms.ToArray(), terms.Sum(t => t.Value), ones, dout => ones.Select(_ => dout).ToArray());
    }

    /// <summary>×c node; c = −1 is the first step of the sigmoid graph.</summary>
    public GraphNode Scale(GraphNode x, double c, string? name = null) =>
        Trace(GraphOp.Scale, "×", name, [x], x.Value * c, [c], dout => [dout * c], c);

    public GraphNode Negate(GraphNode x, string? name = null) => Scale(x, -1, name);

    /// <summary>+c node: passes the gradient through unchanged.</summary>
    public GraphNode AddConstant(GraphNode x, double c, string? name = null) =>
        Trace(GraphOp.AddConstant, "+", name, [x], x.Value + c, [1], dout => [dout], c);

    /// <summary>exp node: its local derivative is its own output, exp(x).</summary>
    public GraphNode Exp(GraphNode x, string? name = null)
    {
        double y = Math.Exp(x.Value);
        return Trace(GraphOp.Exp, "exp", name, [x], y, [y], dout => [dout * y]);
    }

    /// <summary>/ node, y = 1/x: its local derivative is −1/x² = −y².</summary>
    public GraphNode Reciprocal(GraphNode x, string? name = null)
    {
        double y = 1 / x.Value;
        return Trace(GraphOp.Reciprocal, "/", name, [x], y, [-y * y], dout => [dout * -y * y]);
    }

    /// <summary>log node (natural log) of the cross-entropy error, Figure 5-29: its local derivative is 1/x.</summary>
    public GraphNode Log(GraphNode x, string? name = null)
    {
        double local = 1 / x.Value;
        return Trace(GraphOp.Log, "log", name, [x], Math.Log(x.Value), [local], dout => [dout * local]);
    }

    /// <summary>The sigmoid of §5.5.2 as its four steps: ×(−1), exp, +1, /.</summary>
    public GraphNode Sigmoid(GraphNode x, string? name = "y") =>
        Reciprocal(AddConstant(Exp(Negate(x)), 1), name);

    /// <summary>
    /// Backpropagation from <paramref name="output"/> (dL/dout = <paramref name="seed"/>), visiting nodes in
    /// reverse topological order so a value used twice receives the sum of both gradients.
    /// </summary>
    public void Backward(GraphNode output, double seed = 1)
    {
        if (!_nodes.Contains(output))
        {
            throw new ArgumentException(Pick($"Node '{output.Label}' belongs to another graph.", $"노드 '{output.Label}': 다른 그래프의 노드입니다."), nameof(output));
        }

        foreach (GraphNode node in _nodes)
        {
            node.ClearGrad();
        }

        IReadOnlyList<GraphNode> order = TopologicalOrder(output);
        output.Grad = seed;
        for (int i = order.Count - 1; i >= 0; i--)
        {
            order[i].PropagateBackward();
        }

        Output = output;
    }

    /// <summary>Inputs before the nodes that use them, ending with <paramref name="output"/>.</summary>
    public static IReadOnlyList<GraphNode> TopologicalOrder(GraphNode output)
    {
        var order = new List<GraphNode>();
        var seen = new HashSet<GraphNode>();
        var stack = new Stack<(GraphNode Node, bool Expanded)>();
        stack.Push((output, false));
        while (stack.Count > 0)
        {
            var (node, expanded) = stack.Pop();
            if (expanded)
            {
                order.Add(node);
                continue;
            }

            if (!seen.Add(node))
            {
                continue;
            }

            stack.Push((node, true));
            for (int i = node.Inputs.Count - 1; i >= 0; i--)
            {
                stack.Push((node.Inputs[i], false));
            }
        }

        return order;
    }

    /// <summary>
    /// Every operation in forward order: its inputs, value, local derivatives and, after Backward, the
    /// gradient it receives — the arithmetic behind each red number of the figure.
    /// </summary>
    public Table Steps()
    {
        var table = new Table(DisplayTexts.Step.ToString(), DisplayTexts.Node.ToString(), DisplayTexts.Inputs.ToString(), DisplayTexts.Forward.ToString(),
            DisplayTexts.LocalDerivative.ToString(), DisplayTexts.Grad.ToString())
        { Title = DisplayTexts.StepsTitle.ToString() };
        // Unnamed intermediate results are referred to by the step that made them: "#2".
        var steps = new Dictionary<GraphNode, int>();
        string Ref(GraphNode n) => n.Name ?? (steps.TryGetValue(n, out int s) ? $"#{s}" : n.Label);
        foreach (GraphNode node in _nodes.Where(n => n.Op != GraphOp.Input))
        {
            steps[node] = steps.Count + 1;
            string symbol = node.Constant is double c ? $"{node.Symbol}{Html.Compact(c)}" : node.Symbol;
            table.Add(steps[node], node.Name is null ? symbol : $"{symbol} ({node.Name})",
                string.Join(", ", node.Inputs.Select(Ref)), node.Value,
                string.Join(", ", node.LocalDerivatives.Select(Html.Compact)),
                HasGradients ? node.Grad : null);
        }

        foreach (GraphNode input in _nodes.Where(n => n.Op == GraphOp.Input))
        {
            table.Add(null, input.Label, "", input.Value, "", HasGradients ? input.Grad : null);
        }

        return table;
    }

    /// <summary>The graph as a stepper: forward node by node, backward edge by edge, inputs editable in the page.</summary>
    public GraphStepper Stepper() => new(this);

    public string ToHtml() => GraphSvg.Render(this);

    public string ToSvg() => GraphSvg.RenderSvg(this);

    public override string ToString()
    {
        var text = new StringBuilder($"ComputationalGraph: {_nodes.Count} nodes");
        foreach (GraphNode node in _nodes)
        {
            text.Append("\n  ").Append(node.Label).Append(" = ").Append(Html.Full(node.Value));
            if (HasGradients)
            {
                text.Append("   grad ").Append(Html.Full(node.Grad));
            }
        }

        return text.ToString();
    }

    private GraphNode Trace(GraphOp op, string symbol, string? name, GraphNode[] inputs, double value,
        double[] local, Func<double, double[]> backward, double? constant = null)
    {
        foreach (GraphNode input in inputs)
        {
            if (!_nodes.Contains(input))
            {
                throw new ArgumentException(Pick($"Node '{input.Label}' belongs to another graph; build each graph from its own inputs.",
                    $"노드 '{input.Label}': 다른 그래프의 노드입니다. 그래프마다 자기 입력으로 만드세요."));
            }
        }

        var node = new GraphNode(_nodes.Count, op, symbol, name, inputs, value, local, backward, constant);
        _nodes.Add(node);
        return node;
    }
}
