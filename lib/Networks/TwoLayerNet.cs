using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.LinearAlgebra;
using MathNet.Numerics.Distributions;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>The two-layer network of §5.7.2: Affine1 → Relu1 → Affine2 → SoftmaxWithLoss, trained by backprop.</summary>
public sealed class TwoLayerNet
{
    private Parameters? _grads;

    public TwoLayerNet(int inputSize, int hiddenSize, int outputSize, double weightInitStd = 0.01, int? seed = null)
    {
        if (inputSize <= 0 || hiddenSize <= 0 || outputSize <= 0)
        {
            throw new ArgumentException(
                $"TwoLayerNet: sizes must be positive, got {inputSize}-{hiddenSize}-{outputSize}.");
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
        // Affine1's dx would be the gradient with respect to the images: nobody needs it, so it is not computed.
        Layers = new OrderedDictionary<string, ILayer>
        {
            ["Affine1"] = new Affine(Params["W1"], Params["b1"], "Affine1") { ComputesDx = false },
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
        var (predicted, classes) = Classify(x);
        t.Check(x.RowCount, classes, "TwoLayerNet.Accuracy");
        int[] answers = t.ClassIndices();
        int right = 0;
        for (int i = 0; i < predicted.Length; i++)
        {
            right += predicted[i] == answers[i] ? 1 : 0;
        }
        return (double)right / x.RowCount;
    }

    // argmax(Predict(x)) row by row. On a big x (the whole training set) a single-precision pass settles most rows
    // with the very class the double pass would give, about twice as fast; it leaves the rest to Predict.
    private (int[] Classes, int Count) Classify(Matrix<double> x)
    {
        if (Layers.Count == 3 && Layers.GetAt(0).Value is Affine first && Layers.GetAt(1).Value is Relu
            && Layers.GetAt(2).Value is Affine second && x.ColumnCount == first.W.RowCount && first.W.ColumnCount == second.W.RowCount
            && ScreenedArgmax.TryClassify(x, first.W, first.B, second.W, second.B, Predict) is int[] classes)
        {
            return (classes, second.W.ColumnCount);
        }

        var y = Predict(x);
        return (RowOps.ArgmaxRows(y), y.ColumnCount);
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

    /// <summary>The gradient of every parameter by backprop; the matrices (and this Parameters) may be reused by the next call.</summary>
    public Parameters Gradient(Matrix<double> x, Labels t)
    {
        Loss(x, t);

        var dout = LastLayer.Backward(1);
        for (int i = Layers.Count - 1; i >= 0; i--)
        {
            dout = Layers.GetAt(i).Value.Backward(dout);
        }

        var affine1 = (Affine)Layers["Affine1"];
        var affine2 = (Affine)Layers["Affine2"];
        // DW and DB keep the shapes of W and b, so each Affine returns the same two matrices every step:
        // one Parameters holding them serves every call.
        return _grads ??= new Parameters
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
