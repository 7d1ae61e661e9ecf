using System;
using System.Reflection;

namespace Backprop.Exercises;

/// <summary>Turns what a student's code threw into one sentence: the exception's kind and message, never a stack trace.</summary>
internal static class StudentError
{
    public static bool IsNotDone(Exception e) => Unwrap(e) is NotImplementedException;

    public static string Describe(Exception e, string? hint)
    {
        e = Unwrap(e);
        var what = e switch
        {
            // MathNet says "Matrix dimensions must agree: 2x3." when a product's or a sum's shapes do not fit.
            ArgumentException when e.Message.Contains("dimensions", StringComparison.OrdinalIgnoreCase) =>
                $"your code combined matrices whose shapes do not fit (MathNet: \"{FirstLine(e.Message)}\")",
            OperationCanceledException => "your code did not finish in the time a cell may run: does a loop in it never end?",
            NullReferenceException => "your code used something that is still null (a field Forward should have set?)",
            IndexOutOfRangeException or ArgumentOutOfRangeException => $"your code read past the end of a matrix or array ({FirstLine(e.Message)})",
            InvalidCastException => $"a cast in your code does not fit ({FirstLine(e.Message)})",
            _ => $"your code threw {e.GetType().Name}: {FirstLine(e.Message)}",
        };
        return hint is not null ? $"{what}; {hint}" : what.EndsWith('?') ? what : what + ".";
    }

    private static Exception Unwrap(Exception e)
    {
        while (e is TargetInvocationException { InnerException: { } inner })
        {
            e = inner;
        }

        return e;
    }

    private static string FirstLine(string message)
    {
        var end = message.IndexOf('\n');
        return (end < 0 ? message : message[..end]).Trim();
    }
}
