using System;
using System.Linq;

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

        run.Step("leaves grad alone", () =>
        {
            var (net, grad) = Problem();
            var before = grad.ToDictionary(p => p.Key, p => p.Value.Clone());
            update(net, grad, LearningRate);
            return grad.Any(p => Compare.Changed(p.Value, before[p.Key])) ? "the update changed the gradients it was given; only network.Params should change." : null;
        });
        return run.Finish($"{name} passes: every parameter takes one step of −{LearningRate} × its gradient.",
            $"write {name} (it still throws NotImplementedException)");
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
            return $"{key} did not change: update every key of network.Params (W1, b1, W2 and b2).";
        }

        if (Compare.Close(now, before + LearningRate * g))
        {
            return $"{key} moved up the gradient, which makes the loss larger: subtract, W ← W − lr·grad.";
        }

        return Compare.Close(now, before - g)
            ? "the step ignores the learning rate: W ← W − lr·grad."
            : $"{Compare.Difference(key, now, want, key)} One step is W ← W − lr·grad.";
    }
}
