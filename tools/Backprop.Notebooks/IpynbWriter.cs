using System;
using System.Collections.Generic;
using System.Linq;
using System.Text.Encodings.Web;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>Writes a notebook (any source format) as nbformat 4.5 JSON with Polyglot metadata, so VS Code reopens it.</summary>
public static partial class IpynbWriter
{
    private static readonly JsonSerializerOptions Json = new()
    {
        WriteIndented = true,
        IndentSize = 1,
        Encoder = JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public static void Write(NotebookDocument document, string path) => AtomicFile.WriteAllText(path, ToJson(document));

    public static string ToJson(NotebookDocument document)
    {
        var metadata = (JsonObject)document.Metadata.DeepClone();
        metadata["kernelspec"] ??= new JsonObject { ["display_name"] = ".NET (C#)", ["language"] = "C#", ["name"] = ".net-csharp" };
        metadata["language_info"] ??= new JsonObject { ["name"] = "polyglot-notebook" };
        metadata["polyglot_notebook"] ??= new JsonObject
        {
            ["kernelInfo"] = new JsonObject
            {
                ["defaultKernelName"] = document.DefaultLanguage,
                ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = document.DefaultLanguage }),
            },
        };

        var ids = new HashSet<string>(StringComparer.Ordinal);
        var cells = new JsonArray();
        foreach (var cell in document.Cells)
        {
            var id = ValidId().IsMatch(cell.Id) && ids.Add(cell.Id) ? cell.Id : NewId(ids);
            var obj = new JsonObject
            {
                ["cell_type"] = cell.Kind switch { CellKind.Code => "code", CellKind.Markdown => "markdown", _ => "raw" },
                ["id"] = id,
                ["metadata"] = CellMetadata(cell),
                ["source"] = Lines(cell.Source),
            };
            if (cell.Kind == CellKind.Code)
            {
                obj["execution_count"] = cell.ExecutionCount is { } n ? JsonValue.Create(n) : null;
                obj["outputs"] = new JsonArray(cell.Outputs.Select(Output).ToArray<JsonNode?>());
            }

            cells.Add(obj);
        }

        var root = new JsonObject
        {
            ["cells"] = cells,
            ["metadata"] = metadata,
            ["nbformat"] = 4,
            ["nbformat_minor"] = 5,
        };
        return root.ToJsonString(Json) + "\n";
    }

    private static JsonObject CellMetadata(NotebookCell cell)
    {
        var md = (JsonObject)cell.Metadata.DeepClone();
        if (cell.Kind == CellKind.Code)
        {
            md["polyglot_notebook"] ??= new JsonObject { ["kernelName"] = cell.Language };
            md["dotnet_interactive"] ??= new JsonObject { ["language"] = cell.Language };
        }

        return md;
    }

    private static JsonObject Output(CellOutput output) => output.Kind switch
    {
        CellOutputKind.Stream => new JsonObject
        {
            ["output_type"] = "stream",
            ["name"] = output.StreamName,
            ["text"] = Lines(output.Text ?? string.Empty),
        },
        CellOutputKind.DisplayData => new JsonObject
        {
            ["output_type"] = "display_data",
            ["data"] = Bundle(output.Data),
            ["metadata"] = new JsonObject(),
        },
        CellOutputKind.ExecuteResult => new JsonObject
        {
            ["output_type"] = "execute_result",
            ["execution_count"] = output.ExecutionCount,
            ["data"] = Bundle(output.Data),
            ["metadata"] = new JsonObject(),
        },
        _ => new JsonObject
        {
            ["output_type"] = "error",
            ["ename"] = output.ErrorName ?? "Error",
            ["evalue"] = output.ErrorValue ?? string.Empty,
            ["traceback"] = new JsonArray(output.Traceback.Select(t => (JsonNode?)JsonValue.Create(t)).ToArray()),
        },
    };

    private static JsonObject Bundle(IReadOnlyDictionary<string, string> data)
    {
        var obj = new JsonObject();
        foreach (var (mime, text) in data)
        {
            obj[mime] = Lines(text);
        }

        return obj;
    }

    /// <summary>nbformat's multiline string: a list of lines, each but the last keeping its newline.</summary>
    private static JsonArray Lines(string text)
    {
        var array = new JsonArray();
        var start = 0;
        while (start < text.Length)
        {
            var end = text.IndexOf('\n', start);
            end = end < 0 ? text.Length : end + 1;
            array.Add(text[start..end]);
            start = end;
        }

        return array;
    }

    private static string NewId(HashSet<string> ids)
    {
        string id;
        do
        {
            id = Guid.NewGuid().ToString("N")[..12];
        }
        while (!ids.Add(id));
        return id;
    }

    [GeneratedRegex("^[a-zA-Z0-9-_]{1,64}$")]
    private static partial Regex ValidId();
}
