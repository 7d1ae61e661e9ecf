using System;
using System.Linq;
using System.Reflection;
using MathNet.Numerics.LinearAlgebra;
using static Backprop.Display.Texts.Localized;

namespace Backprop.Exercises;

/// <summary>Reads a student's fields by the book's names (dW or DW, either case), so any spelling of a correct class passes.</summary>
internal static class Members
{
    private const BindingFlags Public = BindingFlags.Public | BindingFlags.Instance | BindingFlags.IgnoreCase;

    public static bool Has(object owner, string name) =>
        owner.GetType().GetProperty(name, Public) is not null || owner.GetType().GetField(name, Public) is not null;

    /// <summary>The public property or field called <paramref name="name"/>; throws a hint-worthy message when there is none.</summary>
    public static Matrix<double>? Matrix(object owner, string name)
    {
        var type = owner.GetType();
        object? value = type.GetProperty(name, Public) is { } property ? property.GetValue(owner)
            : type.GetField(name, Public) is { } field ? field.GetValue(owner)
            : throw new MissingMemberException(Pick($"{type.Name} has no public {name}; the check reads the gradient from it",
                $"{type.Name}에는 public {name} 멤버가 없습니다. 확인 코드는 기울기를 여기서 읽습니다"));
        return value as Matrix<double>;
    }

    /// <summary>The public method <paramref name="name"/> whose parameters fit <paramref name="arguments"/>, or null.</summary>
    public static MethodInfo? Method(Type type, string name, params Type[] arguments) =>
        type.GetMethods(BindingFlags.Public | BindingFlags.Instance)
            .Where(m => m.Name == name)
            .FirstOrDefault(m =>
            {
                var parameters = m.GetParameters();
                int required = parameters.Count(p => !p.HasDefaultValue);
                return arguments.Length >= required && arguments.Length <= parameters.Length
                    && arguments.Select((a, i) => parameters[i].ParameterType.IsAssignableFrom(a)).All(ok => ok);
            });
}
