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

    /// <summary>
    /// When false, a notebook without a cell tagged "parameters" runs unchanged even if parameters were given
    /// (running a whole folder with -p); names unknown to an existing parameters cell are still an error.
    /// </summary>
    public bool RequireParametersCell { get; init; } = true;

    /// <summary>Where restored NuGet package sets are cached.</summary>
    public string? NuGetCacheRoot { get; init; }

    /// <summary>When set, the only NuGet sources (replacing NuGet.config's).</summary>
    public IReadOnlyList<string>? NuGetSources { get; init; }

    /// <summary>Called after every code cell with the run so far (lets a host save partial results as it goes).</summary>
    public Action<NotebookRunResult>? CellFinished { get; init; }

    /// <summary>Called once the notebook is read and its parameters injected, before the first cell runs.</summary>
    public Action<NotebookRunResult>? Prepared { get; init; }

    /// <summary>Progress lines (cell started / finished / still running, package restore).</summary>
    public Action<string>? Log { get; init; }

    /// <summary>A cell's printed text (stdout and stderr) as it is written, for a console that shows it live.</summary>
    public Action<string>? Printed { get; init; }

    /// <summary>How often a long cell gets a "still running" line in <see cref="Log"/> (default 60 s; zero for none).</summary>
    public TimeSpan HeartbeatInterval { get; init; } = TimeSpan.FromSeconds(60);
}
