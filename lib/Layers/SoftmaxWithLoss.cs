using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>Softmax-with-Loss layer, §5.6.3: softmax then cross-entropy; backward is (y − t) / batch.</summary>
public sealed class SoftmaxWithLoss
{
    private Labels? _t;

    public SoftmaxWithLoss(string name = "SoftmaxWithLoss") => Name = name;

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
        t.Check(x, $"{Name}.Forward");
        _t = t;
        Y = Functions.Softmax(x);
        Loss = Functions.CrossEntropyError(Y, t, Delta);
        return Loss;
    }

    public Matrix<double> Backward(double dout = 1)
    {
        Shape.RequireForward(Y is not null, Name);
        // The book's two branches in one: y − t for one-hot t is y with 1 taken off at each right class.
        int batchSize = Y!.RowCount;
        var dx = Y.Clone();
        int[] t = _t!.ClassIndices();
        for (int i = 0; i < batchSize; i++)
        {
            dx[i, t[i]] -= 1;
        }
        dx = dx.Map(v => v / batchSize);
        return dout == 1 ? dx : dx * dout;
    }

    public override string ToString() => $"{Name}: SoftmaxWithLoss (delta {Delta:R})";
}
