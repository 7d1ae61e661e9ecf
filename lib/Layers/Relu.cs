using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>ReLU layer, §5.5.1: passes x where x &gt; 0, blocks it (and its gradient) elsewhere.</summary>
public sealed class Relu : ILayer
{
    public Relu(string name = "Relu") => Name = name;

    public string Name { get; }

    /// <summary>True where the last forward input was &lt;= 0 (the book's <c>mask</c>).</summary>
    public bool[,]? Mask { get; private set; }

    public Matrix<double> Forward(Matrix<double> x)
    {
        Shape.RequireBatch(x, Name);
        var mask = new bool[x.RowCount, x.ColumnCount];
        foreach (var (i, j, v) in x.EnumerateIndexed())
        {
            mask[i, j] = v <= 0;
        }
        Mask = mask;
        return x.MapIndexed((i, j, v) => mask[i, j] ? 0 : v);
    }

    // The book writes dout[mask] = 0 into the caller's array; we return a new one, so the caller's
    // dout (often another layer's output) is never changed.
    public Matrix<double> Backward(Matrix<double> dout)
    {
        Shape.RequireForward(Mask is not null, Name);
        var mask = Mask!;
        if (dout.RowCount != mask.GetLength(0) || dout.ColumnCount != mask.GetLength(1))
        {
            throw new System.ArgumentException(Messages.ReluDout(Name, dout, mask.GetLength(0), mask.GetLength(1)), nameof(dout));
        }
        return dout.MapIndexed((i, j, d) => mask[i, j] ? 0 : d);
    }

    public override string ToString() => $"{Name}: Relu";
}
