using System;
using System.Collections.Generic;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>
/// The kernel directives of one cell (#r "nuget: ...", #r "path", #i "nuget: ...", #!time), taken out of the code.
/// Each directive line becomes a blank line so compiler line numbers stay those of the cell.
/// </summary>
public sealed partial class CellDirectives
{
    /// <summary>The C# left to compile (directive lines blanked).</summary>
    public string Code { get; private set; } = string.Empty;

    public List<(string Name, string? Version, int Line)> Packages { get; } = new();

    public List<(string Path, int Line)> References { get; } = new();

    public List<string> Sources { get; } = new();

    public bool Time { get; private set; }

    /// <summary>Directive errors (unknown magic command, malformed #r) as "line N: message".</summary>
    public List<string> Errors { get; } = new();

    public static CellDirectives Parse(string code)
    {
        var lines = code.Replace("\r\n", "\n").Split('\n');
        var result = new List<string>();
        var directives = new CellDirectives();
        for (var i = 0; i < lines.Length; i++)
        {
            var line = lines[i];
            var t = line.Trim();
            var blank = true;
            if (t.StartsWith("#r ", StringComparison.Ordinal) || t.StartsWith("#i ", StringComparison.Ordinal))
            {
                var m = QuotedArgument().Match(t, 3);
                if (!m.Success)
                {
                    directives.Errors.Add($"line {i + 1}: expected {t[..2]} \"...\" with a quoted argument.");
                }
                else
                {
                    directives.AddReference(t[1] == 'r', m.Groups[1].Value, i + 1);
                }
            }
            else if (t.StartsWith("#!", StringComparison.Ordinal))
            {
                var name = t[2..].Split(' ', 2)[0];
                if (name == "time")
                {
                    directives.Time = true;
                }
                else if (!KernelNames.IsCSharp(name))
                {
                    directives.Errors.Add($"line {i + 1}: unknown magic command '#!{name}'. This runner supports #!time, #r and #i in C# cells.");
                }
            }
            else
            {
                blank = false;
            }

            result.Add(blank ? string.Empty : line);
        }

        directives.Code = string.Join("\n", result);
        return directives;
    }

    private void AddReference(bool isReference, string argument, int line)
    {
        if (argument.StartsWith("nuget:", StringComparison.OrdinalIgnoreCase))
        {
            var rest = argument["nuget:".Length..].Trim();
            if (!isReference)
            {
                Sources.Add(rest);
                return;
            }

            var parts = rest.Split(',', 2, StringSplitOptions.TrimEntries);
            if (parts[0].Length == 0)
            {
                Errors.Add($"line {line}: #r \"nuget: ...\" needs a package name.");
                return;
            }

            Packages.Add((parts[0], parts.Length > 1 && parts[1].Length > 0 ? parts[1] : null, line));
        }
        else if (isReference)
        {
            References.Add((argument, line));
        }
        else
        {
            Errors.Add($"line {line}: #i only accepts \"nuget: <source>\".");
        }
    }

    [GeneratedRegex("\\G\\s*\"([^\"]*)\"\\s*$")]
    private static partial Regex QuotedArgument();
}
