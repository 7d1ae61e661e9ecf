using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>ReLU layer, §5.5.1: passes x where x &gt; 0, blocks it (and its gradient) elsewhere.</summary>
public sealed class Relu : ILayer
{
    private readonly ShapedBuffers<bool[,]> _masks = ShapedBuffers.Masks();
    private readonly ShapedBuffers<Matrix<double>> _out = ShapedBuffers.Matrices();
    private bool[,]? _mask;
    private Matrix<double>? _dx;

    public Relu(string name = "Relu") => Name = name;

    public string Name { get; }

    /// <summary>True where the last forward input was &lt;= 0 (the book's <c>mask</c>).</summary>
    public bool[,]? Mask => _mask;

    public Matrix<double> Forward(Matrix<double> x)
    {
        Shape.RequireRows(x, $"{Name}.Forward");
        var mask = _mask = _masks.For(x.RowCount, x.ColumnCount);
        var y = _out.For(x.RowCount, x.ColumnCount);
        DenseOps.Relu(x, mask, y);
        return y;
    }

    // The book writes dout[mask] = 0 into the caller's array; we write into our own matrix so
    // the caller's dout (often another layer's output) is never corrupted.
    public Matrix<double> Backward(Matrix<double> dout)
    {
        Shape.RequireForward(_mask is not null, $"{Name}.Backward");
        var mask = _mask!;
        if (dout.RowCount != mask.GetLength(0) || dout.ColumnCount != mask.GetLength(1))
        {
            throw new System.ArgumentException(
                $"{Name}.Backward: dout is {Shape.Of(dout)} but the forward input was {mask.GetLength(0)}×{mask.GetLength(1)}; they must have the same shape.",
                nameof(dout));
        }
        var dx = Workspace.Reuse(ref _dx, dout.RowCount, dout.ColumnCount);
        DenseOps.Mask(dout, mask, dx);
        return dx;
    }

    public override string ToString() => $"{Name}: Relu";
}
