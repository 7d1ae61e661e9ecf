using System;

namespace Backprop.Notebooks;

/// <summary>Settings of a <see cref="ScriptSession"/>.</summary>
public sealed class ScriptSessionOptions
{
    /// <summary>The notebook's folder: current directory while cells run, base for #r "relative.dll".</summary>
    public string WorkingDirectory { get; init; } = Environment.CurrentDirectory;

    /// <summary>Where restored package sets are cached (default ~/.cache/backprop-notebooks/nuget).</summary>
    public string? NuGetCacheRoot { get; init; }

    /// <summary>When set, the only NuGet sources (replacing NuGet.config's); tests use a local folder to stay offline.</summary>
    public System.Collections.Generic.IReadOnlyList<string>? NuGetSources { get; init; }

    /// <summary>Progress messages (package restore), e.g. to stderr.</summary>
    public Action<string>? Log { get; init; }

    /// <summary>How long a cancelled cell may take to stop before the session is declared stuck.</summary>
    public TimeSpan StopGrace { get; init; } = TimeSpan.FromSeconds(3);
}
