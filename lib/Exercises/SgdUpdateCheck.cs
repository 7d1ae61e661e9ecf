using System;
using System.Linq;
using Backprop.Display.Texts;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's SGD step (§5.7.4, §6.1.2): every parameter W ← W − learning rate · grad, in place.</summary>
internal static class SgdUpdateCheck
{
    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];
    private const double LearningRate = 0.1;

    public static CheckResult Run(Action<TwoLayerNet, Parameters, double> update, string name)
    {
        var run = new CheckRun("SGD update");
        foreach (string key in Keys)
        {
            run.Step(key, () => Judge(update, key));
        }

        run.Step(Pick("leaves grad alone", "grad를 바꾸지 않음"), () =>
        {
            var (net, grad) = Problem();
            var before = grad.ToDictionary(p => p.Key, p => p.Value.Clone());
            update(net, grad, LearningRate);
            return grad.Any(p => Compare.Changed(p.Value, before[p.Key]))
                ? Pick("the update changed the gradients it was given; only network.Params should change.", "갱신이 받은 기울기를 바꿨습니다. 바뀌어야 하는 것은 network.Params뿐입니다.") : null;
        });
        return run.Finish(Pick($"{name} passes: every parameter takes one step of −{LearningRate} × its gradient.",
                $"{name} 통과: 모든 매개변수가 −{LearningRate} × 기울기만큼 한 걸음 움직입니다."),
            CheckTexts.WriteIt.Fill(("name", name)));
    }

    private static (TwoLayerNet Net, Parameters Grad) Problem()
    {
        var net = new TwoLayerNet(4, 5, 3, weightInitStd: 0.8, seed: 9);
        var grad = new Parameters();
        int seed = 40;
        foreach (var (key, value) in net.Params)
        {
            grad.Add(key, Cases.Random(value.RowCount, value.ColumnCount, seed++));
        }

        return (net, grad);
    }

    private static string? Judge(Action<TwoLayerNet, Parameters, double> update, string key)
    {
        var (net, grad) = Problem();
        var before = net.Params[key].Clone();
        var g = grad[key].Clone();
        update(net, grad, LearningRate);
        var now = net.Params[key];
        var want = before - LearningRate * g;
        if (Compare.Close(now, want))
        {
            return null;
        }

        if (Compare.Close(now, before))
        {
            return Pick($"{key} did not change: update every key of network.Params (W1, b1, W2 and b2).",
                $"{key}의 값이 바뀌지 않았습니다: network.Params의 모든 키(W1, b1, W2, b2)를 갱신하세요.");
        }

        if (Compare.Close(now, before + LearningRate * g))
        {
            return Pick($"{key} moved up the gradient, which makes the loss larger: subtract, W ← W − lr·grad.",
                $"{key}의 값이 기울기 쪽으로 움직였습니다. 그러면 손실이 커집니다: 빼세요, W ← W − lr·grad.");
        }

        return Compare.Close(now, before - g)
            ? Pick("the step ignores the learning rate: W ← W − lr·grad.", "학습률이 빠졌습니다: W ← W − lr·grad.")
            : Compare.Difference(key, now, want, key) + Pick(" One step is W ← W − lr·grad.", " 한 걸음은 W ← W − lr·grad입니다.");
    }
}
