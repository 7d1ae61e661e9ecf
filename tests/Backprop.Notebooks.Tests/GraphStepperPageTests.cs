using System;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.DrivenPages;

namespace Backprop.Notebooks.Tests;

/// <summary>The graph steppers on published pages, driven in headless Chromium: stepping, editing, and the page's arithmetic.</summary>
public sealed class GraphStepperPageTests
{
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
    public async Task TwoSteppersOnOnePage_KeepTheirOwnState()
    {
        JsonElement page = await Lesson1.Value;

        // The driver walked the first one to its end and back before it touched the second.
        JsonElement shop2 = page[1].GetProperty("walk")[0];
        Assert.Equal(0, shop2.GetProperty("step").GetInt32());
        Assert.Equal("Forward: the inputs apple = 100, apple_num = 2, orange = 150, orange_num = 3, tax = 1.1 enter from the left.", Caption(shop2));
        Assert.Equal(2, page[0].GetProperty("afterTwoClicks").GetProperty("step").GetInt32());
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
    public async Task SoftmaxWithLossGraph_StartsBackwardFromOne_AndItsScoresCanBeEdited()
    {
        // Figure 5-29 as lesson 4 traces it: the whole Softmax-with-Loss graph, backward from ∂L/∂L = 1, so every
        // input's gradient follows an edit and the scores a1, a2, a3 are editable.
        JsonElement softmax = (await Lesson4.Value)[0];

        Assert.Equal(["a1", "a2", "a3"], softmax.GetProperty("fields").EnumerateArray().Select(f => f.GetString()));
        var walk = softmax.GetProperty("walk").EnumerateArray().ToList();
        Assert.Contains(walk, s => Caption(s) == "Backward starts at L: ∂L/∂L = 1");
        Assert.Equal("Done: ∂L/∂a1 = 0.3, ∂L/∂a2 = -0.8, ∂L/∂a3 = 0.5", Caption(walk[^1]));
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
}
