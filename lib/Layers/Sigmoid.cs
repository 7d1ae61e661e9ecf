using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>Sigmoid layer, §5.5.2: backward needs only the forward output y, dout·(1 − y)·y.</summary>
public sealed class Sigmoid : ILayer
{
    public Sigmoid(string name = "Sigmoid") => Name = name;

    public string Name { get; }

    /// <summary>The last forward output y (the book's <c>out</c>).</summary>
    public Matrix<double>? Out { get; private set; }

    public Matrix<double> Forward(Matrix<double> x)
    {
        Shape.RequireBatch(x, Name);
        Out = Functions.Sigmoid(x);
        return Out.Clone();
    }

    public Matrix<double> Backward(Matrix<double> dout)
    {
        Shape.RequireForward(Out is not null, Name);
        var y = Out!;
        Shape.RequireSame(dout, y, $"{Name}.Backward", nameof(dout), Messages.ForwardOutput);
        return dout.MapIndexed((i, j, d) => d * (1.0 - y[i, j]) * y[i, j]);
    }

    public override string ToString() => $"{Name}: Sigmoid";
}
