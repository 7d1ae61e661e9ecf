using System;
using System.Collections.Generic;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's Affine layer (§5.6.2): dx = dY·Wᵀ, dW = Xᵀ·dY, db = the column sums of dY, each the shape of its variable.</summary>
internal static class AffineCheck
{
    private const string Shapes = "check the shapes: dx = dY·Wᵀ is N×in, dW = Xᵀ·dY is in×out, db sums dY over the batch into 1×out";

    public static CheckResult Run(Func<Matrix<double>, Matrix<double>, ILayer> create, string name)
    {
        var run = new CheckRun("Affine");
        run.Step("Forward", () => Each(create, Forward), Shapes);
        run.Step("dx", () => Each(create, Dx), Shapes);
        run.Step("dW", () => Each(create, DW), Shapes);
        run.Step("db", () => Each(create, Db), Shapes);
        run.Step("leaves x and dout alone", () => Each(create, LeavesInputs));
        return run.Finish(
            $"{name} passes: y, dx, dW and db agree with the library's Affine on 5 inputs (batch 1 and 5, a square W, one output, large values).",
            $"write {name}'s Forward and Backward (they still throw NotImplementedException)");
    }

    private sealed record Case(string Label, Matrix<double> W, Matrix<double> B, Matrix<double> X)
    {
        public Matrix<double> Dout => Cases.Dout(X * W, 11);
    }

    private static IEnumerable<Case> All()
    {
        yield return new("a batch of 1", Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), Cases.Random(1, 2, 5));
        yield return new("a batch of 5", Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), Cases.Random(5, 2, 6));
        yield return new("a square W (3×3)", Cases.Random(3, 3, 8), Cases.Random(1, 3, 9), Cases.Random(4, 3, 10));
        yield return new("one output (W 3×1)", Cases.Random(3, 1, 12), Cases.Random(1, 1, 13), Cases.Random(5, 3, 14));
        yield return new("large values", 1000 * Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), 1000 * Cases.Random(3, 2, 15));
    }

    private static string? Each(Func<Matrix<double>, Matrix<double>, ILayer> create, Func<Case, ILayer, string?> part)
    {
        foreach (var c in All())
        {
            if (part(c, create(c.W.Clone(), c.B.Clone())) is { } hint)
            {
                return $"on {c.Label}, {hint}";
            }
        }

        return null;
    }

    private static (Matrix<double>? Dx, Matrix<double>? DW, Matrix<double>? DB, Affine Reference) Backward(Case c, ILayer layer)
    {
        var probe = LayerProbe.Run(layer, c.X, c.Dout);
        var reference = new Affine(c.W.Clone(), c.B.Clone());
        reference.Forward(c.X);
        reference.Backward(c.Dout);
        return (probe.Dx, Members.Matrix(layer, "DW")?.Clone(), Members.Matrix(layer, "DB")?.Clone(), reference);
    }

    private static string? Forward(Case c, ILayer layer)
    {
        var y = LayerProbe.Run(layer, c.X, null).Y;
        var want = c.X * c.W + Matrix<double>.Build.Dense(c.X.RowCount, 1, 1.0) * c.B;
        return Compare.Close(y, c.X * c.W) && !Compare.Close(want, c.X * c.W)
            ? "Forward leaves out the bias: y = x·W + b."
            : Compare.Difference("y", y, want, "x·W + b") is { } d ? d + " Forward is y = x·W + b, b added to every row." : null;
    }

    private static string? Dx(Case c, ILayer layer)
    {
        var (dx, _, _, _) = Backward(c, layer);
        var want = c.Dout * c.W.Transpose();
        if (Compare.Close(dx, want))
        {
            return null;
        }

        if (dx is not null && Compare.SameShape(dx, want.Transpose()) && !Compare.SameShape(dx, want))
        {
            return $"dx has shape {Shape.Of(dx)} but x is {Shape.Of(c.X)}: dx = dY·Wᵀ, not W·dYᵀ.";
        }

        return c.W.RowCount == c.W.ColumnCount && Compare.Close(dx, c.Dout * c.W)
            ? "dx = dY·W uses W untransposed; dx = dY·Wᵀ."
            : Compare.Difference("dx", dx, want, "x") is { } d ? d + " dx = dY·Wᵀ." : null;
    }

    private static string? DW(Case c, ILayer layer)
    {
        var (_, dW, _, reference) = Backward(c, layer);
        var want = reference.DW!.Clone();
        if (dW is null)
        {
            return "DW is still null after Backward: set DW = Xᵀ·dY (keep x from Forward).";
        }

        if (Compare.Close(dW, want))
        {
            return null;
        }

        if (!Compare.SameShape(dW, want) && Compare.SameShape(dW, want.Transpose()))
        {
            return $"dW has shape {Shape.Of(dW)} but W is {Shape.Of(c.W)}: dW = Xᵀ·dY, not dYᵀ·X.";
        }

        if (Compare.Close(dW, want.Transpose()) && !Compare.Close(want, want.Transpose()))
        {
            return "dW is the transpose of the right answer: dW = Xᵀ·dY, not dYᵀ·X.";
        }

        return c.X.RowCount > 1 && Compare.Close(dW, want / c.X.RowCount)
            ? $"dW is divided by the batch size {c.X.RowCount}: the Affine layer sums over the batch (the loss already took the mean)."
            : Compare.Difference("dW", dW, want, "W") is { } d ? d + " dW = Xᵀ·dY." : null;
    }

    private static string? Db(Case c, ILayer layer)
    {
        var (_, _, db, reference) = Backward(c, layer);
        var want = reference.DB!.Clone();
        if (db is null)
        {
            return "DB is still null after Backward: set DB to the sum of dY over the batch.";
        }

        if (Compare.Close(db, want))
        {
            return null;
        }

        if (Compare.Close(db, c.Dout) && c.X.RowCount > 1)
        {
            return $"db has shape {Shape.Of(db)} but b is {Shape.Of(c.B)}: sum dY over the batch (its rows).";
        }

        if (c.X.RowCount > 1 && Compare.Close(db, want / c.X.RowCount))
        {
            return "db is the mean of dY over the batch; it is the sum (b was added to every row, so every row's gradient counts).";
        }

        return c.X.RowCount > 1 && Compare.Close(db, c.Dout.SubMatrix(0, 1, 0, c.Dout.ColumnCount))
            ? "db is only the first row of dY; sum every row."
            : Compare.Difference("db", db, want, "b") is { } d ? d + " db is the sum of dY over the batch." : null;
    }

    private static string? LeavesInputs(Case c, ILayer layer)
    {
        var probe = LayerProbe.Run(layer, c.X, c.Dout);
        return probe.ChangedX ? LayerProbe.LeaveX : probe.ChangedDout ? LayerProbe.LeaveDout : null;
    }
}
