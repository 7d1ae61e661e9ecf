using System;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Exercises.Tests;

/// <summary>A student's element-wise layer made of two lambdas, so every typical mistake is one line of a test.</summary>
public sealed class FakeLayer(Func<Matrix<double>, Matrix<double>> forward, Func<Matrix<double>, Matrix<double>, Matrix<double>, Matrix<double>> backward) : ILayer
{
    private Matrix<double>? _x;
    private Matrix<double>? _y;

    public string Name => "FakeLayer";

    /// <summary>Called with every forward input (a test's way to keep state the layer should not).</summary>
    public Action<Matrix<double>>? Seen { get; init; }

    public Matrix<double> Forward(Matrix<double> x)
    {
        Seen?.Invoke(x);
        _x = x;
        _y = forward(x);
        return _y;
    }

    /// <summary>backward(x, y, dout).</summary>
    public Matrix<double> Backward(Matrix<double> dout) => backward(_x!, _y!, dout);
}

/// <summary>A student's Affine layer: forward is right, backward is a lambda (x, W, dout) → (dx, dW, db).</summary>
public sealed class FakeAffine(Matrix<double> w, Matrix<double> b, Func<Matrix<double>, Matrix<double>, Matrix<double>, (Matrix<double>, Matrix<double>, Matrix<double>)> backward) : ILayer
{
    private Matrix<double>? _x;

    public string Name => "FakeAffine";

    public Matrix<double>? DW { get; private set; }

    public Matrix<double>? DB { get; private set; }

    public Matrix<double> Forward(Matrix<double> x)
    {
        _x = x;
        return x * w + Matrix<double>.Build.Dense(x.RowCount, 1, 1.0) * b;
    }

    public Matrix<double> Backward(Matrix<double> dout)
    {
        (var dx, DW, DB) = backward(_x!, w, dout);
        return dx;
    }
}

/// <summary>A student's Softmax-with-Loss: the book's forward, backward a lambda (y, t) → dx.</summary>
public sealed class FakeLoss(Func<Matrix<double>, Matrix<double>, Matrix<double>> backward, Func<Matrix<double>, Matrix<double>>? softmax = null)
{
    private Matrix<double>? _y;
    private Matrix<double>? _t;

    public double Forward(Matrix<double> x, Matrix<double> t)
    {
        _t = t;
        _y = (softmax ?? Functions.Softmax)(x);
        return Functions.CrossEntropyError(_y, t);
    }

    public Matrix<double> Backward(double dout = 1) => backward(_y!, _t!);
}

/// <summary>A student's MulLayer or AddLayer: forward a lambda, backward a lambda (x, y, dout) → (dx, dy).</summary>
public sealed class FakeNode(Func<double, double, double> forward, Func<double, double, double, (double, double)> backward)
{
    private double _x;
    private double _y;

    public double Forward(double x, double y)
    {
        (_x, _y) = (x, y);
        return forward(x, y);
    }

    public (double dx, double dy) Backward(double dout) => backward(_x, _y, dout);
}
