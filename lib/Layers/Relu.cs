using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>ReLU layer, §5.5.1: passes x where x &gt; 0, blocks it (and its gradient) elsewhere.</summary>
public sealed class Relu : ILayer
{
    private readonly ShapedBuffers<BitMask> _masks = ShapedBuffers.Masks();
    private readonly ShapedBuffers<Matrix<double>> _out = ShapedBuffers.Matrices();
    private BitMask? _mask;
    private bool[,]? _shownMask;
    private Matrix<double>? _dx;

    public Relu(string name = "Relu") => Name = name;

    public string Name { get; }

    /// <summary>True where the last forward input was &lt;= 0 (the book's <c>mask</c>).</summary>
    /// <remarks>The layer keeps it as bits; this array is made from them on first use after each forward.</remarks>
    public bool[,]? Mask => _shownMask ??= _mask?.ToArray();

    public Matrix<double> Forward(Matrix<double> x)
    {
        Shape.RequireBatch(x, Name);
        var mask = _mask = _masks.For(x.RowCount, x.ColumnCount);
        _shownMask = null;
        var y = _out.For(x.RowCount, x.ColumnCount);
        DenseOps.Relu(x, mask, y);
        return y;
    }

    // The book writes dout[mask] = 0 into the caller's array; we write into our own matrix so
    // the caller's dout (often another layer's output) is never corrupted.
    public Matrix<double> Backward(Matrix<double> dout)
    {
        Shape.RequireForward(_mask is not null, Name);
        var mask = _mask!;
        if (dout.RowCount != mask.Rows || dout.ColumnCount != mask.Columns)
        {
            throw new System.ArgumentException(
                $"{Name}.Backward: dout is {Shape.Of(dout)} but the forward input was {mask.Rows}×{mask.Columns}; they must have the same shape.",
                nameof(dout));
        }
        var dx = Workspace.Reuse(ref _dx, dout.RowCount, dout.ColumnCount);
        DenseOps.Mask(dout, mask, dx);
        return dx;
    }

    public override string ToString() => $"{Name}: Relu";
}
