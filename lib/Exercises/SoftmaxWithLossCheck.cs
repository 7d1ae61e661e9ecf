using System;
using System.Collections.Generic;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's Softmax-with-Loss layer (§5.6.3): the mean cross-entropy forward, (y − t) / N backward.</summary>
internal static class SoftmaxWithLossCheck
{
    private static string Overflow => Pick(
        "exp of a large score overflows: subtract each row's own maximum before exp (the maximum of the whole batch is not enough).",
        "큰 점수의 exp가 오버플로됩니다: exp 전에 각 행에서 그 행의 최댓값을 빼세요 (배치 전체의 최댓값으로는 부족합니다).");

    public static CheckResult Run(Func<object> create, string name)
    {
        var run = new CheckRun("SoftmaxWithLoss");
        run.Step(Pick("loss", "손실"), () => Loss(create));
        run.Step(Pick("dx for a batch of 1", "배치 크기 1의 dx"), () => Dx(create, All()[0]));
        run.Step(Pick("dx for a batch of N", "배치 크기 N의 dx"), () => Dx(create, All()[1]) ?? Dx(create, All()[2]));
        run.Step(Pick("leaves x and t alone", "x와 t를 바꾸지 않음"), () => LeavesInputs(create));
        return run.Finish(
            Pick($"{name} passes: the loss and dx = (y − t) / N agree with the library's SoftmaxWithLoss on batches of 1 and 4 and on large scores.",
                $"{name} 통과: 배치 크기 1과 4, 큰 점수에서 손실과 dx = (y − t) / N이 라이브러리의 SoftmaxWithLoss와 같습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
    }

    private sealed record Case(string Label, Matrix<double> X, Matrix<double> T);

    private static List<Case> All() =>
    [
        new(Pick("a batch of 1", "배치 크기 1"), Matrix<double>.Build.DenseOfRowArrays(new[] { 0.3, 2.9, 4.0 }), OneHot(3, 2)),
        new(Pick("a batch of 4", "배치 크기 4"), Cases.Random(4, 3, 21), OneHot(3, 0, 2, 1, 2)),
        new(Pick("large scores", "큰 점수"), Matrix<double>.Build.DenseOfRowArrays(new[] { 1000.0, 1001.0, 1002.0 }, new[] { -1000.0, -999.0, -998.5 }), OneHot(3, 1, 2)),
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
                return Pick($"on {c.Label} the loss is {loss}: {Overflow}", $"{c.Label}에서 손실이 {loss}입니다: {Overflow}");
            }

            if (c.X.RowCount > 1 && Compare.Close(loss, want * c.X.RowCount, 1e-5))
            {
                return Pick($"on {c.Label} the loss is the sum over the batch; it is the mean (divide by the batch size {c.X.RowCount}).",
                    $"{c.Label}에서 손실이 배치 전체의 합입니다. 손실은 평균입니다 (배치 크기 {c.X.RowCount}로 나누세요).");
            }

            if (!Compare.Close(loss, want, 1e-5))
            {
                return Pick($"on {c.Label} the loss is {Compare.Number(loss)} but should be {Compare.Number(want)}: softmax, then −Σ t·log(y), averaged over the batch.",
                    $"{c.Label}에서 손실이 {Compare.Number(loss)}입니다. 맞는 값은 {Compare.Number(want)}입니다: 소프트맥스 다음에 −Σ t·log(y), 그리고 배치 평균.");
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
            return Pick($"on {c.Label} dx holds NaN or ∞: {Overflow}", $"{c.Label}에서 dx에 NaN이나 ∞가 있습니다: {Overflow}");
        }

        if (n > 1 && Compare.Close(dx, want * n))
        {
            return Pick($"dx is {n} times too large on {c.Label}: divide (y − t) by the batch size, as the loss is the mean over the batch.",
                $"{c.Label}에서 dx가 {n}배 큽니다: 손실이 배치 평균이므로 (y − t)를 배치 크기로 나누세요.");
        }

        if (Compare.Close(dx, -want))
        {
            return Pick("dx has the wrong sign: it is y − t, the prediction minus the answer.", "dx의 부호가 반대입니다: dx는 y − t, 즉 예측에서 정답을 뺀 값입니다.");
        }

        if (Compare.Close(dx, (want * n + c.T) / n) || Compare.Close(dx, want * n + c.T))
        {
            return Pick("dx is the softmax y alone: subtract the one-hot answer t.", "dx가 소프트맥스 출력 y뿐입니다: 원-핫 정답 t를 빼세요.");
        }

        return Compare.Difference("dx", dx, want, "x") is { } d
            ? Pick($"on {c.Label}, {d} dx = (y − t) / batch size.", $"{c.Label}에서: {d} dx = (y − t) / 배치 크기.") : null;
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
                return Pick("Forward or Backward changed the scores x or the answers t it was given; compute into new matrices.",
                    "Forward나 Backward가 받은 점수 x나 정답 t를 바꿨습니다. 결과는 새 행렬에 계산하세요.");
            }
        }

        return null;
    }
}
