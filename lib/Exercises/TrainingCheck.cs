using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises;

/// <summary>Checks a student's training loop (§5.7.4) on a small problem it must learn: three clusters of points.</summary>
internal static class TrainingCheck
{
    private const int Iterations = 300, BatchSize = 10;

    public static CheckResult Run(Func<TwoLayerNet, Matrix<double>, int[], int, int, double, IReadOnlyList<double>> train, string name)
    {
        var run = new CheckRun("Training loop");
        var (x, t) = Clusters();
        run.Step("one loss per iteration", () =>
        {
            var losses = train(Network(), x.Clone(), (int[])t.Clone(), 20, BatchSize, 0.1)
                ?? throw new InvalidOperationException("it returned null instead of the list of losses");
            return losses.Count == 20 ? null : $"for 20 iterations it returned {losses.Count} losses; add each iteration's loss (network.Loss(xBatch, tBatch)) to the list.";
        });
        run.Step("the network learns", () =>
        {
            var net = Network();
            double before = net.Loss(x, t);
            train(net, x.Clone(), (int[])t.Clone(), Iterations, BatchSize, 0.1);
            double after = net.Loss(x, t), accuracy = net.Accuracy(x, t);
            return after > before ? $"the loss went up, from {before:0.###} to {after:0.###}: step against the gradient, W ← W − lr·grad."
                : after > 0.5 * before || accuracy < 0.9 ? $"after {Iterations} iterations the loss only went from {before:0.###} to {after:0.###} (accuracy {accuracy:P0}): does every iteration compute the gradient of its batch and update every parameter?"
                : null;
        });
        run.Step("a learning rate of 0 changes nothing", () =>
        {
            var net = Network();
            var before = net.Params.ToDictionary(p => p.Key, p => p.Value.Clone());
            train(net, x.Clone(), (int[])t.Clone(), 5, BatchSize, 0.0);
            return net.Params.Any(p => Compare.Changed(p.Value, before[p.Key])) ? "with learningRate = 0 the weights still changed: each step is learningRate × grad." : null;
        });
        return run.Finish($"{name} passes: it records one loss per iteration, and {Iterations} iterations of batches of {BatchSize} teach the network three clusters.",
            $"write {name} (it still throws NotImplementedException)");
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
