using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Checks a student's training loop (§5.7.4) on a small problem it must learn: three clusters of points.</summary>
internal static class TrainingCheck
{
    private const int Iterations = 300, BatchSize = 10;

    public static CheckResult Run(Func<TwoLayerNet, Matrix<double>, int[], int, int, double, IReadOnlyList<double>> train, string name)
    {
        var run = new CheckRun("Training loop");
        var (x, t) = Clusters();
        run.Step(Pick("one loss per iteration", "반복마다 손실 하나"), () =>
        {
            var losses = train(Network(), x.Clone(), (int[])t.Clone(), 20, BatchSize, 0.1)
                ?? throw new InvalidOperationException(Pick("it returned null instead of the list of losses", "손실 목록 대신 null을 반환했습니다"));
            return losses.Count == 20 ? null : Pick($"for 20 iterations it returned {losses.Count} losses; add each iteration's loss (network.Loss(xBatch, tBatch)) to the list.",
                $"20번 반복했는데 손실을 {losses.Count}개 반환했습니다. 반복마다 그 손실(network.Loss(xBatch, tBatch))을 목록에 추가하세요.");
        });
        run.Step(Pick("the network learns", "신경망이 학습함"), () =>
        {
            var net = Network();
            double before = net.Loss(x, t);
            train(net, x.Clone(), (int[])t.Clone(), Iterations, BatchSize, 0.1);
            double after = net.Loss(x, t), accuracy = net.Accuracy(x, t);
            return after > before ? Pick($"the loss went up, from {before:0.###} to {after:0.###}: step against the gradient, W ← W − lr·grad.",
                    $"손실이 올라갔습니다 ({before:0.###} → {after:0.###}): 기울기의 반대 방향으로 움직이세요, W ← W − lr·grad.")
                : after > 0.5 * before || accuracy < 0.9 ? Pick($"after {Iterations} iterations the loss only went from {before:0.###} to {after:0.###} (accuracy {accuracy:P0}): does every iteration compute the gradient of its batch and update every parameter?",
                    $"{Iterations}번 반복한 뒤에도 손실이 조금밖에 줄지 않았습니다 ({before:0.###} → {after:0.###}, 정확도 {accuracy:P0}): 반복마다 그 배치의 기울기를 구하고 모든 매개변수를 갱신하나요?")
                : null;
        });
        run.Step(Pick("a learning rate of 0 changes nothing", "학습률 0이면 아무것도 바뀌지 않음"), () =>
        {
            var net = Network();
            var before = net.Params.ToDictionary(p => p.Key, p => p.Value.Clone());
            train(net, x.Clone(), (int[])t.Clone(), 5, BatchSize, 0.0);
            return net.Params.Any(p => Compare.Changed(p.Value, before[p.Key]))
                ? Pick("with learningRate = 0 the weights still changed: each step is learningRate × grad.", "learningRate = 0인데도 가중치가 바뀌었습니다: 한 걸음은 learningRate × grad입니다.") : null;
        });
        return run.Finish(Pick($"{name} passes: it records one loss per iteration, and {Iterations} iterations of batches of {BatchSize} teach the network three clusters.",
                $"{name} 통과: 반복마다 손실을 하나씩 기록하고, 배치 크기 {BatchSize}로 {Iterations}번 반복해 신경망이 세 무리를 구분하도록 학습합니다."),
            CheckTexts.WriteIt.Fill(("name", name)));
    }

    private static TwoLayerNet Network() => new(4, 10, 3, weightInitStd: 0.1, seed: 3);

    /// <summary>150 points in 4 dimensions, 50 around each of three centres.</summary>
    internal static (Matrix<double> X, int[] T) Clusters()
    {
        var random = new Random(17);
        int[] t = Enumerable.Range(0, 150).Select(i => i % 3).ToArray();
        var x = Matrix<double>.Build.Dense(150, 4, (i, j) => (j == t[i] ? 2.0 : 0.0) + (random.NextDouble() - 0.5));
        return (x, t);
    }
}
