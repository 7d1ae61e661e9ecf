using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.TestSupport;

namespace Backprop.Notebooks.Tests;

/// <summary>The graph steppers on published pages, driven in headless Chromium: stepping, editing, and the page's arithmetic.</summary>
public sealed class GraphStepperPageTests
{
    private static readonly Lazy<Task<JsonElement>> Lesson1 = new(() => StepperPage.DriveAsync(Lesson("01-computational-graph.ipynb")));
    private static readonly Lazy<Task<JsonElement>> Lesson2 = new(() => StepperPage.DriveAsync(Lesson("02-activation-layers.ipynb")));
    private static readonly Lazy<Task<JsonElement>> Lesson4 = new(() => StepperPage.DriveAsync(Lesson("04-softmax-with-loss.ipynb")));
    private static readonly Lazy<Task<JsonElement>> Fixture = new(() => StepperPage.DriveAsync(FixtureNotebook()));

    public static TheoryData<string> Lessons => new() { "01", "02", "04" };

    [Fact]
    public async Task AppleShop_LightsEachNodeInTurn_ThenEachEdgeBackward()
    {
        JsonElement shop = (await Lesson1.Value)[0];
        var walk = shop.GetProperty("walk").EnumerateArray().ToList();

        // apple 0, apple_num 1, tax 2, apple_price 3, price 4: two nodes forward, the seed, four edges back, done.
        int[][] lit = [[0, 1, 2], [3], [4], [4], [4], [4], [3], [3], [0, 1, 2]];
        Assert.Equal(lit.Length, walk.Count);
        for (int k = 0; k < lit.Length; k++)
        {
            Assert.Equal(k, walk[k].GetProperty("step").GetInt32());
            Assert.Equal(lit[k], walk[k].GetProperty("lit").EnumerateArray().Select(e => e.GetInt32()));
        }

        Assert.Equal("× node (apple_price): apple × apple_num = 100 × 2 = 200", Caption(walk[1]));
        Assert.Equal("Backward starts at price: ∂price/∂price = 1", Caption(walk[3]));
        Assert.Equal("× node (price): ∂price/∂apple_price = tax = 1.1; 1 × 1.1 = 1.1", Caption(walk[4]));
        Assert.Equal("× node (apple_price): ∂apple_price/∂apple = apple_num = 2; 1.1 × 2 = 2.2", Caption(walk[6]));
        Assert.Equal("Done: ∂price/∂apple = 2.2, ∂price/∂apple_num = 110, ∂price/∂tax = 200", Caption(walk[8]));
        Assert.Equal(7, shop.GetProperty("afterLeft").GetProperty("step").GetInt32());
        Assert.Equal(0, shop.GetProperty("afterHome").GetProperty("step").GetInt32());
        Assert.Equal(Caption(walk[2]), Caption(shop.GetProperty("afterTwoClicks")));
    }

    [Fact]
    public async Task AppleShop_ShowsEachValueWhenItIsComputed()
    {
        var walk = (await Lesson1.Value)[0].GetProperty("walk").EnumerateArray().ToList();

        Assert.Equal(["edge 3:0 fwd 100", "edge 3:1 fwd 2", "edge 4:1 fwd 1.1"], Visible(walk[0]));
        Assert.Contains("out 4 fwd 220", Visible(walk[2]));
        Assert.DoesNotContain(Visible(walk[2]), l => l.Contains(" bwd ", StringComparison.Ordinal));
        Assert.Contains("edge 4:0 bwd 1.1", Visible(walk[4]));
        Assert.DoesNotContain("edge 4:1 bwd 200", Visible(walk[4]));
        Assert.Equal(10, Visible(walk[^1]).Count); // the whole figure at the end, as on paper
    }

