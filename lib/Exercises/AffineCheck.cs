using System;
using System.Collections.Generic;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's Affine layer (§5.6.2): dx = dY·Wᵀ, dW = Xᵀ·dY, db = the column sums of dY, each the shape of its variable.</summary>
internal static class AffineCheck
{
    private static string Shapes => Pick("check the shapes: dx = dY·Wᵀ is N×in, dW = Xᵀ·dY is in×out, db sums dY over the batch into 1×out",
        "모양을 확인하세요: dx = dY·Wᵀ는 N×입력 수, dW = Xᵀ·dY는 입력 수×출력 수, db는 dY를 배치 방향으로 더한 1×출력 수입니다");

    public static CheckResult Run(Func<Matrix<double>, Matrix<double>, ILayer> create, string name)
    {
        var run = new CheckRun("Affine");
        run.Step("Forward", () => Each(create, Forward), Shapes);
        run.Step("dx", () => Each(create, Dx), Shapes);
        run.Step("dW", () => Each(create, DW), Shapes);
        run.Step("db", () => Each(create, Db), Shapes);
        run.Step(CheckTexts.LeavesInputs.ToString(), () => Each(create, LeavesInputs));
        return run.Finish(
            Pick($"{name} passes: y, dx, dW and db agree with the library's Affine on 5 inputs (batch 1 and 5, a square W, one output, large values).",
                $"{name} 통과: 입력 5가지(배치 크기 1과 5, 정사각 W, 출력 하나, 큰 값)에서 y, dx, dW, db가 라이브러리의 Affine과 같습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
    }

    private sealed record Case(string Label, Matrix<double> W, Matrix<double> B, Matrix<double> X)
    {
        public Matrix<double> Dout => Cases.Dout(X * W, 11);
    }

    private static IEnumerable<Case> All()
    {
        yield return new(Pick("a batch of 1", "배치 크기 1"), Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), Cases.Random(1, 2, 5));
        yield return new(Pick("a batch of 5", "배치 크기 5"), Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), Cases.Random(5, 2, 6));
        yield return new(Pick("a square W (3×3)", "정사각 W (3×3)"), Cases.Random(3, 3, 8), Cases.Random(1, 3, 9), Cases.Random(4, 3, 10));
        yield return new(Pick("one output (W 3×1)", "출력 하나 (W 3×1)"), Cases.Random(3, 1, 12), Cases.Random(1, 1, 13), Cases.Random(5, 3, 14));
        yield return new(Pick("large values", "큰 값"), 1000 * Cases.Random(2, 3, 3), Cases.Random(1, 3, 4), 1000 * Cases.Random(3, 2, 15));
    }

