using System;
using System.Globalization;
using System.Linq;
using System.Text.Json;
using System.Threading.Tasks;
using static Backprop.Notebooks.Tests.DrivenPages;

namespace Backprop.Notebooks.Tests;

/// <summary>Figure 5-27 stepped in lesson 3's published page in headless Chromium: the order, the shapes, the matrices.</summary>
public sealed class AffineStepperPageTests
{
    // x 0, W 1, dot 2, B 3, + 4: two nodes forward, the seed, four edges back, done.
    private static readonly int[][] Lit = [[0, 1, 3], [2], [4], [4], [4], [4], [2], [2], [0, 1, 3]];

    [Fact]
    public async Task AffineGraph_LightsDotThenPlus_ThenEachEdgeBackward_WithTheBooksFormulas()
    {
        JsonElement affine = await Stepper();
        var walk = affine.GetProperty("walk").EnumerateArray().ToList();

        Assert.True(affine.GetProperty("ready").GetBoolean());
        Assert.Equal(Lit.Length, walk.Count);
        for (int k = 0; k < Lit.Length; k++)
        {
            Assert.Equal(k, walk[k].GetProperty("step").GetInt32());
            Assert.Equal(Lit[k], walk[k].GetProperty("lit").EnumerateArray().Select(e => e.GetInt32()));
        }

        Assert.Equal("Forward: the inputs X (2, 2), W (2, 3) and B (1, 3) enter from the left.", Caption(walk[0]));
        Assert.StartsWith("dot node: X · W, (2, 2) · (2, 3) = (2, 3): [[", Caption(walk[1]));
        Assert.StartsWith("+ node: Y = X·W + B, (2, 3) + (1, 3) = (2, 3), B is added to every row (2 rows): [[", Caption(walk[2]));
        Assert.StartsWith("Backward starts at Y: ∂L/∂Y (2, 3) comes from the next layer: [[", Caption(walk[3]));
        Assert.Equal("+ node: ∂L/∂(X·W) = ∂L/∂Y, passed on unchanged, (2, 3)", Caption(walk[4]));
        Assert.StartsWith("+ node: ∂L/∂B = sum of ∂L/∂Y over the batch axis (2 rows), (2, 3) → (1, 3): [[", Caption(walk[5]));
        Assert.StartsWith("dot node: ∂L/∂X = ∂L/∂Y · Wᵀ, (2, 3) · (3, 2) = (2, 2), the shape of X: [[", Caption(walk[6]));
        Assert.StartsWith("dot node: ∂L/∂W = Xᵀ · ∂L/∂Y, (2, 2) · (2, 3) = (2, 3), the shape of W: [[", Caption(walk[7]));
        Assert.Equal("Done: ∂L/∂X (2, 2), ∂L/∂W (2, 3), ∂L/∂B (1, 3): each gradient has the shape of its variable.", Caption(walk[8]));
        Assert.Equal(7, affine.GetProperty("afterLeft").GetProperty("step").GetInt32());
        Assert.Equal(0, affine.GetProperty("afterHome").GetProperty("step").GetInt32());
        Assert.Equal(Caption(walk[2]), Caption(affine.GetProperty("afterTwoClicks")));
        Assert.Equal("The inputs are fixed here: the page cannot recompute every node of this graph.", affine.GetProperty("inputsNote").GetString());
    }

    [Fact]
    public async Task AffineGraph_ShowsEachShapeWhenItIsComputed_AndTheWholeFigureAtTheEnd()
    {
        var walk = (await Stepper()).GetProperty("walk").EnumerateArray().ToList();

        Assert.Equal(["edge 2:0 fwd X  (2, 2)", "edge 2:1 fwd W  (2, 3)", "edge 4:1 fwd B  (1, 3)"], Visible(walk[0]));
        Assert.Contains("edge 4:0 fwd X·W  (2, 3)", Visible(walk[1]));
        Assert.DoesNotContain("out 4 fwd Y  (2, 3)", Visible(walk[1]));
        Assert.Contains("out 4 fwd Y  (2, 3)", Visible(walk[2]));
        Assert.DoesNotContain(Visible(walk[2]), l => l.Contains(" bwd ", StringComparison.Ordinal));
        Assert.Contains("out 4 bwd dY  (2, 3)", Visible(walk[3]));
        Assert.Contains("edge 4:1 bwd dB = Σ rows of dY  (1, 3)", Visible(walk[5]));
        Assert.Contains("edge 2:0 bwd dX = dY·Wᵀ  (2, 2)", Visible(walk[6]));
        Assert.DoesNotContain("edge 2:1 bwd dW = Xᵀ·dY  (2, 3)", Visible(walk[6]));
        Assert.Equal(10, Visible(walk[^1]).Count); // every label of the static figure, as on paper
    }

