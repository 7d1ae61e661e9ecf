namespace Backprop.Notebooks;

/// <summary>The file format a notebook was read from.</summary>
public enum NotebookFormat
{
    /// <summary>Jupyter nbformat 4 (.ipynb).</summary>
    Ipynb,

    /// <summary>Polyglot Notebooks plain-text format (.dib).</summary>
    Dib,
}
