using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>A hidden check: one layer object used for two batches in a row, as a network uses it, keeps only the latest forward.</summary>
internal static class ReuseCheck
{
    public static CheckResult Run(string exercise, Func<ILayer> create, Func<ILayer> reference, int inputs)
    {
        var run = new CheckRun(exercise + ", reused");
        var first = Cases.Random(5, inputs, 51);
        var second = Cases.Random(2, inputs, 52);
        run.Step("a second Forward replaces the first", () =>
        {
            var layer = create();
            layer.Forward(first.Clone());
            var probe = LayerProbe.Run(layer, second, null);
            var dout = Cases.Dout(probe.Y, 53);
            var dx = layer.Backward(dout.Clone())?.Clone();
            var want = Expected(reference, second, dout);
            var fresh = create();
            fresh.Forward(second.Clone());
            if (!Compare.Close(fresh.Backward(dout.Clone()), want))
            {
                return "Backward is not right yet even for one batch; fix what the check of the exercise says first.";
            }

            return Compare.Close(dx, want) ? null
                : "used twice, the layer's Backward still works from the first batch: keep what Backward needs from the latest Forward only.";
        });
        run.Step("Backward twice gives the same dx", () =>
        {
            var layer = create();
            var y = layer.Forward(second.Clone()).Clone();
            var dout = Cases.Dout(y, 54);
            var once = layer.Backward(dout.Clone()).Clone();
            var twice = layer.Backward(dout.Clone());
            return Compare.Close(twice, once) ? null : "a second Backward with the same dout gives another dx: Backward must not add to what the last one left.";
        });
        return run.Finish($"{exercise} passes the hidden checks: a layer used for several batches keeps only the latest.",
            "write the layer first");
    }

    private static Matrix<double> Expected(Func<ILayer> reference, Matrix<double> x, Matrix<double> dout)
    {
        var layer = reference();
        layer.Forward(x);
        return layer.Backward(dout).Clone();
    }
}
