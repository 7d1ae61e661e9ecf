using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Json.Nodes;

namespace Backprop.Notebooks;

/// <summary>One notebook cell: kind, language, source, nbformat metadata and (after a run) outputs.</summary>
public sealed class NotebookCell
{
    public NotebookCell(CellKind kind, string language, string source)
    {
        Kind = kind;
        Language = language;
        Source = source;
    }

    public CellKind Kind { get; }

    /// <summary>Kernel name of a code cell ("csharp", "fsharp", ...); "markdown" for markdown cells.</summary>
    public string Language { get; set; }

    public string Source { get; set; }

    /// <summary>nbformat cell id (generated when the source has none).</summary>
    public string Id { get; set; } = Guid.NewGuid().ToString("N")[..12];

    /// <summary>The cell's metadata object, kept as read so VS Code reopens the executed notebook unchanged.</summary>
    public JsonObject Metadata { get; set; } = new();

    /// <summary>1-based line of the cell's first source line in the file (.dib), or 0 when not meaningful (.ipynb).</summary>
    public int FileLine { get; set; }

    /// <summary>1-based position of the cell in the notebook, markdown cells included.</summary>
    public int Number { get; set; }

    /// <summary>
    /// 1-based number among the source notebook's code cells: the [n] a page shows and the "cell n" of every message.
    /// 0 for markdown cells and for the cell injected by -p.
    /// </summary>
    public int CodeNumber { get; set; }

    public List<CellOutput> Outputs { get; } = new();

    public int? ExecutionCount { get; set; }

    /// <summary>The cell's tags (metadata.tags).</summary>
    public IReadOnlyList<string> Tags =>
        Metadata["tags"] is JsonArray tags
            ? tags.Select(t => t?.GetValue<string>() ?? string.Empty).ToArray()
            : Array.Empty<string>();

    public bool HasTag(string tag) => Tags.Contains(tag, StringComparer.Ordinal);

    /// <summary>Adds a tag to metadata.tags (no-op when present).</summary>
    public void AddTag(string tag)
    {
        if (HasTag(tag))
        {
            return;
        }

        if (Metadata["tags"] is not JsonArray tags)
        {
            tags = new JsonArray();
            Metadata["tags"] = tags;
        }

        tags.Add(tag);
    }

    /// <summary>"cell 3" or "cell 3 (line 12)" for messages; the cell injected by -p says so.</summary>
    public string Describe()
    {
        var name = CodeNumber > 0 ? $"cell {CodeNumber}"
            : Kind == CellKind.Code && HasTag(ParameterInjector.InjectedTag) ? "the -p cell"
            : $"markdown cell {Number}";
        return FileLine > 0 ? $"{name} (line {FileLine})" : name;
    }
}
