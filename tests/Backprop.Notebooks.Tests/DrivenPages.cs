using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>The published pages the stepper tests drive, each run and driven once: lessons 1 to 4 and a fixture.</summary>
internal static class DrivenPages
{
    public static readonly Lazy<Task<JsonElement>> Lesson1 = new(() => StepperPage.DriveAsync(Lesson("01-computational-graph.ipynb")));
    public static readonly Lazy<Task<JsonElement>> Lesson2 = new(() => StepperPage.DriveAsync(Lesson("02-activation-layers.ipynb")));
    public static readonly Lazy<Task<JsonElement>> Lesson3 = new(() => StepperPage.DriveAsync(Lesson("03-affine-shapes.ipynb")));
    public static readonly Lazy<Task<JsonElement>> Lesson4 = new(() => StepperPage.DriveAsync(Lesson("04-softmax-with-loss.ipynb")));
    public static readonly Lazy<Task<JsonElement>> Fixture = new(() => StepperPage.DriveAsync(FixtureNotebook()));

    private static string Lesson(string name) => Path.Combine(RepoRoot, "notebooks", name);

    public static string Caption(JsonElement state) => state.GetProperty("caption").GetString()!;

    public static List<string> Visible(JsonElement state) => state.GetProperty("labels").EnumerateArray()
        .Where(l => !l.GetProperty("hidden").GetBoolean())
        .Select(l => $"{l.GetProperty("at").GetString()} {l.GetProperty("kind").GetString()} {l.GetProperty("text").GetString()}").ToList();

    public static List<(string At, string Kind, string Text, string Full)> Labels(JsonElement stepper, string which) =>
        stepper.GetProperty(which).EnumerateArray().Select(l => (l.GetProperty("at").GetString()!, l.GetProperty("kind").GetString()!,
            l.GetProperty("text").GetString()!, l.GetProperty("full").GetString()!)).ToList();

    private static string FixtureNotebook()
    {
        string scratch = NewScratch();
        string lib = Path.GetRelativePath(scratch, Path.Combine(RepoRoot, "artifacts", "lib", "Backprop.Lib.dll"));
        const string Chain = """
            var chain = new ComputationalGraph();
            var t = chain.Add(chain.Input("x", 1), chain.Input("y", 2), "t");
            chain.Backward(chain.Mul(t, t, "z"));
            chain.Stepper()
            """;
        const string Spread = """
            double[] xs = { 1e-7, 0.1, 123456.5, 1234567, 1e15, 1e16, -2.5e-6, 5e-324, 2.0 / 3, 1e-5, 0.30000000000000004, 100000.5, 123457.5, 999999.5, 99999999999999980, 1e17, 1.5e-5 };
            double[] ws = { 3, 0.2, 1e-3, 1, 1.5, 1e-20, 0.7, 1, 1e5, 1e-5, -1.1, 2, 1, 4, 1, 1e-17, 1 };
            var spread = new ComputationalGraph();
            GraphNode sum = spread.Mul(spread.Input("x0", xs[0]), spread.Input("w0", ws[0]));
            for (int i = 1; i < xs.Length; i++)
            {
                sum = spread.Add(sum, spread.Mul(spread.Input($"x{i}", xs[i]), spread.Input($"w{i}", ws[i])));
            }
            spread.Backward(spread.AddConstant(spread.Scale(sum, -3), 1e-9, "out"));
            spread.Stepper()
            """;
        const string ForwardOnly = """
            var before = new ComputationalGraph();
            before.Mul(before.Mul(before.Input("apple", 100), before.Input("apple_num", 2), "apple_price"), before.Input("tax", 1.1), "price");
            before.Stepper()
            """;
        return WriteNotebook(scratch, "steppers.dib",
            $"#!csharp\n#r \"{lib}\"\nusing Backprop;\n\n#!csharp\n{Chain}\n\n#!csharp\n{Spread}\n\n#!csharp\n{ForwardOnly}\n");
    }
}
