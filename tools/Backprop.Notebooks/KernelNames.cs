using System;

namespace Backprop.Notebooks;

/// <summary>Normalises Polyglot kernel names and aliases ("C#", "c#", "csharp") to one name per language.</summary>
public static class KernelNames
{
    public const string CSharp = "csharp";
    public const string Markdown = "markdown";

    /// <summary>Canonical lower-case kernel name, or null for an empty or non-language name.</summary>
    public static string? Normalize(string? name)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return null;
        }

        var n = name.Trim().ToLowerInvariant();
        return n switch
        {
            "c#" or "csharp" or "cs" or ".net (c#)" => CSharp,
            "f#" or "fsharp" or ".net (f#)" => "fsharp",
            "md" or "markdown" => Markdown,
            "powershell" or "pwsh" or ".net (powershell)" => "pwsh",
            "js" or "javascript" => "javascript",
            "polyglot-notebook" or ".net" => null,
            _ => n,
        };
    }

    public static bool IsCSharp(string? name) => string.Equals(Normalize(name), CSharp, StringComparison.Ordinal);
}
