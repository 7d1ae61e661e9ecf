using System;
using System.Collections.Generic;
using System.Diagnostics;
using System.Linq;
using Microsoft.CodeAnalysis;
using Microsoft.CodeAnalysis.Text;

namespace Backprop.Notebooks;

/// <summary>Builds error outputs that read like the kernel's: "(line,col): error CSxxxx: message", "Type: message" + the cell line.</summary>
internal static class ErrorOutputs
{
    public static CellOutput Simple(string name, string message) =>
        CellOutput.Error(name, message, message.Split('\n'));

    public static CellOutput Lines(string name, IReadOnlyList<string> lines, CellLocation location)
    {
        var shown = lines.Select(l => l + FileSuffix(location, LineOf(l))).ToArray();
        return CellOutput.Error(name, shown[0], shown);
    }

    public static CellOutput Compilation(IReadOnlyList<Diagnostic> errors, LoopCancellationInjector injected, string userCode, CellLocation location)
    {
        var text = SourceText.From(userCode);
        var lines = errors.Select(d =>
        {
            var start = injected.ToOriginal(d.Location.SourceSpan.Start);
            var pos = text.Lines.GetLinePosition(Math.Min(start, text.Length));
            var line = pos.Line + 1;
            return $"({line},{pos.Character + 1}): error {d.Id}: {d.GetMessage(System.Globalization.CultureInfo.InvariantCulture)}" + FileSuffix(location, line);
        }).Distinct().ToArray();
        return CellOutput.Error("CompilationError", lines[0], lines);
    }

    public static CellOutput Runtime(Exception ex, CellLocation location)
    {
        if (ex is AggregateException { InnerExceptions.Count: 1 } agg)
        {
            ex = agg.InnerExceptions[0];
        }

        var type = ex.GetType().FullName ?? ex.GetType().Name;
        var lines = new List<string> { $"{type}: {ex.Message}" };
        var frames = new StackTrace(ex, true).GetFrames();
        foreach (var frame in frames)
        {
            var method = frame.GetMethod();
            var declaring = method?.DeclaringType;
            if (IsSubmission(declaring))
            {
                var line = frame.GetFileLineNumber();
                lines.Add(line > 0 ? $"   at cell line {line}{FileSuffix(location, line)}" : "   at the cell");
                break;
            }

            var ns = declaring?.Namespace ?? string.Empty;
            if (declaring is not null && !ns.StartsWith("System", StringComparison.Ordinal) && !ns.StartsWith("Microsoft", StringComparison.Ordinal))
            {
                lines.Add($"   at {declaring.FullName}.{method!.Name}");
            }
        }

        return CellOutput.Error(type, ex.Message, lines);
    }

    private static bool IsSubmission(Type? type)
    {
        while (type?.DeclaringType is not null)
        {
            type = type.DeclaringType;
        }

        return type?.Name.StartsWith("Submission#", StringComparison.Ordinal) == true;
    }

    private static string FileSuffix(CellLocation location, int cellLine) =>
        location.FileLine > 0 && cellLine > 0
            ? $" ({location.FileName ?? "file"} line {location.FileLine + cellLine - 1})"
            : string.Empty;

    private static int LineOf(string message) =>
        message.StartsWith("line ", StringComparison.Ordinal) && int.TryParse(message[5..].Split(':')[0], out var l) ? l : 0;
}
