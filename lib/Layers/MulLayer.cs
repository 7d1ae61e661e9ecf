namespace Backprop;

/// <summary>Multiplication node of the computational graph, §5.4.1.</summary>
public sealed class MulLayer
{
    private double _x;
    private double _y;

    public double Forward(double x, double y)
    {
        _x = x;
        _y = y;
        return x * y;
    }

    // The upstream gradient is multiplied by the *other* input: the inputs are swapped.
    public (double dx, double dy) Backward(double dout) => (dout * _y, dout * _x);
}
