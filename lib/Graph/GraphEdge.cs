namespace Backprop;

/// <summary>An edge of the traced graph: the forward value flows right along it, the gradient flows back left.</summary>
public sealed record GraphEdge(GraphNode From, GraphNode To, int InputIndex)
{
    /// <summary>The forward value carried, written above the edge in the figures.</summary>
    public double Value => From.Value;

    /// <summary>The gradient carried back, written below the edge in red.</summary>
    public double Grad => To.EdgeGrads[InputIndex];
}
