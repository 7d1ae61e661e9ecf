using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>One forward and backward of a student's layer on copies, noting whether it changed what it was given.</summary>
internal sealed class LayerProbe
{
    private LayerProbe(Matrix<double> y, Matrix<double>? dx, bool changedX, bool changedDout)
    {
        Y = y;
        Dx = dx;
        ChangedX = changedX;
        ChangedDout = changedDout;
    }

    public Matrix<double> Y { get; }

    public Matrix<double>? Dx { get; }

    public bool ChangedX { get; }

    public bool ChangedDout { get; }

    /// <summary>Forward(x), then Backward(dout) when dout is given; the outputs are copied at once (a layer may reuse them).</summary>
    public static LayerProbe Run(ILayer layer, Matrix<double> x, Matrix<double>? dout)
    {
        var xCopy = x.Clone();
        var y = layer.Forward(xCopy) ?? throw new InvalidOperationException("Forward returned null");
        y = y.Clone();
        bool changedX = Compare.Changed(xCopy, x);
        if (dout is null)
        {
            return new LayerProbe(y, null, changedX, false);
        }

        var doutCopy = dout.Clone();
        var dx = layer.Backward(doutCopy)?.Clone() ?? throw new InvalidOperationException("Backward returned null");
        return new LayerProbe(y, dx, changedX, Compare.Changed(doutCopy, dout));
    }

    public const string LeaveX = "Forward changed x itself; work on a copy (x.Clone()) so the caller's matrix stays as it was.";

    public const string LeaveDout =
        "Backward changed dout itself (the book's dout[mask] = 0 writes into the caller's array, often another layer's output); start from var dx = dout.Clone().";

    /// <summary>The part "leaves x and dout alone": null, or the hint about the first input the layer changed.</summary>
    public static string? LeavesInputs(Func<ILayer> create, IEnumerable<(string Name, Matrix<double> X)> cases)
    {
        foreach (var (_, x) in cases)
        {
            var probe = Run(create(), x, Cases.Dout(x));
            if (probe.ChangedX)
            {
                return LeaveX;
            }

            if (probe.ChangedDout)
            {
                return LeaveDout;
            }
        }

        return null;
    }
}
