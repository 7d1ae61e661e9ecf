using System;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's Sigmoid layer (§5.5.2) against the library's <see cref="Sigmoid"/> and numerical gradients.</summary>
internal static class SigmoidCheck
{
    public static CheckResult Run(Func<ILayer> create, string name)
    {
        var run = new CheckRun("Sigmoid");
        run.Step("Forward", () => Forward(create));
        run.Step("Backward", () => Backward(create));
        run.Step("leaves x and dout alone", () => LayerProbe.LeavesInputs(create, Cases.ElementWise()));
        return run.Finish(
            $"{name} passes: Forward and Backward agree with the library's Sigmoid and with numerical gradients on 4 inputs ({Cases.Described}).",
            $"write {name}'s Forward and Backward (they still throw NotImplementedException)");
    }

    private static string? Forward(Func<ILayer> create)
    {
        foreach (var (label, x) in Cases.ElementWise())
        {
            var y = LayerProbe.Run(create(), x, null).Y;
            var want = Functions.Sigmoid(x);
            if (Compare.Close(y, want))
            {
                continue;
            }

            if (y.Exists(double.IsNaN) || y.Exists(double.IsInfinity))
            {
                return $"on {label} Forward gives NaN or ∞: exp of a large x overflows; 1 / (1 + exp(−x)) stays finite for every x.";
            }

            if (Compare.Close(y, x.Map(v => 1.0 / (1.0 + Math.Exp(v)))))
            {
                return "Forward computes 1 / (1 + exp(x)); the sigmoid is 1 / (1 + exp(−x)).";
            }

            if (Compare.Difference("out", y, want, "x") is { } difference)
            {
                return $"on {label}, {difference} The sigmoid is y = 1 / (1 + exp(−x)).";
            }
        }

        return null;
    }

    private static string? Backward(Func<ILayer> create)
    {
        foreach (var (label, x) in Cases.ElementWise())
        {
            var dout = Cases.Dout(x);
            var dx = LayerProbe.Run(create(), x, dout).Dx!;
            var reference = new Sigmoid();
            var y = reference.Forward(x).Clone();
            var want = reference.Backward(dout).Clone();
            if (Compare.Close(dx, want))
            {
                var numerical = Functions.NumericalGradient(m => Functions.Sigmoid(m).PointwiseMultiply(dout).Enumerate().Sum(), x.Clone());
                if (!Compare.Close(dx, numerical, 1e-6))
                {
                    return $"on {label} dx disagrees with the numerical gradient: {Compare.Difference("dx", dx, numerical, "x", 1e-6)}";
                }

                continue;
            }

            if (Compare.Close(dx, dout.PointwiseMultiply(x.Map(v => (1 - v) * v))))
            {
                return "your Sigmoid backward uses x; the layer only kept y (the book's out): dx = dout·(1 − y)·y with y from Forward.";
            }

            if (Compare.Close(dx, y.Map(v => (1 - v) * v)))
            {
                return "dx ignores dout: multiply the local derivative (1 − y)·y by the gradient that arrives.";
            }

            if (Compare.Close(dx, dout.PointwiseMultiply(y)) || Compare.Close(dx, dout.PointwiseMultiply(y.Map(v => 1 - v))))
            {
                return "dx misses a factor: the sigmoid's local derivative is (1 − y)·y, both factors.";
            }

            return $"on {label}, {Compare.Difference("dx", dx, want, "x")} The backward pass is dx = dout·(1 − y)·y.";
        }

        return null;
    }
}
