using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's <c>TwoLayerNet.Gradient</c> (§5.7.2) against the library's and against numerical gradients (§5.7.3).</summary>
internal static class GradientCheck
{
    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];

    private const string Order = "go forward with network.Loss(x, t) first, then backward from LastLayer through the layers in reverse order";

    public static CheckResult Run(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string name)
    {
        var run = new CheckRun("TwoLayerNet.Gradient");
        foreach (string key in Keys)
        {
            run.Step(key, () => Judge(gradient, key), Order);
        }

        return run.Finish(
            $"{name} passes: W1, b1, W2 and b2 agree with the library's backprop and with numerical gradients, for batches of 1 and 3.",
            $"write {name} (it still throws NotImplementedException)");
    }

    /// <summary>A hidden check: the same network asked for a second batch's gradient gets that batch's, and its weights stay.</summary>
    public static CheckResult Reused(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string name)
    {
        var run = new CheckRun("TwoLayerNet.Gradient, reused");
        run.Step("a second batch gets its own gradient", () =>
        {
            var (net, x, t) = Problem(3);
            var (_, x1, t1) = Problem(1);
            gradient(net, x, t);
            var grads = gradient(net, x1.Clone(), t1) ?? throw new InvalidOperationException("it returned null instead of the Parameters");
            var want = Problem(1).Net.Gradient(x1, t1);
            return Keys.All(k => grads.ContainsKey(k) && Compare.Close(grads[k], want[k], 1e-6)) ? null
                : "asked again for another batch, it does not give that batch's gradient: run the forward pass, network.Loss(x, t), on every call.";
        }, Order);
        run.Step("leaves the weights alone", () =>
        {
            var (net, x, t) = Problem(3);
            var before = net.Params.ToDictionary(p => p.Key, p => p.Value.Clone());
            gradient(net, x, t);
            return net.Params.Any(p => Compare.Changed(p.Value, before[p.Key])) ? "computing the gradient changed the weights; only the update step should." : null;
        });
        return run.Finish($"{name} passes the hidden checks: called again on another batch it gives that batch's gradient, and it leaves the weights alone.",
            "write Gradient first");
    }

    /// <summary>A 4-5-3 network with weights large enough that every mistake shows, and a batch for it.</summary>
    internal static (TwoLayerNet Net, Matrix<double> X, int[] T) Problem(int batch) =>
        (new TwoLayerNet(4, 5, 3, weightInitStd: 0.8, seed: 5), Cases.Random(batch, 4, 30 + batch), Enumerable.Range(0, batch).Select(i => (i * 2 + 1) % 3).ToArray());

    private static string? Judge(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string key)
    {
        foreach (int batch in new[] { 1, 3 })
        {
            var (net, x, t) = Problem(batch);
            var grads = gradient(net, x.Clone(), t) ?? throw new InvalidOperationException("it returned null instead of the Parameters");
            var (reference, _, _) = Problem(batch);
            var want = reference.Gradient(x, t)[key].Clone();
            reference.Delta = 0;
            var numerical = reference.NumericalGradient(x, t)[key];
            if (!grads.ContainsKey(key))
            {
                return $"the Parameters returned has no \"{key}\": return W1, b1, W2 and b2 (the book's grads dictionary).";
            }

            var got = grads[key];
            if (Compare.Close(got, net.Params[key]))
            {
                return $"grads[\"{key}\"] holds the parameter itself, not its gradient: take DW / DB from the Affine layers after the backward pass.";
            }

            var other = Keys.FirstOrDefault(k => k != key && Compare.SameShape(got, reference.Params[k]) && !Compare.SameShape(got, want));
            if (other is not null)
            {
                return $"grads[\"{key}\"] is {Shape.Of(got)}, the shape of {other}; {key}'s gradient has the shape of {key}, {Shape.Of(want)}: take W1 and b1 from Affine1, W2 and b2 from Affine2.";
            }

            if (Compare.Difference($"grads[\"{key}\"]", got, want, key, 1e-6) is { } d)
            {
                return $"for a batch of {batch}, {d} Compare your steps with the book's gradient(): {Order}.";
            }

            if (!Compare.Close(got, numerical, 1e-6))
            {
                return $"for a batch of {batch}, {Compare.Difference($"grads[\"{key}\"]", got, numerical, key, 1e-6)} (against the numerical gradient).";
            }
        }

        return null;
    }
}