    private static string? Each(Func<Matrix<double>, Matrix<double>, ILayer> create, Func<Case, ILayer, string?> part)
    {
        foreach (var c in All())
        {
            if (part(c, create(c.W.Clone(), c.B.Clone())) is { } hint)
            {
                return Pick($"on {c.Label}, {hint}", $"{c.Label}에서: {hint}");
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
            ? Pick("Forward leaves out the bias: y = x·W + b.", "Forward에 편향이 빠졌습니다: y = x·W + b.")
            : Compare.Difference("y", y, want, "x·W + b") is { } d ? d + Pick(" Forward is y = x·W + b, b added to every row.", " Forward는 y = x·W + b이고, b는 모든 행에 더합니다.") : null;
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
            return Pick($"dx has shape {Shape.Of(dx)} but x is {Shape.Of(c.X)}: dx = dY·Wᵀ, not W·dYᵀ.",
                $"dx의 모양은 {Shape.Of(dx)}인데 x는 {Shape.Of(c.X)}입니다: W·dYᵀ가 아니라 dx = dY·Wᵀ입니다.");
        }

        return c.W.RowCount == c.W.ColumnCount && Compare.Close(dx, c.Dout * c.W)
            ? Pick("dx = dY·W uses W untransposed; dx = dY·Wᵀ.", "dx = dY·W는 W를 전치하지 않았습니다: dx = dY·Wᵀ입니다.")
            : Compare.Difference("dx", dx, want, "x") is { } d ? d + " dx = dY·Wᵀ." : null;
    }

    private static string? DW(Case c, ILayer layer)
    {
        var (_, dW, _, reference) = Backward(c, layer);
        var want = reference.DW!.Clone();
        if (dW is null)
        {
            return Pick("DW is still null after Backward: set DW = Xᵀ·dY (keep x from Forward).",
                "Backward 뒤에도 DW가 null입니다: DW = Xᵀ·dY로 채우세요 (x는 Forward에서 저장해 둡니다).");
        }

        if (Compare.Close(dW, want))
        {
            return null;
        }

        if (!Compare.SameShape(dW, want) && Compare.SameShape(dW, want.Transpose()))
        {
            return Pick($"dW has shape {Shape.Of(dW)} but W is {Shape.Of(c.W)}: dW = Xᵀ·dY, not dYᵀ·X.",
                $"dW의 모양은 {Shape.Of(dW)}인데 W는 {Shape.Of(c.W)}입니다: dYᵀ·X가 아니라 dW = Xᵀ·dY입니다.");
        }

        if (Compare.Close(dW, want.Transpose()) && !Compare.Close(want, want.Transpose()))
        {
            return Pick("dW is the transpose of the right answer: dW = Xᵀ·dY, not dYᵀ·X.", "dW가 정답을 전치한 것입니다: dYᵀ·X가 아니라 dW = Xᵀ·dY입니다.");
        }

        return c.X.RowCount > 1 && Compare.Close(dW, want / c.X.RowCount)
            ? Pick($"dW is divided by the batch size {c.X.RowCount}: the Affine layer sums over the batch (the loss already took the mean).",
                $"dW를 배치 크기 {c.X.RowCount}로 나눴습니다: Affine 계층은 배치 전체를 더합니다 (평균은 손실 함수에서 이미 냈습니다).")
            : Compare.Difference("dW", dW, want, "W") is { } d ? d + " dW = Xᵀ·dY." : null;
    }

    private static string? Db(Case c, ILayer layer)
    {
        var (_, _, db, reference) = Backward(c, layer);
        var want = reference.DB!.Clone();
        if (db is null)
        {
            return Pick("DB is still null after Backward: set DB to the sum of dY over the batch.", "Backward 뒤에도 DB가 null입니다: DB를 dY의 배치 방향 합으로 채우세요.");
        }

        if (Compare.Close(db, want))
        {
            return null;
        }

        if (Compare.Close(db, c.Dout) && c.X.RowCount > 1)
        {
            return Pick($"db has shape {Shape.Of(db)} but b is {Shape.Of(c.B)}: sum dY over the batch (its rows).",
                $"db의 모양은 {Shape.Of(db)}인데 b는 {Shape.Of(c.B)}입니다: dY를 배치 방향(행)으로 더하세요.");
        }

        if (c.X.RowCount > 1 && Compare.Close(db, want / c.X.RowCount))
        {
            return Pick("db is the mean of dY over the batch; it is the sum (b was added to every row, so every row's gradient counts).",
                "db가 dY의 배치 평균입니다. 평균이 아니라 합입니다 (b는 모든 행에 더해졌으므로 모든 행의 기울기가 들어갑니다).");
        }

        return c.X.RowCount > 1 && Compare.Close(db, c.Dout.SubMatrix(0, 1, 0, c.Dout.ColumnCount))
            ? Pick("db is only the first row of dY; sum every row.", "db가 dY의 첫 행뿐입니다. 모든 행을 더하세요.")
            : Compare.Difference("db", db, want, "b") is { } d ? d + Pick(" db is the sum of dY over the batch.", " db는 dY를 배치 방향으로 더한 것입니다.") : null;
    }

    private static string? LeavesInputs(Case c, ILayer layer)
    {
        var probe = LayerProbe.Run(layer, c.X, c.Dout);
        return probe.ChangedX ? LayerProbe.LeaveX : probe.ChangedDout ? LayerProbe.LeaveDout : null;
    }
}
