using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

public sealed class NetworkCheckTests
{
    // The book's gradient(), with the layers visited in the given order and the result put together by `grads`.
    private static Parameters Backprop(TwoLayerNet network, Matrix<double> x, Labels t, bool reverse = true, Func<Affine, Affine, Parameters>? grads = null)
    {
        network.Loss(x, t);
        var dout = network.LastLayer.Backward(1);
        var layers = network.Layers.Values.ToList();
        foreach (var layer in reverse ? Enumerable.Reverse(layers) : layers)
        {
            dout = layer.Backward(dout);
        }

        var (affine1, affine2) = ((Affine)network.Layers["Affine1"], (Affine)network.Layers["Affine2"]);
        return (grads ?? Grads)(affine1, affine2);
    }

    private static Parameters Grads(Affine a1, Affine a2) => new() { { "W1", a1.DW! }, { "b1", a1.DB! }, { "W2", a2.DW! }, { "b2", a2.DB! } };

    [Fact]
    public void Gradient_TheBooksCodePasses() => Verdict.Passes(Exercise.Gradient((n, x, t) => Backprop(n, x, t)));

    [Fact]
    public void Gradient_LayersInForwardOrder_SaysReverse() =>
        Verdict.FailsWith(Exercise.Gradient((n, x, t) => Backprop(n, x, t, reverse: false)), "through the layers in reverse order");

    [Fact]
    public void Gradient_MissingKey_NamesIt() =>
        Verdict.FailsWith(Exercise.Gradient((n, x, t) => Backprop(n, x, t, grads: (a1, a2) => new() { { "W1", a1.DW! }, { "b1", a1.DB! }, { "W2", a2.DW! } })), "has no \"b2\"");

    [Fact]
    public void Gradient_WeightsInsteadOfGradients_SaysUseDW() =>
        Verdict.FailsWith(Exercise.Gradient((n, x, t) => Backprop(n, x, t, grads: (a1, a2) => new() { { "W1", a1.W }, { "b1", a1.DB! }, { "W2", a2.DW! }, { "b2", a2.DB! } })), "holds the parameter itself");

    [Fact]
    public void Gradient_SwappedLayers_SaysWhichLayerHoldsWhich() =>
        Verdict.FailsWith(Exercise.Gradient((n, x, t) => Backprop(n, x, t, grads: (a1, a2) => new() { { "W1", a2.DW! }, { "b1", a2.DB! }, { "W2", a1.DW! }, { "b2", a1.DB! } })), "take W1 and b1 from Affine1");

    [Fact]
    public void Gradient_Stub_IsNotDoneYet() => Verdict.NotDone(Exercise.Gradient((_, _, _) => throw new NotImplementedException()));

    [Fact]
    public void GradientReused_TheBooksCodePasses() => Verdict.Passes(Exercise.GradientReused((n, x, t) => Backprop(n, x, t)));

    [Fact]
    public void GradientReused_ForwardOnlyOnTheFirstCall_SaysRunItEveryTime()
    {
        var seen = new System.Runtime.CompilerServices.ConditionalWeakTable<TwoLayerNet, object>();
        Verdict.FailsWith(Exercise.GradientReused((n, x, t) =>
        {
            if (!seen.TryGetValue(n, out _))
            {
                seen.Add(n, new object());
                n.Loss(x, t);
            }

            var dout = n.LastLayer.Backward(1);
            foreach (var layer in n.Layers.Values.Reverse())
            {
                dout = layer.Backward(dout);
            }

            return Grads((Affine)n.Layers["Affine1"], (Affine)n.Layers["Affine2"]);
        }), "run the forward pass, network.Loss(x, t), on every call");
    }

    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];

    private static void Step(TwoLayerNet net, Parameters grad, double lr, IEnumerable<string> keys, double sign = -1, bool useRate = true)
    {
        foreach (string key in keys)
        {
            net.Params[key] += sign * (useRate ? lr : 1) * grad[key];
        }
    }

    [Fact]
    public void SgdUpdate_TheBooksLoopPasses() => Verdict.Passes(Exercise.SgdUpdate((n, g, lr) => Step(n, g, lr, Keys)));

    [Fact]
    public void SgdUpdate_PlusInsteadOfMinus_SaysSubtract() =>
        Verdict.FailsWith(Exercise.SgdUpdate((n, g, lr) => Step(n, g, lr, Keys, sign: +1)), "subtract, W ← W − lr·grad");

    [Fact]
    public void SgdUpdate_ForgottenKey_NamesIt() =>
        Verdict.FailsWith(Exercise.SgdUpdate((n, g, lr) => Step(n, g, lr, ["W1", "b1", "W2"])), "b2 did not change");

    [Fact]
    public void SgdUpdate_NoLearningRate_SaysSo() =>
        Verdict.FailsWith(Exercise.SgdUpdate((n, g, lr) => Step(n, g, lr, Keys, useRate: false)), "ignores the learning rate");

    [Fact]
    public void SgdUpdate_ChangingGrad_Fails() =>
        Verdict.FailsWith(Exercise.SgdUpdate((n, g, lr) =>
        {
            foreach (string key in Keys)
            {
                g[key] = lr * g[key];
                n.Params[key] -= g[key];
            }
        }), "changed the gradients");

    private static List<double> Train(TwoLayerNet net, Matrix<double> x, int[] t, int iterations, int batchSize, double lr, bool update = true, int record = 1)
    {
        var random = new Random(0);
        var losses = new List<double>();
        for (int i = 0; i < iterations; i++)
        {
            int[] batch = Enumerable.Range(0, batchSize).Select(_ => random.Next(x.RowCount)).ToArray();
            var xBatch = Matrix<double>.Build.DenseOfRowVectors(batch.Select(x.Row));
            int[] tBatch = batch.Select(k => t[k]).ToArray();
            var grad = net.Gradient(xBatch, tBatch);
            if (update)
            {
                Step(net, grad, lr, Keys);
            }

            if (i % record == 0)
            {
                losses.Add(net.Loss(xBatch, tBatch));
            }
        }

        return losses;
    }

    [Fact]
    public void Training_TheBooksLoopPasses() => Verdict.Passes(Exercise.Training((n, x, t, i, b, lr) => Train(n, x, t, i, b, lr)));

    [Fact]
    public void Training_WithoutTheUpdate_SaysTheLossDidNotGoDown() =>
        Verdict.FailsWith(Exercise.Training((n, x, t, i, b, lr) => Train(n, x, t, i, b, lr, update: false)), "does every iteration compute the gradient of its batch and update");

    [Fact]
    public void Training_LossesOfSomeIterations_SaysOnePerIteration() =>
        Verdict.FailsWith(Exercise.Training((n, x, t, i, b, lr) => Train(n, x, t, i, b, lr, record: 10)), "returned 2 losses");

    [Fact]
    public void Training_FixedStep_SaysLearningRate() =>
        Verdict.FailsWith(Exercise.Training((n, x, t, i, b, lr) => Train(n, x, t, i, b, 0.1)), "with learningRate = 0 the weights still changed");
}
