using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text;
using System.Text.Json;
using Backprop.Display;
using Backprop.Display.Texts;

namespace Backprop;

/// <summary>
/// A traced graph as JSON for the page's stepper (§5.1–5.5): each node's operation, inputs and the library's own
/// values, local derivatives and gradients, plus the backward order, so the page can replay the arithmetic.
/// </summary>
internal static class GraphExport
{
    // Longer expressions would crowd the one-line caption; such nodes are called by their step, "#4".
    private const int LongestExpression = 40;

    public static string ToJson(ComputationalGraph graph)
    {
        var stream = new MemoryStream();
        using (var json = new Utf8JsonWriter(stream))
        {
            json.WriteStartObject();
            json.WriteStartArray("nodes");
            var names = CaptionNames(graph);
            foreach (GraphNode node in graph.Nodes)
            {
                WriteNode(json, node, names[node]);
            }

            json.WriteEndArray();
            if (graph.Output is GraphNode output)
            {
                json.WriteNumber("output", output.Id);
                json.WritePropertyName("seed");
                WriteNumber(json, output.Grad);
                json.WriteStartArray("backward");
                // The library's own order (reverse topological), so sums of two gradients add up in the same order.
                var order = ComputationalGraph.TopologicalOrder(output);
                for (int i = order.Count - 1; i >= 0; i--)
                {
                    json.WriteNumberValue(order[i].Id);
                }

                json.WriteEndArray();
            }

            WriteTexts(json, "text", StepperTexts.All);
            json.WriteEndObject();
        }

        return Encoding.UTF8.GetString(stream.ToArray());
    }

    /// <summary>
    /// The page's words in the current UI culture, read now: the script only fills in names and numbers.
    /// </summary>
    internal static void WriteTexts(Utf8JsonWriter json, string name, IReadOnlyDictionary<string, Phrase> texts)
    {
        json.WriteStartObject(name);
        foreach (var (key, phrase) in texts)
        {
            json.WriteString(key, phrase.ToString());
        }

        json.WriteEndObject();
    }

    /// <summary>The page's name for each operation; null for one it cannot recompute (then inputs are not editable).</summary>
    public static string? Kind(GraphOp op) => op switch
    {
        GraphOp.Input => "input",
        GraphOp.Mul => "mul",
        GraphOp.Add => "add",
        GraphOp.Scale => "scale",
        GraphOp.AddConstant => "addc",
        GraphOp.Exp => "exp",
        GraphOp.Reciprocal => "recip",
        GraphOp.Log => "log",
        _ => null,
    };

    /// <summary>What a caption calls each node: its name, else its expression ("apple × apple_num"), else "#step".</summary>
    public static Dictionary<GraphNode, string> CaptionNames(ComputationalGraph graph)
    {
        var names = new Dictionary<GraphNode, string>();
        int step = 0;
        foreach (GraphNode node in graph.Nodes)
        {
            step += node.Op == GraphOp.Input ? 0 : 1;
            string? expression = node.Name ?? Expression(node, names);
            names[node] = node.Op == GraphOp.Input ? node.Label
                : expression is not null && expression.Length <= LongestExpression ? expression : $"#{step}";
        }

        return names;
    }

    private static string? Expression(GraphNode node, Dictionary<GraphNode, string> names)
    {
        // × binds tighter than +, as on paper: apple × apple_num + orange × orange_num needs no brackets.
        string Operand(int i) => names[node.Inputs[i]].Contains(' ') ? $"({names[node.Inputs[i]]})" : names[node.Inputs[i]];
        string Factor(int i) => names[node.Inputs[i]].Contains(" + ") ? Operand(i) : names[node.Inputs[i]];
        string c = node.Constant is double value ? Html.Compact(value) : "";
        return node.Op switch
        {
            GraphOp.Mul => $"{Factor(0)} × {Factor(1)}",
            GraphOp.Add => string.Join(" + ", node.Inputs.Select(i => names[i])),
            GraphOp.Scale when node.Constant == -1 => $"−{Operand(0)}",
            GraphOp.Scale => $"{Operand(0)} × {c}",
            GraphOp.AddConstant => $"{Operand(0)} + {c}",
            GraphOp.Exp => $"exp({names[node.Inputs[0]]})",
            GraphOp.Reciprocal => $"1/{Operand(0)}",
            GraphOp.Log => $"log({names[node.Inputs[0]]})",
            _ => null,
        };
    }

    private static void WriteNode(Utf8JsonWriter json, GraphNode node, string name)
    {
        json.WriteStartObject();
        json.WriteNumber("id", node.Id);
        json.WriteString("op", Kind(node.Op));
        json.WriteString("symbol", node.Symbol);
        json.WriteString("label", node.Label);
        json.WriteString("name", name);
        json.WriteBoolean("named", node.Name is not null || node.Op == GraphOp.Input);
        WriteArray(json, "inputs", node.Inputs.Select(i => (double)i.Id));
        if (node.Constant is double constant)
        {
            json.WritePropertyName("constant");
            WriteNumber(json, constant);
        }

        json.WritePropertyName("value");
        WriteNumber(json, node.Value);
        json.WritePropertyName("grad");
        WriteNumber(json, node.Grad);
        WriteArray(json, "local", node.LocalDerivatives);
        WriteArray(json, "edgeGrads", node.EdgeGrads);
        json.WriteEndObject();
    }

    private static void WriteArray(Utf8JsonWriter json, string name, IEnumerable<double> values)
    {
        json.WriteStartArray(name);
        foreach (double value in values)
        {
            WriteNumber(json, value);
        }

        json.WriteEndArray();
    }

    // JSON has no infinities (a log of 0, a 1/0): they travel as strings the page turns back into numbers.
    public static void WriteNumber(Utf8JsonWriter json, double value)
    {
        if (double.IsFinite(value))
        {
            json.WriteNumberValue(value);
        }
        else
        {
            json.WriteStringValue(double.IsNaN(value) ? "NaN" : value > 0 ? "Infinity" : "-Infinity");
        }
    }
}
