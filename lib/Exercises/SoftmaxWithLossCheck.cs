using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's Softmax-with-Loss layer (§5.6.3): the mean cross-entropy forward, (y − t) / N backward.</summary>
internal static class SoftmaxWithLossCheck
{
    private const string Overflow =
        "exp of a large score overflows: subtract each row's own maximum before exp (the maximum of the whole batch is not enough).";

    public static CheckResult Run(Func<object> create, string name)
    {
        var run = new CheckRun("SoftmaxWithLoss");
        run.Step("loss", () => Loss(create));
        run.Step("dx for a batch of 1", () => Dx(create, All()[0]));
        run.Step("dx for a batch of N", () => Dx(create, All()[1]) ?? Dx(create, All()[2]));
        run.Step("leaves x and t alone", () => LeavesInputs(create));
        return run.Finish(
            $"{name} passes: the loss and dx = (y − t) / N agree with the library's SoftmaxWithLoss on batches of 1 and 4 and on large scores.",
            $"write {name}'s Forward and Backward (they still throw NotImplementedException)");
    }

    private sealed record Case(string Label, Matrix<double> X, Matrix<double> T);

    private static List<Case> All() =>
    [
        new("a batch of 1", Matrix<double>.Build.DenseOfRowArrays(new[] { 0.3, 2.9, 4.0 }), OneHot(3, 2)),
        new("a batch of 4", Cases.Random(4, 3, 21), OneHot(3, 0, 2, 1, 2)),
        new("large scores", Matrix<double>.Build.DenseOfRowArrays(new[] { 1000.0, 1001.0, 1002.0 }, new[] { -1000.0, -999.0, -998.5 }), OneHot(3, 1, 2)),
    ];

    private static Matrix<double> OneHot(int classes, params int[] answers) =>
        Matrix<double>.Build.Dense(answers.Length, classes, (i, j) => answers[i] == j ? 1.0 : 0.0);

    private static string? Loss(Func<object> create)
    {
        foreach (var c in All())
        {
            double loss = StudentLossLayer.From(create()).Forward(c.X.Clone(), c.T.Clone());
            double want = Functions.CrossEntropyError(Functions.Softmax(c.X), c.T);
            if (double.IsNaN(loss) || double.IsInfinity(loss))
            {
                return $"on {c.Label} the loss is {loss}: {Overflow}";
            }

            if (c.X.RowCount > 1 && Compare.Close(loss, want * c.X.RowCount, 1e-5))
            {
                return $"on {c.Label} the loss is the sum over the batch; it is the mean (divide by the batch size {c.X.RowCount}).";
            }

            if (!Compare.Close(loss, want, 1e-5))
            {
                return $"on {c.Label} the loss is {Compare.Number(loss)} but should be {Compare.Number(want)}: softmax, then −Σ t·log(y), averaged over the batch.";
            }
        }

        return null;
    }

    private static string? Dx(Func<object> create, Case c)
    {
        var layer = StudentLossLayer.From(create());
        layer.Forward(c.X.Clone(), c.T.Clone());
        var dx = layer.Backward();
        var reference = new SoftmaxWithLoss();
        reference.Forward(c.X, c.T);
        var want = reference.Backward(1).Clone();
        int n = c.X.RowCount;
        if (Compare.Close(dx, want))
        {
            return null;
        }

        if (dx is not null && (dx.Exists(double.IsNaN) || dx.Exists(double.IsInfinity)))
        {
            return $"on {c.Label} dx holds NaN or ∞: {Overflow}";
        }

        if (n > 1 && Compare.Close(dx, want * n))
        {
            return $"dx is {n} times too large on {c.Label}: divide (y − t) by the batch size, as the loss is the mean over the batch.";
        }

        if (Compare.Close(dx, -want))
        {
            return "dx has the wrong sign: it is y − t, the prediction minus the answer.";
        }

        if (Compare.Close(dx, (want * n + c.T) / n) || Compare.Close(dx, want * n + c.T))
        {
            return "dx is the softmax y alone: subtract the one-hot answer t.";
        }

        return Compare.Difference("dx", dx, want, "x") is { } d ? $"on {c.Label}, {d} dx = (y − t) / batch size." : null;
    }

    private static string? LeavesInputs(Func<object> create)
    {
        foreach (var c in All())
        {
            var (x, t) = (c.X.Clone(), c.T.Clone());
            var layer = StudentLossLayer.From(create());
            layer.Forward(x, t);
            layer.Backward();
            if (Compare.Changed(x, c.X) || Compare.Changed(t, c.T))
            {
                return "Forward or Backward changed the scores x or the answers t it was given; compute into new matrices.";
            }
        }

        return null;
    }
}