    [Fact]
    public async Task AffineGraph_CaptionsShowTheLayersOwnGradients_WhichAreTheBooksFormulas()
    {
        JsonElement affine = await Stepper();
        var walk = affine.GetProperty("walk").EnumerateArray().ToList();
        string Figure(string at, string kind) => After(Labels(affine, "published").Single(l => l.At == at && l.Kind == kind).Full);
        double[,] x = Entries(Figure("edge 2:0", "fwd")), w = Entries(Figure("edge 2:1", "fwd")), dY = Entries(Figure("out 4", "bwd"));

        // The captions print the layer's dB, dX, dW as the figure's tooltips print them (AffineGraph, from the layer)...
        Assert.Equal(Figure("edge 4:1", "bwd"), After(Caption(walk[5])));
        Assert.Equal(Figure("edge 2:0", "bwd"), After(Caption(walk[6])));
        Assert.Equal(Figure("edge 2:1", "bwd"), After(Caption(walk[7])));
        Assert.Equal(Figure("edge 4:0", "fwd"), After(Caption(walk[1])));
        Assert.Equal(Figure("out 4", "fwd"), After(Caption(walk[2])));

        // ...and those are dY·Wᵀ, Xᵀ·dY and the column sums of dY, recomputed here from the figure's X, W and dY.
        AssertClose(Product(dY, Transpose(w)), Entries(After(Caption(walk[6]))));
        AssertClose(Product(Transpose(x), dY), Entries(After(Caption(walk[7]))));
        AssertClose(Product(Ones(1, dY.GetLength(0)), dY), Entries(After(Caption(walk[5]))));
    }

    private static async Task<JsonElement> Stepper() => (await Lesson3.Value).EnumerateArray().Single();

    // "..., the shape of X: [[1, 2], [3, 4]]" -> "[[1, 2], [3, 4]]"; a tooltip "dX = [[...]]" likewise.
    private static string After(string text) => text[text.IndexOf("[[", StringComparison.Ordinal)..];

    private static double[,] Entries(string text)
    {
        var rows = After(text).Trim('[', ']').Split("], [").Select(r => r.Split(", ").Select(v => double.Parse(v, CultureInfo.InvariantCulture)).ToArray()).ToArray();
        var m = new double[rows.Length, rows[0].Length];
        for (int i = 0; i < rows.Length; i++)
        {
            for (int j = 0; j < rows[0].Length; j++)
            {
                m[i, j] = rows[i][j];
            }
        }

        return m;
    }

    private static double[,] Product(double[,] a, double[,] b)
    {
        var p = new double[a.GetLength(0), b.GetLength(1)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < b.GetLength(1); j++)
            {
                for (int k = 0; k < a.GetLength(1); k++)
                {
                    p[i, j] += a[i, k] * b[k, j];
                }
            }
        }

        return p;
    }

    private static double[,] Transpose(double[,] a)
    {
        var t = new double[a.GetLength(1), a.GetLength(0)];
        for (int i = 0; i < a.GetLength(0); i++)
        {
            for (int j = 0; j < a.GetLength(1); j++)
            {
                t[j, i] = a[i, j];
            }
        }

        return t;
    }

    private static double[,] Ones(int rows, int columns)
    {
        var m = new double[rows, columns];
        for (int i = 0; i < rows; i++)
        {
            for (int j = 0; j < columns; j++)
            {
                m[i, j] = 1;
            }
        }

        return m;
    }

    // Six significant digits on the page: the product of rounded entries agrees to about that.
    private static void AssertClose(double[,] expected, double[,] actual)
    {
        Assert.Equal(expected.GetLength(0), actual.GetLength(0));
        Assert.Equal(expected.GetLength(1), actual.GetLength(1));
        foreach (var (e, a) in expected.Cast<double>().Zip(actual.Cast<double>()))
        {
            Assert.True(Math.Abs(e - a) <= 1e-5 * Math.Max(1, Math.Abs(e)), $"expected {e}, the page shows {a}");
        }
    }
}
