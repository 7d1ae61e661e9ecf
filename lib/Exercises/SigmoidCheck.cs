using System;
using System.Linq;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's Sigmoid layer (§5.5.2) against the library's <see cref="Sigmoid"/> and numerical gradients.</summary>
internal static class SigmoidCheck
{
    public static CheckResult Run(Func<ILayer> create, string name)
    {
        var run = new CheckRun("Sigmoid");
        run.Step("Forward", () => Forward(create));
        run.Step("Backward", () => Backward(create));
        run.Step(CheckTexts.LeavesInputs.ToString(), () => LayerProbe.LeavesInputs(create, Cases.ElementWise()));
        return run.Finish(
            Pick($"{name} passes: Forward and Backward agree with the library's Sigmoid and with numerical gradients on 4 inputs ({Cases.Described}).",
                $"{name} 통과: 입력 4가지({Cases.Described})에서 Forward와 Backward가 라이브러리의 Sigmoid, 수치 미분으로 구한 기울기와 같습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
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
                return Pick($"on {label} Forward gives NaN or ∞: exp of a large x overflows; 1 / (1 + exp(−x)) stays finite for every x.",
                    $"{label}에서 Forward가 NaN이나 ∞를 냅니다. 큰 x의 exp는 오버플로됩니다. 1 / (1 + exp(−x))는 어떤 x에서도 유한합니다.");
            }

            if (Compare.Close(y, x.Map(v => 1.0 / (1.0 + Math.Exp(v)))))
            {
                return Pick("Forward computes 1 / (1 + exp(x)); the sigmoid is 1 / (1 + exp(−x)).", "Forward가 1 / (1 + exp(x))를 계산합니다. 시그모이드는 1 / (1 + exp(−x))입니다.");
            }

            if (Compare.Difference("out", y, want, "x") is { } difference)
            {
                return Pick($"on {label}, {difference} The sigmoid is y = 1 / (1 + exp(−x)).", $"{label}에서: {difference} 시그모이드는 y = 1 / (1 + exp(−x))입니다.");
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
                    return Pick($"on {label} dx disagrees with the numerical gradient: {Compare.Difference("dx", dx, numerical, "x", 1e-6)}",
                        $"{label}에서 dx가 수치 미분으로 구한 기울기와 다릅니다: {Compare.Difference("dx", dx, numerical, "x", 1e-6)}");
                }

                continue;
            }

            if (Compare.Close(dx, dout.PointwiseMultiply(x.Map(v => (1 - v) * v))))
            {
                return Pick("your Sigmoid backward uses x; the layer only kept y (the book's out): dx = dout·(1 − y)·y with y from Forward.",
                    "Sigmoid의 역전파가 x를 씁니다. 이 계층은 y(책의 out)만 저장합니다: Forward에서 구한 y로 dx = dout·(1 − y)·y.");
            }

            if (Compare.Close(dx, y.Map(v => (1 - v) * v)))
            {
                return Pick("dx ignores dout: multiply the local derivative (1 − y)·y by the gradient that arrives.",
                    "dx에 dout이 빠졌습니다. 국소적 미분 (1 − y)·y에 흘러 들어온 기울기를 곱하세요.");
            }

            if (Compare.Close(dx, dout.PointwiseMultiply(y)) || Compare.Close(dx, dout.PointwiseMultiply(y.Map(v => 1 - v))))
            {
                return Pick("dx misses a factor: the sigmoid's local derivative is (1 − y)·y, both factors.",
                    "dx에 인수 하나가 빠졌습니다. 시그모이드의 국소적 미분은 (1 − y)·y, 두 인수를 모두 곱합니다.");
            }

            return Pick($"on {label}, {Compare.Difference("dx", dx, want, "x")} The backward pass is dx = dout·(1 − y)·y.",
                $"{label}에서: {Compare.Difference("dx", dx, want, "x")} 역전파는 dx = dout·(1 − y)·y입니다.");
        }

        return null;
    }
}
