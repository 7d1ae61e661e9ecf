using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's <c>TwoLayerNet.Gradient</c> (§5.7.2) against the library's and against numerical gradients (§5.7.3).</summary>
internal static class GradientCheck
{
    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];

    private static string Order => Pick("go forward with network.Loss(x, t) first, then backward from LastLayer through the layers in reverse order",
        "먼저 network.Loss(x, t)로 순전파하고, 그다음 LastLayer부터 계층을 거꾸로 따라 역전파하세요");

    public static CheckResult Run(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string name)
    {
        var run = new CheckRun("TwoLayerNet.Gradient");
        foreach (string key in Keys)
        {
            run.Step(key, () => Judge(gradient, key), Order);
        }

        return run.Finish(
            Pick($"{name} passes: W1, b1, W2 and b2 agree with the library's backprop and with numerical gradients, for batches of 1 and 3.",
                $"{name} 통과: 배치 크기 1과 3에서 W1, b1, W2, b2가 라이브러리의 오차역전파법, 수치 미분으로 구한 기울기와 같습니다."),
            CheckTexts.WriteIt.Fill(("name", name)));
    }

    /// <summary>A hidden check: the same network asked for a second batch's gradient gets that batch's, and its weights stay.</summary>
    public static CheckResult Reused(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string name)
    {
        var run = new CheckRun("TwoLayerNet.Gradient, reused");
        run.Step(Pick("a second batch gets its own gradient", "두 번째 배치는 자기 기울기를 받음"), () =>
        {
            var (net, x, t) = Problem(3);
            var (_, x1, t1) = Problem(1);
            gradient(net, x, t);
            var grads = gradient(net, x1.Clone(), t1) ?? throw new InvalidOperationException(ReturnedNull);
            var want = Problem(1).Net.Gradient(x1, t1);
            return Keys.All(k => grads.ContainsKey(k) && Compare.Close(grads[k], want[k], 1e-6)) ? null
                : Pick("asked again for another batch, it does not give that batch's gradient: run the forward pass, network.Loss(x, t), on every call.",
                    "다른 배치로 다시 부르면 그 배치의 기울기가 나오지 않습니다: 부를 때마다 순전파 network.Loss(x, t)를 실행하세요.");
        }, Order);
        run.Step(Pick("leaves the weights alone", "가중치를 바꾸지 않음"), () =>
        {
            var (net, x, t) = Problem(3);
            var before = net.Params.ToDictionary(p => p.Key, p => p.Value.Clone());
            gradient(net, x, t);
            return net.Params.Any(p => Compare.Changed(p.Value, before[p.Key]))
                ? Pick("computing the gradient changed the weights; only the update step should.", "기울기를 구하는 동안 가중치가 바뀌었습니다. 가중치는 갱신 단계에서만 바꿉니다.") : null;
        });
        return run.Finish(Pick($"{name} passes the hidden checks: called again on another batch it gives that batch's gradient, and it leaves the weights alone.",
                $"{name} 숨은 확인 통과: 다른 배치로 다시 부르면 그 배치의 기울기를 주고, 가중치는 바꾸지 않습니다."),
            Pick("write Gradient first", "먼저 Gradient를 작성하세요"));
    }

    private static string ReturnedNull => Pick("it returned null instead of the Parameters", "Parameters 대신 null을 반환했습니다");

    /// <summary>A 4-5-3 network with weights large enough that every mistake shows, and a batch for it.</summary>
    internal static (TwoLayerNet Net, Matrix<double> X, int[] T) Problem(int batch) =>
        (new TwoLayerNet(4, 5, 3, weightInitStd: 0.8, seed: 5), Cases.Random(batch, 4, 30 + batch), Enumerable.Range(0, batch).Select(i => (i * 2 + 1) % 3).ToArray());

    private static string? Judge(Func<TwoLayerNet, Matrix<double>, Labels, Parameters> gradient, string key)
    {
        foreach (int batch in new[] { 1, 3 })
        {
            var (net, x, t) = Problem(batch);
            var grads = gradient(net, x.Clone(), t) ?? throw new InvalidOperationException(ReturnedNull);
            var (reference, _, _) = Problem(batch);
            var want = reference.Gradient(x, t)[key].Clone();
            reference.Delta = 0;
            var numerical = reference.NumericalGradient(x, t)[key];
            if (!grads.ContainsKey(key))
            {
                return Pick($"the Parameters returned has no \"{key}\": return W1, b1, W2 and b2 (the book's grads dictionary).",
                    $"반환한 Parameters에 \"{key}\"가 없습니다: W1, b1, W2, b2를 모두 반환하세요 (책의 grads 딕셔너리).");
            }

            var got = grads[key];
            if (Compare.Close(got, net.Params[key]))
            {
                return Pick($"grads[\"{key}\"] holds the parameter itself, not its gradient: take DW / DB from the Affine layers after the backward pass.",
                    $"grads[\"{key}\"]에 기울기가 아니라 매개변수 자체가 들어 있습니다: 역전파가 끝난 뒤 Affine 계층의 DW / DB를 가져오세요.");
            }

            var other = Keys.FirstOrDefault(k => k != key && Compare.SameShape(got, reference.Params[k]) && !Compare.SameShape(got, want));
            if (other is not null)
            {
                return Pick($"grads[\"{key}\"] is {Shape.Of(got)}, the shape of {other}; {key}'s gradient has the shape of {key}, {Shape.Of(want)}: take W1 and b1 from Affine1, W2 and b2 from Affine2.",
                    $"grads[\"{key}\"]의 모양이 {Shape.Of(got)}, 즉 {other}의 모양입니다. {key}의 기울기는 {key}와 같은 {Shape.Of(want)}입니다: W1과 b1은 Affine1에서, W2와 b2는 Affine2에서 가져오세요.");
            }

            if (Compare.Difference($"grads[\"{key}\"]", got, want, key, 1e-6) is { } d)
            {
                return Pick($"for a batch of {batch}, {d} Compare your steps with the book's gradient(): {Order}.",
                    $"배치 크기 {batch}에서: {d} 책의 gradient()와 단계를 비교해 보세요: {Order}.");
            }

            if (!Compare.Close(got, numerical, 1e-6))
            {
                return Pick($"for a batch of {batch}, {Compare.Difference($"grads[\"{key}\"]", got, numerical, key, 1e-6)} (against the numerical gradient).",
                    $"배치 크기 {batch}에서: {Compare.Difference($"grads[\"{key}\"]", got, numerical, key, 1e-6)} (수치 미분으로 구한 기울기와 비교).");
            }
        }

        return null;
    }
}
