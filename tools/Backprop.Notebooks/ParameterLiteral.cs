using System;
using System.Globalization;

namespace Backprop.Notebooks;

/// <summary>
/// Turns a command-line value into a C# literal of the type its parameters-cell variable declares, so a value is
/// always data, never code; a value that is not of that type is an error naming the parameter and the type.
/// </summary>
public static class ParameterLiteral
{
    /// <summary>
    /// The literal for <paramref name="value"/>; <paramref name="type"/> is the declared C# type, or null when unknown;
    /// <paramref name="cell"/> names the parameters cell for the error message.
    /// </summary>
    /// <exception cref="ArgumentException">The value does not fit the type.</exception>
    public static string For(string name, string? type, string value, string cell = "the parameters cell")
    {
        var v = value.Trim();
        string Fail(string expected) => throw new ArgumentException(
            $"-p {name}={value}: {name} must be {expected}; {cell} declares it as `{type} {name}`.");

        switch (type)
        {
            case "int" or "long" or "short" or "byte" or "uint" or "ulong" or "ushort" or "sbyte":
                return long.TryParse(v.Replace("_", string.Empty), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var whole)
                    ? whole.ToString(CultureInfo.InvariantCulture) + (type is "long" ? "L" : type is "ulong" ? "UL" : string.Empty)
                    : Fail("a whole number");
            case "double" or "float" or "decimal":
                return Real(v, type) ?? Fail("a number");
            case "bool":
                return bool.TryParse(v, out var flag) ? (flag ? "true" : "false") : Fail("true or false");
            case "string":
                return Quoted(Unquote(value));
            case "char":
                var c = Unquote(value, '\'');
                return c.Length == 1 ? Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(c[0], quote: true) : Fail("one character");
            default:
                // `var x = Something()` or `x = ...`: numbers and bools as written, anything else a string.
                if (v is "true" or "false")
                {
                    return v;
                }

                if (long.TryParse(v, NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out var n))
                {
                    return n.ToString(CultureInfo.InvariantCulture);
                }

                return Real(v, "double") ?? Quoted(Unquote(value));
        }
    }

    /// <summary>The C# type a `var` declaration's initializer literal gives, or null when it is not a literal.</summary>
    public static string? TypeOfLiteral(object? value) => value switch
    {
        int => "int",
        long => "long",
        uint => "uint",
        ulong => "ulong",
        double => "double",
        float => "float",
        decimal => "decimal",
        bool => "bool",
        string => "string",
        char => "char",
        _ => null,
    };

    private static string? Real(string v, string type)
    {
        if (v.Length == 0 || !(char.IsDigit(v[0]) || v[0] is '-' or '+' or '.')
            || !double.TryParse(v.TrimEnd('d', 'D', 'f', 'F', 'm', 'M').Replace("_", string.Empty), NumberStyles.Float, CultureInfo.InvariantCulture, out var x)
            || !double.IsFinite(x))
        {
            return null;
        }

        var text = x.ToString("R", CultureInfo.InvariantCulture);
        return type switch
        {
            "float" => text + "f",
            "decimal" => text + "m",
            _ => text.Contains('.') || text.Contains('E') ? text : text + ".0",
        };
    }

    private static string Quoted(string text) => Microsoft.CodeAnalysis.CSharp.SymbolDisplay.FormatLiteral(text, quote: true);

    // -p name='"text"' (C#'s spelling through the shell) means text; the quotes are not part of the value.
    private static string Unquote(string value, char quote = '"') =>
        value.Length >= 2 && value[0] == quote && value[^1] == quote ? value[1..^1] : value;
}
