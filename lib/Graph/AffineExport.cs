using System.IO;
using System.Text;
using System.Text.Json;
using Backprop.Display.Texts;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop;

/// <summary>
/// The Affine graph of §5.6 as JSON for the page's stepper: the drawing's five nodes with the layer's own matrices
/// (value and gradient of each), and the backward order, + node first. The page only shows them: it does not
/// multiply matrices, so the inputs are fixed.
/// </summary>
internal static class AffineExport
{
    // The node ids of AffineGraph.Drawing(): the SVG's data-node, data-edge and data-out attributes use them.
    private const int X = 0, W = 1, Dot = 2, B = 3, Plus = 4;

    public static string ToJson(AffineGraph graph)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteBoolean("matrix", true);
            json.WriteStartArray("nodes");
            WriteNode(json, X, "", "X", [], graph.X, graph.DX);
            WriteNode(json, W, "", "W", [], graph.W, graph.DW);
            WriteNode(json, Dot, "dot", "X·W", [X, W], graph.XW, graph.DY);
            WriteNode(json, B, "", "B", [], graph.B, graph.DB);
            WriteNode(json, Plus, "+", "Y", [Dot, B], graph.Y, graph.DY);
            json.WriteEndArray();
            json.WriteNumber("output", Plus);
            WriteMatrix(json, "seed", graph.DY);
            json.WriteStartArray("backward");
            json.WriteNumberValue(Plus);
            json.WriteNumberValue(Dot);
            json.WriteEndArray();
            GraphExport.WriteTexts(json, "text", StepperTexts.All);
            GraphExport.WriteTexts(json, "matrixText", MatrixStepperTexts.All);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    // op null: the page has no arithmetic for it (so stepper.js fixes the inputs); local and edgeGrads stay empty,
    // since every matrix here is used once and its edge carries its own gradient.
    private static void WriteNode(Utf8JsonWriter json, int id, string symbol, string name, int[] inputs,
        Matrix<double> value, Matrix<double> grad)
    {
        json.WriteStartObject();
        json.WriteNumber("id", id);
        json.WriteNull("op");
        json.WriteString("symbol", symbol);
        json.WriteString("label", name);
        json.WriteString("name", name);
        json.WriteBoolean("named", true);
        json.WriteStartArray("inputs");
        foreach (int input in inputs)
        {
            json.WriteNumberValue(input);
        }

        json.WriteEndArray();
        WriteMatrix(json, "value", value);
        WriteMatrix(json, "grad", grad);
        json.WriteStartArray("local");
        json.WriteEndArray();
        json.WriteStartArray("edgeGrads");
        json.WriteEndArray();
        json.WriteEndObject();
    }

    // Row by row, as numpy prints it; an overflow's infinities travel as strings, as in every graph's export.
    private static void WriteMatrix(Utf8JsonWriter json, string name, Matrix<double> m)
    {
        json.WriteStartArray(name);
        for (int r = 0; r < m.RowCount; r++)
        {
            json.WriteStartArray();
            for (int c = 0; c < m.ColumnCount; c++)
            {
                GraphExport.WriteNumber(json, m[r, c]);
            }

            json.WriteEndArray();
        }

        json.WriteEndArray();
    }
}
