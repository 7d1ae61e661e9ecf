using System;
using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Notebooks;

/// <summary>Reads Polyglot Notebooks .dib files: an optional #!meta JSON header, then cells split on #!kernel lines.</summary>
public static class DibReader
{
    public static NotebookDocument Parse(string text, string path)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NotebookFormatException(path, null, "the file is empty (expected #!meta or #!csharp / #!markdown cells).");
        }

        var lines = text.Replace("\r\n", "\n").Split('\n');
        var doc = new NotebookDocument(path, NotebookFormat.Dib);
        var kernels = new Dictionary<string, string>(StringComparer.OrdinalIgnoreCase)
        {
            ["csharp"] = KernelNames.CSharp,
            ["c#"] = KernelNames.CSharp,
            ["fsharp"] = "fsharp",
            ["f#"] = "fsharp",
            ["markdown"] = KernelNames.Markdown,
            ["md"] = KernelNames.Markdown,
            ["pwsh"] = "pwsh",
            ["powershell"] = "pwsh",
            ["javascript"] = "javascript",
            ["js"] = "javascript",
            ["html"] = "html",
            ["sql"] = "sql",
            ["kql"] = "kql",
            ["mermaid"] = "mermaid",
            ["value"] = "value",
        };

        string? current = null;
        var start = 0;
        var body = new List<string>();
        var i = 0;
        while (i < lines.Length)
        {
            var line = lines[i];
            var trimmed = line.TrimEnd();
            if (trimmed == "#!meta")
            {
                if (current is not null || body.Count > 0)
                {
                    Flush(doc, current, start, body);
                }

                i = ReadMeta(lines, i, path, doc, kernels);
                current = null;
                body.Clear();
                continue;
            }

            if (trimmed.StartsWith("#!", StringComparison.Ordinal) && kernels.TryGetValue(trimmed[2..], out var kernel))
            {
                Flush(doc, current, start, body);
                current = kernel;
                start = i + 2;
                body.Clear();
                i++;
                continue;
            }

            if (current is null && body.Count == 0)
            {
                start = i + 1;
            }

            body.Add(line);
            i++;
        }

        Flush(doc, current, start, body);
        return doc;
    }

    private static int ReadMeta(string[] lines, int metaLine, string path, NotebookDocument doc, Dictionary<string, string> kernels)
    {
        // The JSON runs from the line after #!meta up to the next #! separator line.
        var end = metaLine + 1;
        while (end < lines.Length && !lines[end].StartsWith("#!", StringComparison.Ordinal))
        {
            end++;
        }

        var json = string.Join("\n", lines, metaLine + 1, end - metaLine - 1);
        JsonNode? node;
        try
        {
            node = JsonNode.Parse(json);
        }
        catch (JsonException e)
        {
            var line = metaLine + 2 + (int)(e.LineNumber ?? 0);
            throw new NotebookFormatException(path, line, $"#!meta is not valid JSON: {e.Message}");
        }

        if (node is not JsonObject meta)
        {
            throw new NotebookFormatException(path, metaLine + 1, "#!meta must be followed by a JSON object.");
        }

        if (meta["kernelInfo"] is JsonObject info)
        {
            if (KernelNames.Normalize((string?)info["defaultKernelName"]) is { } def)
            {
                doc.DefaultLanguage = def;
            }

            if (info["items"] is JsonArray items)
            {
                foreach (var item in items)
                {
                    if (item is not JsonObject o || KernelNames.Normalize((string?)o["name"]) is not { } name)
                    {
                        continue;
                    }

                    kernels[(string)o["name"]!] = name;
                    if (o["aliases"] is JsonArray aliases)
                    {
                        foreach (var a in aliases)
                        {
                            if (a is JsonValue av && av.TryGetValue<string>(out var alias))
                            {
                                kernels[alias.TrimStart('#', '!')] = name;
                            }
                        }
                    }
                }
            }
        }

        doc.Metadata["polyglot_notebook"] = new JsonObject
        {
            ["kernelInfo"] = meta["kernelInfo"]?.DeepClone() ?? new JsonObject { ["defaultKernelName"] = doc.DefaultLanguage },
        };
        return end;
    }

    private static void Flush(NotebookDocument doc, string? language, int start, List<string> body)
    {
        // Blank edge lines belong to the separators, not to the cell.
        var first = 0;
        var last = body.Count - 1;
        while (first <= last && string.IsNullOrWhiteSpace(body[first]))
        {
            first++;
        }

        while (last >= first && string.IsNullOrWhiteSpace(body[last]))
        {
            last--;
        }

        if (first > last)
        {
            return;
        }

        var lang = language ?? doc.DefaultLanguage;
        var kind = lang == KernelNames.Markdown ? CellKind.Markdown : CellKind.Code;
        var source = string.Join("\n", body.GetRange(first, last - first + 1));
        var cell = new NotebookCell(kind, lang, source) { FileLine = start + first };
        if (kind == CellKind.Code)
        {
            cell.Metadata["polyglot_notebook"] = new JsonObject { ["kernelName"] = lang };
            if (source.StartsWith("// parameters", StringComparison.Ordinal))
            {
                cell.AddTag("parameters");
            }

            if (source.StartsWith("// raises-exception", StringComparison.Ordinal))
            {
                cell.AddTag("raises-exception");
            }
        }

        doc.Cells.Add(cell);
    }
}
