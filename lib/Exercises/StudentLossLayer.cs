using System;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>A student's Softmax-with-Loss class, called through the book's two methods whatever else it has.</summary>
internal sealed class StudentLossLayer
{
    private readonly object _layer;
    private readonly MethodInfo _forward;
    private readonly MethodInfo _backward;

    private StudentLossLayer(object layer, MethodInfo forward, MethodInfo backward)
    {
        _layer = layer;
        _forward = forward;
        _backward = backward;
    }

    /// <summary>Finds <c>double Forward(Matrix x, Matrix t)</c> (or t as <see cref="Labels"/>) and <c>Matrix Backward(double dout = 1)</c>.</summary>
    public static StudentLossLayer From(object layer)
    {
        var type = layer.GetType();
        var forward = Members.Method(type, "Forward", typeof(Matrix<double>), typeof(Matrix<double>))
            ?? Members.Method(type, "Forward", typeof(Matrix<double>), typeof(Labels));
        var backward = Members.Method(type, "Backward", typeof(double)) ?? Members.Method(type, "Backward");
        if (forward is null || forward.ReturnType != typeof(double))
        {
            throw new MissingMethodException(Pick($"{type.Name} needs public double Forward(Matrix<double> x, Matrix<double> t)",
                $"{type.Name}에는 public double Forward(Matrix<double> x, Matrix<double> t)가 있어야 합니다"));
        }

        if (backward is null || !typeof(Matrix<double>).IsAssignableFrom(backward.ReturnType))
        {
            throw new MissingMethodException(Pick($"{type.Name} needs public Matrix<double> Backward(double dout = 1)",
                $"{type.Name}에는 public Matrix<double> Backward(double dout = 1)가 있어야 합니다"));
        }

        return new StudentLossLayer(layer, forward, backward);
    }

    public double Forward(Matrix<double> x, Matrix<double> t)
    {
        object label = _forward.GetParameters()[1].ParameterType == typeof(Labels) ? Labels.FromOneHot(t) : (object)t;
        return (double)_forward.Invoke(_layer, [x, label])!;
    }

    public Matrix<double>? Backward()
    {
        object?[] arguments = _backward.GetParameters().Length == 0 ? [] : [1.0];
        return (_backward.Invoke(_layer, arguments) as Matrix<double>)?.Clone();
    }
}
