namespace Backprop;

/// <summary>Addition node of the computational graph, §5.4.2.</summary>
public sealed class AddLayer
{
    public double Forward(double x, double y) => x + y;

    // Addition passes the upstream gradient through unchanged, so nothing is remembered.
    public (double dx, double dy) Backward(double dout) => (dout, dout);
}
