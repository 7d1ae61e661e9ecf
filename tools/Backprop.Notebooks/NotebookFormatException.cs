using System;

namespace Backprop.Notebooks;

/// <summary>A notebook file that cannot be read; the message names the file and, when known, the line.</summary>
public sealed class NotebookFormatException : Exception
{
    public NotebookFormatException(string path, int? line, string message)
        : base(line is { } l ? $"{path}({l}): {message}" : $"{path}: {message}")
    {
        FilePath = path;
        Line = line;
    }

    /// <summary>The file that could not be read.</summary>
    public string FilePath { get; }

    /// <summary>The 1-based line of the problem, when known.</summary>
    public int? Line { get; }
}
