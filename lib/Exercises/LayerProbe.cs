using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

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
        var y = layer.Forward(xCopy) ?? throw new InvalidOperationException(Pick("Forward returned null", "Forward가 null을 반환했습니다"));
        y = y.Clone();
        bool changedX = Compare.Changed(xCopy, x);
        if (dout is null)
        {
            return new LayerProbe(y, null, changedX, false);
        }

        var doutCopy = dout.Clone();
        var dx = layer.Backward(doutCopy)?.Clone() ?? throw new InvalidOperationException(Pick("Backward returned null", "Backward가 null을 반환했습니다"));
        return new LayerProbe(y, dx, changedX, Compare.Changed(doutCopy, dout));
    }

    public static string LeaveX => Pick("Forward changed x itself; work on a copy (x.Clone()) so the caller's matrix stays as it was.",
        "Forward가 x 자체를 바꿨습니다. 복사본(x.Clone())으로 계산해서 호출한 쪽의 행렬은 그대로 두세요.");

    public static string LeaveDout => Pick(
        "Backward changed dout itself (the book's dout[mask] = 0 writes into the caller's array, often another layer's output); start from var dx = dout.Clone().",
        "Backward가 dout 자체를 바꿨습니다 (책의 dout[mask] = 0은 호출한 쪽의 배열, 흔히 다른 계층의 출력에 그대로 씁니다). var dx = dout.Clone()에서 시작하세요.");

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
