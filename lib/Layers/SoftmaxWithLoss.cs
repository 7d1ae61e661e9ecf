using System;
using Backprop.LinearAlgebra;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>Softmax-with-Loss layer, §5.6.3: softmax then cross-entropy; backward is (y − t) / batch.</summary>
public sealed class SoftmaxWithLoss
{
    private Labels? _t;
    private Matrix<double>? _y;
    private Matrix<double>? _dx;

    private readonly string _forward;

    public SoftmaxWithLoss(string name = "SoftmaxWithLoss")
    {
        Name = name;
        _forward = $"{name}.Forward"; // for error messages, made once rather than on every step
    }

    public string Name { get; }

    /// <summary>The guard inside the log, 1e-7 as in the book; set 0 for an exact gradient check.</summary>
    public double Delta { get; set; } = Functions.DefaultDelta;

    /// <summary>The softmax output y of the last forward.</summary>
    public Matrix<double>? Y { get; private set; }

    /// <summary>The loss of the last forward.</summary>
    public double Loss { get; private set; }

    /// <summary>Loss of the scores x against t (one-hot rows or class indices).</summary>
    public double Forward(Matrix<double> x, Labels t)
    {
        ArgumentNullException.ThrowIfNull(t);
        Shape.RequireBatch(x, Name);
        t.Check(x, _forward);
        _t = t;
        Y = Workspace.Reuse(ref _y, x.RowCount, x.ColumnCount);
        DenseOps.SoftmaxRows(x, Y);
        Loss = Functions.CrossEntropyError(Y, t, Delta);
        return Loss;
    }

    public Matrix<double> Backward(double dout = 1)
    {
        Shape.RequireForward(Y is not null, Name);
        var dx = Workspace.Reuse(ref _dx, Y!.RowCount, Y.ColumnCount);
        Gradient(Y, _t!, dx);
        if (dout != 1)
        {
            dx.Multiply(dout, dx);
        }
        return dx;
    }

    /// <summary>(y − t) / batch: the gradient at the scores, from a given softmax output y.</summary>
    internal static Matrix<double> Gradient(Matrix<double> y, Labels t)
    {
        var dx = Matrix<double>.Build.Dense(y.RowCount, y.ColumnCount);
        Gradient(y, t, dx);
        return dx;
    }

    /// <summary>(y − t) / batch written into dx.</summary>
    internal static void Gradient(Matrix<double> y, Labels t, Matrix<double> dx)
    {
        int batch = y.RowCount;
        if (t.OneHot is { } oneHot)
        {
            DenseOps.SubtractThenDivide(y, oneHot, batch, dx);
            return;
        }

        y.CopyTo(dx);
        var indices = t.Indices!;
        for (int i = 0; i < batch; i++)
        {
            dx[i, indices[i]] -= 1;
        }
        dx.Divide(batch, dx);
    }

    public override string ToString() => $"{Name}: SoftmaxWithLoss (delta {Delta:R})";
}
