using System.Linq;
using System.Text.RegularExpressions;
using Backprop;
using MathNet.Numerics.LinearAlgebra;

namespace Backprop.Lib.Tests;

public class MatrixViewTests
{
    private static readonly Matrix<double> X = Matrix<double>.Build.DenseOfArray(new double[,] { { 1.0, -0.5, 0 }, { -2.0, 3.0, 0.1 + 0.2 } });

    [Fact]
    public void Caption_NamesTheShape()
    {
        Assert.Equal("2×3 matrix", X.View().Shape);
        Assert.Contains("2×3 matrix", X.View("x").ToHtml());
        Assert.Equal("vector of length 3", Show.Vector(X.Row(0)).Shape);
        Assert.Equal("2×3 mask", Show.Mask(X, v => v <= 0).Shape);
    }

    [Fact]
    public void Numbers_AreCompactWithTheExactValueInATooltip()
    {
        string html = X.View().ToHtml();

        Assert.Contains("title=\"0.30000000000000004\">0.3</td>", html);
        Assert.Equal(6, Regex.Matches(html, "<td ").Count);
    }

    [Fact]
    public void HighlightNonPositive_ShadesExactlyTheEntriesReluSilences()
    {
        int shaded = Regex.Matches(Show.Matrix(X, highlightNonPositive: true).ToHtml(), "background:#fde2e1").Count;
        int plain = Regex.Matches(Show.Matrix(X).ToHtml(), "background:#fde2e1").Count;

        Assert.Equal(X.Enumerate().Count(v => v <= 0), shaded);
        Assert.Equal(0, plain);
    }

    [Fact]
    public void Mask_ShowsTrueAndFalse()
    {
        var view = Show.Mask(new[,] { { true, false } }, "mask");

        Assert.Contains(">True</td>", view.ToHtml());
        Assert.Contains(">False</td>", view.ToHtml());
        Assert.Contains("True", view.ToString());
    }

    [Fact]
    public void Mask_BeforeForward_SaysSo()
    {
        var error = Assert.Throws<System.ArgumentNullException>(() => Show.Mask(new Relu().Mask));
        Assert.Contains("run Forward first", error.Message);
    }

    [Fact]
    public void LargeMatrix_ElidesTheMiddleButKeepsCornersAndShape()
    {
        var big = Matrix<double>.Build.Dense(100, 784, (i, j) => i * 1000 + j);

        string html = big.View("W").ToHtml();

        Assert.Contains("100×784 matrix", html);
        Assert.Contains(">99783</td>", html);
        Assert.Contains(">0</td>", html);
        Assert.Contains("⋱", html);
        Assert.True(html.Length < 20_000);
    }

    [Fact]
    public void Title_IsEscaped()
    {
        string html = X.View("<W & b>").ToHtml();

        Assert.Contains("&lt;W &amp; b&gt;", html);
        Assert.DoesNotContain("<W", html);
    }

    [Fact]
    public void ToString_GivesShapeAndRows()
    {
        string text = X.View("x").ToString();

        Assert.StartsWith("x (2×3 matrix)", text);
        Assert.Equal(3, text.Split('\n').Length);
    }
}
