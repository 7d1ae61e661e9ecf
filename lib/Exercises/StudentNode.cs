using System;
using System.Reflection;

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
            throw new MissingMethodException($"{type.Name} needs public double Forward(double x, double y)");
        }

        if (backward is null || backward.ReturnType != typeof((double, double)))
        {
            throw new MissingMethodException($"{type.Name} needs public (double dx, double dy) Backward(double dout)");
        }

        return new StudentNode(node, forward, backward);
    }

    public double Forward(double x, double y) => (double)_forward.Invoke(_node, [x, y])!;

    public (double Dx, double Dy) Backward(double dout) => ((double, double))_backward.Invoke(_node, [dout])!;
}
