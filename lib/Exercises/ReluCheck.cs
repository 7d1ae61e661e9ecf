using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's ReLU layer (§5.5.1) against the library's <see cref="Relu"/>.</summary>
internal static class ReluCheck
{
    public static CheckResult Run(Func<ILayer> create, string name)
    {
        var run = new CheckRun("Relu");
        run.Step("Forward", () => Forward(create));
        run.Step("Backward", () => Backward(create));
        run.Step("leaves x and dout alone", () => LayerProbe.LeavesInputs(create, Cases.ElementWise()));
        return run.Finish(
            $"{name} passes: Forward and Backward agree with the library's Relu on 4 inputs ({Cases.Described}), and leave x and dout alone.",
            $"write {name}'s Forward and Backward (they still throw NotImplementedException)");
    }

    private static string? Forward(Func<ILayer> create)
    {
        foreach (var (label, x) in Cases.ElementWise())
        {
            var y = LayerProbe.Run(create(), x, null).Y;
            var want = Functions.Relu(x);
            if (Compare.Close(y, x) && !Compare.Close(want, x))
            {
                return "Forward returns x unchanged; ReLU sets every x ≤ 0 to 0.";
            }

            if (Compare.Difference("out", y, want, "x") is { } difference)
            {
                return $"on {label}, {difference} ReLU gives x where x > 0 and 0 elsewhere.";
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
            var reference = new Relu();
            reference.Forward(x);
            var want = reference.Backward(dout).Clone();
            if (Compare.Close(dx, want))
            {
                continue;
            }

            var leaky = x.Map2((v, d) => v >= 0 ? d : 0.0, dout);
            if (Compare.Close(dx, leaky))
            {
                return "at x = 0 your backward lets the gradient through; the book's mask is x ≤ 0, so x = 0 blocks it too.";
            }

            if (Compare.Close(dx, dout))
            {
                return $"your Relu backward lets gradient through where x ≤ 0 (on {label}): set dx to 0 wherever the mask (x ≤ 0) is true.";
            }

            var inverted = dout - want;
            if (Compare.Close(dx, inverted) && !Compare.Close(want, inverted))
            {
                return "your Relu backward lets gradient through where x ≤ 0 and blocks it where x > 0: the mask is inverted (mask is true where x ≤ 0, and there dx = 0).";
            }

            if (Compare.Close(dx, x.Map(v => v > 0 ? 1.0 : 0.0)) || Compare.Close(dx, Functions.Relu(x)))
            {
                return "dx does not use dout: ReLU's backward passes the gradient that arrives, dout, where x > 0.";
            }

            return $"on {label}, {Compare.Difference("dx", dx, want, "x")} ReLU's backward is dout where x > 0, and 0 where x ≤ 0.";
        }

        return null;
    }
}
