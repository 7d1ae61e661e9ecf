using System;
using System.Reflection;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>A student's MulLayer or AddLayer class, called through the book's <c>Forward(x, y)</c> and <c>Backward(dout)</c>.</summary>
internal sealed class StudentNode
{
    private readonly object _node;
    private readonly MethodInfo _forward;
    private readonly MethodInfo _backward;

    private StudentNode(object node, MethodInfo forward, MethodInfo backward)
    {
        _node = node;
        _forward = forward;
        _backward = backward;
    }

    public static StudentNode From(object node)
    {
        var type = node.GetType();
        var forward = Members.Method(type, "Forward", typeof(double), typeof(double));
        var backward = Members.Method(type, "Backward", typeof(double));
        if (forward is null || forward.ReturnType != typeof(double))
        {
            throw new MissingMethodException(Pick($"{type.Name} needs public double Forward(double x, double y)",
                $"{type.Name}에는 public double Forward(double x, double y)가 있어야 합니다"));
        }

        if (backward is null || backward.ReturnType != typeof((double, double)))
        {
            throw new MissingMethodException(Pick($"{type.Name} needs public (double dx, double dy) Backward(double dout)",
                $"{type.Name}에는 public (double dx, double dy) Backward(double dout)가 있어야 합니다"));
        }

        return new StudentNode(node, forward, backward);
    }

    public double Forward(double x, double y) => (double)_forward.Invoke(_node, [x, y])!;

    public (double Dx, double Dy) Backward(double dout) => ((double, double))_backward.Invoke(_node, [dout])!;
}
