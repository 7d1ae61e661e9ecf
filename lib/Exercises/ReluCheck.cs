using System;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's ReLU layer (§5.5.1) against the library's <see cref="Relu"/>.</summary>
internal static class ReluCheck
{
    public static CheckResult Run(Func<ILayer> create, string name)
    {
        var run = new CheckRun("Relu");
        run.Step("Forward", () => Forward(create));
        run.Step("Backward", () => Backward(create));
        run.Step(CheckTexts.LeavesInputs.ToString(), () => LayerProbe.LeavesInputs(create, Cases.ElementWise()));
        return run.Finish(
            Pick($"{name} passes: Forward and Backward agree with the library's Relu on 4 inputs ({Cases.Described}), and leave x and dout alone.",
                $"{name} 통과: 입력 4가지({Cases.Described})에서 Forward와 Backward가 라이브러리의 Relu와 같고, x와 dout을 바꾸지 않습니다."),
            CheckTexts.WriteForwardBackward.Fill(("name", name)));
    }

    private static string? Forward(Func<ILayer> create)
    {
        foreach (var (label, x) in Cases.ElementWise())
        {
            var y = LayerProbe.Run(create(), x, null).Y;
            var want = Functions.Relu(x);
            if (Compare.Close(y, x) && !Compare.Close(want, x))
            {
                return Pick("Forward returns x unchanged; ReLU sets every x ≤ 0 to 0.", "Forward가 x를 그대로 반환합니다. ReLU는 x ≤ 0인 원소를 모두 0으로 만듭니다.");
            }

            if (Compare.Difference("out", y, want, "x") is { } difference)
            {
                return Pick($"on {label}, {difference} ReLU gives x where x > 0 and 0 elsewhere.", $"{label}에서: {difference} ReLU는 x > 0이면 x, 그 밖에는 0입니다.");
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
                return Pick("at x = 0 your backward lets the gradient through; the book's mask is x ≤ 0, so x = 0 blocks it too.",
                    "x = 0에서 역전파가 기울기를 통과시킵니다. 책의 mask는 x ≤ 0이므로 x = 0에서도 기울기를 막아야 합니다.");
            }

            if (Compare.Close(dx, dout))
            {
                return Pick($"your Relu backward lets gradient through where x ≤ 0 (on {label}): set dx to 0 wherever the mask (x ≤ 0) is true.",
                    $"Relu의 역전파가 x ≤ 0인 곳에서도 기울기를 통과시킵니다 ({label}에서). mask(x ≤ 0)가 true인 곳은 dx를 0으로 두세요.");
            }

            var inverted = dout - want;
            if (Compare.Close(dx, inverted) && !Compare.Close(want, inverted))
            {
                return Pick("your Relu backward lets gradient through where x ≤ 0 and blocks it where x > 0: the mask is inverted (mask is true where x ≤ 0, and there dx = 0).",
                    "Relu의 역전파가 x ≤ 0인 곳에서 기울기를 통과시키고 x > 0인 곳에서 막습니다. mask가 거꾸로입니다 (mask는 x ≤ 0인 곳에서 true이고, 그곳의 dx = 0).");
            }

            if (Compare.Close(dx, x.Map(v => v > 0 ? 1.0 : 0.0)) || Compare.Close(dx, Functions.Relu(x)))
            {
                return Pick("dx does not use dout: ReLU's backward passes the gradient that arrives, dout, where x > 0.",
                    "dx에 dout이 쓰이지 않았습니다. ReLU의 역전파는 x > 0인 곳에서 흘러 들어온 기울기 dout을 그대로 보냅니다.");
            }

            return Pick($"on {label}, {Compare.Difference("dx", dx, want, "x")} ReLU's backward is dout where x > 0, and 0 where x ≤ 0.",
                $"{label}에서: {Compare.Difference("dx", dx, want, "x")} ReLU의 역전파는 x > 0이면 dout, x ≤ 0이면 0입니다.");
        }

        return null;
    }
}
