using System;
using System.Reflection;
using static Backprop.Display.Texts.Localized;

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
                Pick($"your code combined matrices whose shapes do not fit (MathNet: \"{FirstLine(e.Message)}\")",
                    $"모양이 맞지 않는 행렬끼리 계산했습니다 (MathNet: \"{FirstLine(e.Message)}\")"),
            OperationCanceledException => Pick("your code did not finish in the time a cell may run: does a loop in it never end?",
                "셀 하나에 주어진 시간 안에 코드가 끝나지 않았습니다: 끝나지 않는 반복문이 있나요?"),
            NullReferenceException => Pick("your code used something that is still null (a field Forward should have set?)",
                "아직 null인 것을 사용했습니다 (Forward에서 채웠어야 할 필드인가요?)"),
            IndexOutOfRangeException or ArgumentOutOfRangeException => Pick($"your code read past the end of a matrix or array ({FirstLine(e.Message)})",
                $"행렬이나 배열의 범위를 벗어나 읽었습니다 ({FirstLine(e.Message)})"),
            InvalidCastException => Pick($"a cast in your code does not fit ({FirstLine(e.Message)})", $"코드의 형 변환이 맞지 않습니다 ({FirstLine(e.Message)})"),
            _ => Pick($"your code threw {e.GetType().Name}: {FirstLine(e.Message)}", $"코드에서 {e.GetType().Name} 예외가 발생했습니다: {FirstLine(e.Message)}"),
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
