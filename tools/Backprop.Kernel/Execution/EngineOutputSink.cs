using System.Collections.Generic;
using System.Text.Json;
using System.Text.Json.Nodes;
using Backprop.Notebooks;

namespace Backprop.Kernel.Execution;

/// <summary>Forwards one cell's engine outputs to the kernel as they happen; keeps the trailing value for execute_result.</summary>
internal sealed class EngineOutputSink : ICellOutputSink
{
    private readonly ICellOutput _output;
    private readonly int _cell;
    private readonly HashSet<string> _shown = new();
    private readonly PlotlyOnce _plotly;

    /// <param name="plotly">The kernel session's: plotly.js goes out with its first chart only.</param>
    public EngineOutputSink(ICellOutput output, int cell, PlotlyOnce plotly)
    {
        _output = output;
        _plotly = plotly;
        _cell = cell;
    }

    public MimeBundle? Result { get; private set; }

    public void Write(CellOutput output)
    {
        switch (output.Kind)
        {
            case CellOutputKind.Stream:
                _output.Stream(output.StreamName ?? "stdout", output.Text ?? "");
                break;
            case CellOutputKind.ExecuteResult:
                Result = new MimeBundle(Data(_plotly.Include(output.Data)), new JsonObject());
                break;
            case CellOutputKind.DisplayData:
                Display(output);
                break;
            case CellOutputKind.Error:
                _output.Stream("stderr", output.ErrorText + "\n");
                break;
        }
    }

    private void Display(CellOutput output)
    {
        if (output.DisplayId is null)
        {
            _output.Display(new MimeBundle(Data(_plotly.Include(output.Data)), new JsonObject()));
            return;
        }

        // The engine numbers displays per cell; Jupyter display ids are kernel-wide, so qualify them with the cell.
        var id = $"cell{_cell}-{output.DisplayId}";
        var bundle = new MimeBundle(Data(_plotly.Include(output.Data)), new JsonObject(), id);
        if (_shown.Add(id))
        {
            _output.Display(bundle);
        }
        else
        {
            _output.UpdateDisplay(bundle);
        }
    }

    /// <summary>JSON mime types travel as JSON, not as strings holding JSON (nbformat's rule).</summary>
    private static JsonObject Data(IReadOnlyDictionary<string, string> data)
    {
        var json = new JsonObject();
        foreach (var (mime, text) in data)
        {
            json[mime] = IsJson(mime) && TryParse(text) is { } node ? node : JsonValue.Create(text);
        }

        return json;
    }

    private static bool IsJson(string mime) => mime == "application/json" || mime.EndsWith("+json", System.StringComparison.Ordinal);

    private static JsonNode? TryParse(string text)
    {
        try
        {
            return JsonNode.Parse(text);
        }
        catch (JsonException)
        {
            return null;
        }
    }
}