    [Fact]
    public async Task AppleShop_ApplesAt150_Cost330_AndTheirGradientStays22()
    {
        JsonElement shop = (await Lesson1.Value)[0];
        JsonElement edited = shop.GetProperty("apple150");

        Assert.Equal(["apple", "apple_num", "tax"], shop.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        Assert.Contains("out 4 fwd 330", Visible(edited));
        Assert.Contains("edge 3:0 bwd 2.2", Visible(edited));
        Assert.Contains("∂price/∂apple = 2.2", Caption(edited));
        Assert.Contains("∂price/∂tax = 300", Caption(edited));
    }

    [Fact]
    public async Task SoftmaxGraph_SeededFromOutside_KeepsItsInputsFixed_AndSaysWhy()
    {
        JsonElement softmax = (await Lesson4.Value)[0];

        Assert.Empty(softmax.GetProperty("fields").EnumerateArray());
        Assert.Contains("given to Backward from outside the graph", softmax.GetProperty("inputsNote").GetString());
        Assert.Equal("Backward starts at y2 with the gradient -5, given to Backward", Caption(softmax.GetProperty("walk")[8]));
    }

    [Fact]
    public async Task ValueUsedTwice_CollectsBothGradients_AndTheCaptionSaysSo()
    {
        var walk = (await Fixture.Value)[0].GetProperty("walk").EnumerateArray().ToList();

        Assert.Contains(walk, s => Caption(s) == "× node (z): ∂z/∂t = t = 3; 1 × 3 = 3; t gets gradient 1 of 2");
        Assert.Contains(walk, s => Caption(s) == "× node (z): ∂z/∂t = t = 3; 1 × 3 = 3; t was used 2 times and collects 3 + 3 = 6");
        Assert.Equal("Done: ∂z/∂x = 6, ∂z/∂y = 6", Caption(walk[^1]));
    }

    [Fact]
    public async Task GraphBeforeBackward_StepsForwardOnly_AndStillTakesNewInputs()
    {
        JsonElement before = (await Fixture.Value)[2];
        var walk = before.GetProperty("walk").EnumerateArray().ToList();

        Assert.Equal(3, walk.Count);
        Assert.Equal("× node (price): apple_price × tax = 200 × 1.1 = 220", Caption(walk[^1]));
        Assert.Contains("out 4 fwd 330", Visible(before.GetProperty("apple150")));
        Assert.DoesNotContain(Visible(before.GetProperty("apple150")), l => l.Contains(" bwd ", StringComparison.Ordinal));
    }

    [Fact]
    public async Task PagesArithmetic_PrintsWhatTheLibraryPrints_ToTheLastDigit()
    {
        // Values from 5e-324 to 1e17, each side of .NET's switches to exponents, and exact ties (123456.5 prints 123456 in .NET): the page's copies of
        // Html.Compact and Html.Full, and its + and ×, exactly.
        foreach (JsonElement stepper in (await Fixture.Value).EnumerateArray())
        {
            Assert.Equal(Labels(stepper, "published"), Labels(stepper, "replayed"));
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task EveryLessonGraph_IsReproducedByThePage(string lesson)
    {
        JsonElement page = await (lesson switch { "01" => Lesson1, "02" => Lesson2, _ => Lesson4 }).Value;

        Assert.NotEmpty(page.EnumerateArray());
        foreach (JsonElement stepper in page.EnumerateArray())
        {
            Assert.True(stepper.GetProperty("ready").GetBoolean());
            var published = Labels(stepper, "published");
            var replayed = Labels(stepper, "replayed");
            Assert.Equal(published.Select(l => l.Text), replayed.Select(l => l.Text));
            // JavaScript's Math.exp may differ from .NET's Math.Exp in the last bit; +, ×, 1/x never do.
            foreach (var (library, js) in published.Zip(replayed))
            {
                double a = double.Parse(library.Full, CultureInfo.InvariantCulture), b = double.Parse(js.Full, CultureInfo.InvariantCulture);
                Assert.True(a == b || Math.Abs(a - b) <= 4e-16 * Math.Abs(a), $"{library.At} {library.Kind}: library {library.Full}, page {js.Full}");
            }
        }
    }

    [Theory]
    [MemberData(nameof(Lessons))]
    public async Task EveryLessonStepper_EndsOnTheWholeStaticFigure(string lesson)
    {
        JsonElement page = await (lesson switch { "01" => Lesson1, "02" => Lesson2, _ => Lesson4 }).Value;

        foreach (JsonElement stepper in page.EnumerateArray())
        {
            var end = stepper.GetProperty("walk").EnumerateArray().Last();
            Assert.DoesNotContain(end.GetProperty("labels").EnumerateArray(), l => l.GetProperty("hidden").GetBoolean());
            Assert.StartsWith("Done: ", Caption(end));
        }
    }

    private static string Lesson(string name) => Path.Combine(RepoRoot, "notebooks", name);

    private static string Caption(JsonElement state) => state.GetProperty("caption").GetString()!;

    private static List<string> Visible(JsonElement state) => state.GetProperty("labels").EnumerateArray()
        .Where(l => !l.GetProperty("hidden").GetBoolean())
        .Select(l => $"{l.GetProperty("at").GetString()} {l.GetProperty("kind").GetString()} {l.GetProperty("text").GetString()}").ToList();

    private static List<(string At, string Kind, string Text, string Full)> Labels(JsonElement stepper, string which) =>
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
