namespace Backprop.Notebooks;

/// <summary>The kind of a notebook cell, as nbformat names them (code, markdown, raw).</summary>
public enum CellKind
{
    Code,
    Markdown,
    Raw,
}
