using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>Affine layer, §5.6.1–5.6.2: y = x·W + b for a batch x with one sample per row.</summary>
/// <remarks>
/// MathNet matrices are 2-D, so "any shape" means: flatten each sample to one row first
/// (the MNIST loader already gives N×784). W and B are held by reference: an update through
/// <see cref="Parameters"/> changes the layer.
/// </remarks>
public sealed class Affine : ILayer
{
    private Matrix<double>? _x;

    /// <param name="w">The weights, inputs × outputs.</param>
    /// <param name="b">The bias as a 1 × outputs row (one row, so it updates like W).</param>
    /// <param name="name">The name errors and printouts use, e.g. "Affine1".</param>
    public Affine(Matrix<double> w, Matrix<double> b, string name = "Affine")
    {
        ArgumentNullException.ThrowIfNull(w);
        ArgumentNullException.ThrowIfNull(b);
        if (b.RowCount != 1 || b.ColumnCount != w.ColumnCount)
        {
            throw new ArgumentException(Messages.AffineBias(name, b, w), nameof(b));
        }
        (W, B, Name) = (w, b, name);
    }

    /// <summary>Convenience: the bias as a vector, stored as a 1×n row.</summary>
    public Affine(Matrix<double> w, Vector<double> b, string name = "Affine")
        : this(w, (b ?? throw new ArgumentNullException(nameof(b))).ToRowMatrix(), name)
    {
    }

    public string Name { get; }

    public Matrix<double> W { get; }

    public Matrix<double> B { get; }

    /// <summary>∂L/∂W from the last backward: xᵀ·dout.</summary>
    public Matrix<double>? DW { get; private set; }

    /// <summary>∂L/∂b from the last backward: the column sums of dout, as a 1×n row.</summary>
    public Matrix<double>? DB { get; private set; }

    public Matrix<double> Forward(Matrix<double> x)
    {
        Shape.RequireBatch(x, Name);
        if (x.ColumnCount != W.RowCount)
        {
            throw new ArgumentException(Messages.AffineColumns(Name, x, W), nameof(x));
        }
        _x = x;
        return x * W + Broadcast(B, x.RowCount);
    }

    public Matrix<double> Backward(Matrix<double> dout)
    {
        Shape.RequireForward(_x is not null, Name);
        if (dout.RowCount != _x!.RowCount || dout.ColumnCount != W.ColumnCount)
        {
            throw new ArgumentException(Messages.AffineDout(Name, dout, _x.RowCount, W.ColumnCount), nameof(dout));
        }
        // dout·Wᵀ and xᵀ·dout without copying W or x into a transpose first.
        var dx = dout.TransposeAndMultiply(W);
        DW = _x.TransposeThisAndMultiply(dout);
        DB = dout.ColumnSums().ToRowMatrix();
        return dx;
    }

    // numpy broadcasts b over the batch; MathNet does not, so the 1×n row is repeated: column j is one run of b[0, j].
    private static Matrix<double> Broadcast(Matrix<double> b, int rows)
    {
        var values = new double[rows * b.ColumnCount];
        for (int j = 0; j < b.ColumnCount; j++)
        {
            Array.Fill(values, b[0, j], j * rows, rows);
        }
        return Matrix<double>.Build.Dense(rows, b.ColumnCount, values);
    }

    public override string ToString() => $"{Name}: Affine W {Shape.Of(W)}, b {Shape.Of(B)}";
}
