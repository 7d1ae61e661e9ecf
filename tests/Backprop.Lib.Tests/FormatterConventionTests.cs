using System.Linq;
using Backprop;
using MathNet.Numerics.LinearAlgebra;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Lib.Tests;

// The library never references the Formatting package: these prove its display types are found by convention.
public class FormatterConventionTests
{
    public static TheoryData<string> DisplayTypes => new() { "graph", "matrix", "digits", "table" };

    private static IHtmlDisplay Make(string kind) => kind switch
    {
        "graph" => AppleGraph(),
        "matrix" => Show.Matrix(Matrix<double>.Build.DenseOfArray(new double[,] { { 1, -2, 3 }, { 0, 5, -6 } }), "x"),
        "digits" => Show.Digits(Matrix<double>.Build.Dense(3, 784, (i, j) => (i + j) % 256), new[] { 1, 2, 3 }, new[] { 1, 7, 3 }),
        _ => new Table("parameter", "diff").Add("W1", 1.5e-10),
    };

    [Theory]
    [MemberData(nameof(DisplayTypes))]
    public void HtmlFormatting_UsesTheLibrarysOwnHtml(string kind)
    {
        IHtmlDisplay display = Make(kind);

        Assert.Equal(display.ToHtml(), display.ToDisplayString("text/html"));
    }

    [Theory]
    [MemberData(nameof(DisplayTypes))]
    public void PlainTextFormatting_UsesToString(string kind)
    {
        IHtmlDisplay display = Make(kind);

        Assert.Equal(display.ToString(), display.ToDisplayString("text/plain"));
    }

    [Fact]
    public void Figure_HtmlFormatting_IsThePlotlyContract()
    {
        Figure figure = Chart.Line([0.0, 1, 2], [0.0, 1, 4], "x²");

        string html = figure.ToDisplayString("text/html");

        Assert.StartsWith("<div id=\"bp-plot-", html);
        Assert.Contains("Plotly.newPlot", html);
        Assert.Equal(figure.ToSvg(), figure.ToDisplayString("image/svg+xml"));
        Assert.Equal(figure.ToString(), figure.ToDisplayString("text/plain"));
    }

    [Fact]
    public void Figure_PrefersHtmlWithTheStaticSvgBesideIt()
    {
        Assert.Equal(["text/html", "image/svg+xml", "text/plain"], Formatter.GetPreferredMimeTypesFor(typeof(Figure)));
    }

    [Fact]
    public void PreferredMimeType_IsHtml()
    {
        Assert.Equal("text/html", Formatter.GetPreferredMimeTypesFor(typeof(ComputationalGraph)).First());
    }

    private static ComputationalGraph AppleGraph()
    {
        var g = new ComputationalGraph();
        var price = g.Mul(g.Mul(g.Input("apple", 100), g.Input("apple num", 2)), g.Input("tax", 1.1), "price");
        g.Backward(price);
        return g;
    }
}
