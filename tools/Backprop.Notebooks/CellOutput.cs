using System;
using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>One output of an executed cell (nbformat 4 output: stream, display_data, execute_result or error).</summary>
public sealed record CellOutput
{
    private static readonly IReadOnlyDictionary<string, string> NoData = new Dictionary<string, string>();

    private CellOutput(CellOutputKind kind) => Kind = kind;

    public CellOutputKind Kind { get; }

    /// <summary>"stdout" or "stderr" for a stream output.</summary>
    public string? StreamName { get; private init; }

    /// <summary>The text of a stream output.</summary>
    public string? Text { get; private init; }

    /// <summary>The mime bundle of a display_data or execute_result output (mime type to text).</summary>
    public IReadOnlyDictionary<string, string> Data { get; private init; } = NoData;

    /// <summary>execution_count of an execute_result.</summary>
    public int? ExecutionCount { get; init; }

    /// <summary>Error name (e.g. "System.InvalidOperationException", "CompilationError", "TimeoutError").</summary>
    public string? ErrorName { get; private init; }

    /// <summary>Error message.</summary>
    public string? ErrorValue { get; private init; }

    /// <summary>Error traceback lines (plain text, no ANSI colours).</summary>
    public IReadOnlyList<string> Traceback { get; private init; } = Array.Empty<string>();

    /// <summary>display_id for a display that may be updated later.</summary>
    public string? DisplayId { get; init; }

    public static CellOutput Stream(string name, string text) =>
        new(CellOutputKind.Stream) { StreamName = name, Text = text };

    public static CellOutput Display(IReadOnlyDictionary<string, string> data, string? displayId = null) =>
        new(CellOutputKind.DisplayData) { Data = data, DisplayId = displayId };

    public static CellOutput Result(IReadOnlyDictionary<string, string> data, int executionCount) =>
        new(CellOutputKind.ExecuteResult) { Data = data, ExecutionCount = executionCount };

    public static CellOutput Error(string name, string value, IReadOnlyList<string> traceback) =>
        new(CellOutputKind.Error) { ErrorName = name, ErrorValue = value, Traceback = traceback };

    /// <summary>The error as one readable block: traceback lines, or "name: value" when there is none.</summary>
    /// <summary>The restore's "Installed Packages" notice: build noise a page leaves out, not what the lesson shows.</summary>
    public bool IsBuildNoise => Kind == CellOutputKind.DisplayData && Data.TryGetValue("text/plain", out var text)
        && text.StartsWith("Installed Packages", StringComparison.Ordinal);

    public string ErrorText => Traceback.Count > 0 ? string.Join("\n", Traceback) : $"{ErrorName}: {ErrorValue}";
}
