using System;
using System.Collections.Generic;

namespace Backprop.Notebooks;

/// <summary>How <see cref="NotebookRunner"/> runs a notebook.</summary>
public sealed class RunOptions
{
    /// <summary>Longest a cell may run (default 300 s); notebook metadata "backprop.cell_timeout" (seconds) overrides.</summary>
    public TimeSpan CellTimeout { get; init; } = TimeSpan.FromSeconds(300);

    /// <summary>Stop at the first failed cell instead of reporting every failure.</summary>
    public bool StopOnError { get; init; }

    /// <summary>Papermill-style parameters: name to value text (numbers and bools as literals, other text as a string).</summary>
    public IReadOnlyDictionary<string, string> Parameters { get; init; } = new Dictionary<string, string>();

    /// <summary>Where restored NuGet package sets are cached.</summary>
    public string? NuGetCacheRoot { get; init; }

    /// <summary>Progress lines (cell started / finished, package restore).</summary>
    public Action<string>? Log { get; init; }
}
