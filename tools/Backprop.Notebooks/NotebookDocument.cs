using System;
using System.Collections.Generic;
using System.IO;
using System.Text.Json.Nodes;

namespace Backprop.Notebooks;

/// <summary>A notebook read from .ipynb or .dib: its cells in order plus the notebook-level metadata.</summary>
public sealed class NotebookDocument
{
    public NotebookDocument(string path, NotebookFormat format)
    {
        Path = path;
        Format = format;
    }

    /// <summary>The file the notebook was read from (absolute).</summary>
    public string Path { get; }

    public NotebookFormat Format { get; }

    /// <summary>Default kernel name for cells without their own ("csharp" unless the notebook says otherwise).</summary>
    public string DefaultLanguage { get; set; } = KernelNames.CSharp;

    /// <summary>Notebook-level metadata (kernelspec, language_info, polyglot_notebook); for .dib, built from #!meta.</summary>
    public JsonObject Metadata { get; set; } = new();

    public List<NotebookCell> Cells { get; } = new();

    /// <summary>Reads a .ipynb or .dib file; throws <see cref="NotebookFormatException"/> naming the file and line.</summary>
    public static NotebookDocument Read(string path)
    {
        var full = System.IO.Path.GetFullPath(path);
        if (!File.Exists(full))
        {
            throw new NotebookFormatException(path, null, "file not found.");
        }

        var text = File.ReadAllText(full);
        return Parse(text, full);
    }

    /// <summary>Parses notebook text; the format follows the path's extension.</summary>
    public static NotebookDocument Parse(string text, string path)
    {
        var ext = System.IO.Path.GetExtension(path).ToLowerInvariant();
        var doc = ext switch
        {
            ".ipynb" => IpynbReader.Parse(text, path),
            ".dib" => DibReader.Parse(text, path),
            _ => throw new NotebookFormatException(path, null, $"unknown notebook extension '{ext}' (expected .ipynb or .dib)."),
        };
        doc.Renumber();

        return doc;
    }

    /// <summary>True for notebook extensions the runner reads.</summary>
    public static bool IsNotebookPath(string path) =>
        path.EndsWith(".ipynb", StringComparison.OrdinalIgnoreCase) || path.EndsWith(".dib", StringComparison.OrdinalIgnoreCase);

    /// <summary>
    /// Numbers the cells: <see cref="NotebookCell.Number"/> by position, <see cref="NotebookCell.CodeNumber"/> counting
    /// the source's code cells only (an injected parameters cell gets 0), so messages match the pages' [n] labels.
    /// </summary>
    public void Renumber()
    {
        var code = 0;
        for (var i = 0; i < Cells.Count; i++)
        {
            var cell = Cells[i];
            cell.Number = i + 1;
            cell.CodeNumber = cell.Kind == CellKind.Code && !cell.HasTag(ParameterInjector.InjectedTag) ? ++code : 0;
        }
    }

    /// <summary>The code cells, in order.</summary>
    public IEnumerable<NotebookCell> CodeCells()
    {
        foreach (var cell in Cells)
        {
            if (cell.Kind == CellKind.Code)
            {
                yield return cell;
            }
        }
    }
}
