using System;
using System.Collections.Generic;
using System.Linq;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The two-layer network of §5.7.2: Affine1 → Relu1 → Affine2 → SoftmaxWithLoss, trained by backprop.</summary>
public sealed class TwoLayerNet
{
    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd = 0.01, int? seed = null)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || outputSize <= 0)
        {
            throw new ArgumentException(Messages.NetworkSizes(inputSize, hiddenSize, outputSize));
        }
        var random = seed is int s ? new Random(s) : new Random();
        var normal = new Normal(0, 1, random);
        Params = new Parameters
        {
            { "W1", weightInitStd * Matrix<double>.Build.Random(inputSize, hiddenSize, normal) },
            { "b1", Matrix<double>.Build.Dense(1, hiddenSize) },
            { "W2", weightInitStd * Matrix<double>.Build.Random(hiddenSize, outputSize, normal) },
            { "b2", Matrix<double>.Build.Dense(1, outputSize) },
        };

        // The layers hold the very matrices in Params, so an update through Params reaches them.
        Layers = new OrderedDictionary<string, ILayer>
        {
            ["Affine1"] = new Affine(Params["W1"], Params["b1"], "Affine1"),
            ["Relu1"] = new Relu("Relu1"),
            ["Affine2"] = new Affine(Params["W2"], Params["b2"], "Affine2"),
        };
        LastLayer = new SoftmaxWithLoss();
    }

    public Parameters Params { get; }

    /// <summary>The layers in forward order; print it to see the network.</summary>
    public OrderedDictionary<string, ILayer> Layers { get; }

    public SoftmaxWithLoss LastLayer { get; }

    /// <summary>The cross-entropy guard: 1e-7 as in the book; 0 for an exact gradient check.</summary>
    public double Delta
    {
        get => LastLayer.Delta;
        set => LastLayer.Delta = value;
    }

    /// <summary>The scores (before softmax) for a batch x.</summary>
    public Matrix<double> Predict(Matrix<double> x)
    {
        foreach (var layer in Layers.Values)
        {
            x = layer.Forward(x);
        }
        return x;
    }

    /// <summary>The loss for x against t (one-hot rows or class indices).</summary>
    public double Loss(Matrix<double> x, Labels t) => LastLayer.Forward(Predict(x), t);

    /// <summary>The fraction of rows of x whose highest score is the right class.</summary>
    public double Accuracy(Matrix<double> x, Labels t)
    {
        ArgumentNullException.ThrowIfNull(t);
        var y = Predict(x);
        t.Check(y, "TwoLayerNet.Accuracy");
        int[] predicted = Functions.Argmax(y), answers = t.ClassIndices();
        return (double)predicted.Where((p, i) => p == answers[i]).Count() / x.RowCount;
    }

    /// <summary>The gradient of every parameter by central differences (slow; for checking).</summary>
    public Parameters NumericalGradient(Matrix<double> x, Labels t)
    {
        double LossW(Matrix<double> w) => Loss(x, t);
        var grads = new Parameters();
        foreach (var (name, value) in Params)
        {
            grads.Add(name, Functions.NumericalGradient(LossW, value));
        }
        return grads;
    }

    /// <summary>The gradient of every parameter by backprop.</summary>
    public Parameters Gradient(Matrix<double> x, Labels t)
    {
        // forward
        Loss(x, t);

        // backward
        var dout = LastLayer.Backward(1);
        foreach (var layer in Layers.Values.Reverse())
        {
            dout = layer.Backward(dout);
        }

        var affine1 = (Affine)Layers["Affine1"];
        var affine2 = (Affine)Layers["Affine2"];
        return new Parameters
        {
            { "W1", affine1.DW! },
            { "b1", affine1.DB! },
            { "W2", affine2.DW! },
            { "b2", affine2.DB! },
        };
    }

    public override string ToString() =>
        "TwoLayerNet\n" + string.Join("\n", Layers.Values.Select(l => "  " + l)) + "\n  " + LastLayer;
}
