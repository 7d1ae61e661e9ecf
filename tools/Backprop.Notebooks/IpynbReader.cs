using System.Linq;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Backprop.Notebooks;

/// <summary>Reads Jupyter nbformat 4 notebooks; cell languages follow the Polyglot Notebooks metadata.</summary>
public static class IpynbReader
{
    public static NotebookDocument Parse(string text, string path) => Parse(text, path, includeOutputs: false);

    /// <summary>Parses a notebook; with <paramref name="includeOutputs"/> the stored outputs and execution counts are read too.</summary>
    public static NotebookDocument Parse(string text, string path, bool includeOutputs)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            throw new NotebookFormatException(path, null, "the file is empty (expected nbformat 4 JSON).");
        }

        JsonNode? root;
        try
        {
            root = JsonNode.Parse(text, documentOptions: new JsonDocumentOptions { AllowTrailingCommas = true });
        }
        catch (JsonException e)
        {
            var line = e.LineNumber is { } l ? (int)l + 1 : (int?)null;
            throw new NotebookFormatException(path, line, $"invalid JSON: {e.Message}");
        }

        if (root is not JsonObject obj)
        {
            throw new NotebookFormatException(path, null, "expected a JSON object at the top level.");
        }

        var major = obj["nbformat"] is JsonValue v && v.TryGetValue<int>(out var m) ? m : 0;
        if (major != 4)
        {
            throw new NotebookFormatException(path, null, $"unsupported nbformat {major} (expected 4).");
        }

        if (obj["cells"] is not JsonArray cells)
        {
            throw new NotebookFormatException(path, null, "missing 'cells' array.");
        }

        var doc = new NotebookDocument(path, NotebookFormat.Ipynb)
        {
            Metadata = obj["metadata"] is JsonObject md ? (JsonObject)md.DeepClone() : new JsonObject(),
        };
        doc.DefaultLanguage = DefaultLanguage(doc.Metadata);

        var index = 0;
        foreach (var node in cells)
        {
            index++;
            if (node is not JsonObject c)
            {
                throw new NotebookFormatException(path, null, $"cell {index} is not a JSON object.");
            }

            var type = (string?)c["cell_type"];
            var kind = type switch
            {
                "code" => CellKind.Code,
                "markdown" => CellKind.Markdown,
                "raw" => CellKind.Raw,
                _ => throw new NotebookFormatException(path, null, $"cell {index} has unknown cell_type '{type}'."),
            };
            var metadata = c["metadata"] is JsonObject cm ? (JsonObject)cm.DeepClone() : new JsonObject();
            var language = kind == CellKind.Code ? CellLanguage(metadata) ?? doc.DefaultLanguage : KernelNames.Markdown;
            var cell = new NotebookCell(kind, language, ReadSource(c["source"], path, index)) { Metadata = metadata };
            if (c["id"] is JsonValue id && id.TryGetValue<string>(out var idText) && !string.IsNullOrEmpty(idText))
            {
                cell.Id = idText;
            }

            if (includeOutputs && kind == CellKind.Code)
            {
                ReadOutputs(c, cell);
            }

            doc.Cells.Add(cell);
        }

        doc.Renumber();

        return doc;
    }

    private static void ReadOutputs(JsonObject c, NotebookCell cell)
    {
        cell.ExecutionCount = c["execution_count"] is JsonValue n && n.TryGetValue<int>(out var count) ? count : null;
        foreach (var node in c["outputs"] as JsonArray ?? [])
        {
            if (node is not JsonObject o)
            {
                continue;
            }

            var output = (string?)o["output_type"] switch
            {
                "stream" => CellOutput.Stream((string?)o["name"] ?? "stdout", Text(o["text"])),
                "display_data" => CellOutput.Display(Bundle(o["data"])),
                "execute_result" => CellOutput.Result(Bundle(o["data"]), o["execution_count"] is JsonValue e && e.TryGetValue<int>(out var ec) ? ec : 0),
                "error" => CellOutput.Error(
                    (string?)o["ename"] ?? "Error",
                    (string?)o["evalue"] ?? string.Empty,
                    (o["traceback"] as JsonArray ?? []).Select(t => (string?)t ?? string.Empty).ToArray()),
                _ => null,
            };
            if (output is not null)
            {
                cell.Outputs.Add(output);
            }
        }
    }

    private static string Text(JsonNode? node) => node switch
    {
        JsonArray lines => string.Concat(lines.Select(l => (string?)l)),
        JsonValue v when v.TryGetValue<string>(out var s) => s,
        null => string.Empty,
        _ => node.ToJsonString(),
    };

    private static System.Collections.Generic.Dictionary<string, string> Bundle(JsonNode? node)
    {
        var bundle = new System.Collections.Generic.Dictionary<string, string>(System.StringComparer.Ordinal);
        if (node is JsonObject data)
        {
            foreach (var (mime, value) in data)
            {
                bundle[mime] = Text(value);
            }
        }

        return bundle;
    }

    private static string ReadSource(JsonNode? node, string path, int index)
    {
        switch (node)
        {
            case null:
                return string.Empty;
            case JsonValue value when value.TryGetValue<string>(out var s):
                return s;
            case JsonArray lines:
                var sb = new StringBuilder();
                foreach (var line in lines)
                {
                    if (line is not JsonValue lv || !lv.TryGetValue<string>(out var text))
                    {
                        throw new NotebookFormatException(path, null, $"cell {index}: 'source' must hold strings.");
                    }

                    sb.Append(text);
                }

                return sb.ToString();
            default:
                throw new NotebookFormatException(path, null, $"cell {index}: 'source' must be a string or a list of strings.");
        }
    }

    private static string? CellLanguage(JsonObject metadata) =>
        KernelNames.Normalize((string?)(metadata["polyglot_notebook"] as JsonObject)?["kernelName"])
        ?? KernelNames.Normalize((string?)(metadata["dotnet_interactive"] as JsonObject)?["language"]);

    private static string DefaultLanguage(JsonObject metadata)
    {
        var candidates = new[]
        {
            (metadata["polyglot_notebook"] as JsonObject)?["defaultKernelName"],
            (metadata["kernelspec"] as JsonObject)?["language"],
            (metadata["language_info"] as JsonObject)?["name"],
        };
        return candidates
            .Select(n => n is JsonValue jv && jv.TryGetValue<string>(out var s) ? KernelNames.Normalize(s) : null)
            .FirstOrDefault(n => n is not null) ?? KernelNames.CSharp;
    }
}
