using System;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>A hidden check: one layer object used for two batches in a row, as a network uses it, keeps only the latest forward.</summary>
internal static class ReuseCheck
{
    public static CheckResult Run(string exercise, Func<ILayer> create, Func<ILayer> reference, int inputs)
    {
        var run = new CheckRun(exercise + ", reused");
        var first = Cases.Random(5, inputs, 51);
        var second = Cases.Random(2, inputs, 52);
        run.Step(Pick("a second Forward replaces the first", "두 번째 Forward가 첫 번째를 대신함"), () =>
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
                return Pick("Backward is not right yet even for one batch; fix what the check of the exercise says first.",
                    "배치 하나에서도 Backward가 아직 틀립니다. 먼저 연습 문제 확인이 말하는 부분을 고치세요.");
            }

            return Compare.Close(dx, want) ? null
                : Pick("used twice, the layer's Backward still works from the first batch: keep what Backward needs from the latest Forward only.",
                    "두 번 쓰면 계층의 Backward가 여전히 첫 번째 배치로 계산합니다: Backward에 필요한 값은 가장 최근의 Forward에서만 저장하세요.");
        });
        run.Step(Pick("Backward twice gives the same dx", "Backward를 두 번 해도 같은 dx"), () =>
        {
            var layer = create();
            var y = layer.Forward(second.Clone()).Clone();
            var dout = Cases.Dout(y, 54);
            var once = layer.Backward(dout.Clone()).Clone();
            var twice = layer.Backward(dout.Clone());
            return Compare.Close(twice, once) ? null : Pick("a second Backward with the same dout gives another dx: Backward must not add to what the last one left.",
                "같은 dout으로 Backward를 다시 부르면 다른 dx가 나옵니다: Backward는 지난번에 남긴 값에 더하면 안 됩니다.");
        });
        return run.Finish(Pick($"{exercise} passes the hidden checks: a layer used for several batches keeps only the latest.",
                $"{exercise} 숨은 확인 통과: 여러 배치에 쓰인 계층이 가장 최근 것만 기억합니다."),
            Pick("write the layer first", "먼저 계층을 작성하세요"));
    }

    private static Matrix<double> Expected(Func<ILayer> reference, Matrix<double> x, Matrix<double> dout)
    {
        var layer = reference();
        layer.Forward(x);
        return layer.Backward(dout).Clone();
    }
}
