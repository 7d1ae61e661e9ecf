using System.Linq;
using System.Text.RegularExpressions;
using System.Xml.Linq;
using Backprop;

namespace Backprop.Lib.Tests;

public class ChartSvgTests
{
    private static readonly XNamespace Svg = "http://www.w3.org/2000/svg";

    [Fact]
    public void Svg_IsWellFormedWithTitleAxisTitlesAndLegend()
    {
        Figure figure = Chart.Line([0.0, 1, 2], [0.0, 1, 4], "x²").And(Chart.Line([0.0, 1, 2], [0.0, 2, 4], "2x"))
            .WithTitle("square & twice").WithAxisTitles("x", "y");

        XElement svg = XElement.Parse(figure.ToSvg());
        var texts = svg.Descendants(Svg + "text").Select(t => t.Value).ToList();

        Assert.Equal("svg", svg.Name.LocalName);
        Assert.Contains("square & twice", texts);
        Assert.Contains("x", texts);
        Assert.Contains("y", texts);
        Assert.Contains("x²", texts);
        Assert.Contains("2x", texts);
        Assert.Equal(2, svg.Descendants(Svg + "path").Count());
    }

    [Fact]
    public void Line_BreaksWhereYIsNotANumber_NoVerticalJump()
    {
        Figure figure = Chart.Line([-1.0, -0.5, 0, 0.5, 1], [0.0, 0, double.NaN, 1, 1], "dReLU");

        string path = XElement.Parse(figure.ToSvg()).Descendants(Svg + "path").Single().Attribute("d")!.Value;

        Assert.Equal(2, path.Count(c => c == 'M'));
        Assert.Equal(2, path.Count(c => c == 'L'));
    }

    [Fact]
    public void Bars_OneRectanglePerValue_NegativeOnesBelowTheZeroLine()
    {
        Figure figure = Chart.Bars(["a", "b"], ("y", [0.5, 0.25]), ("y − t", [0.5, -0.75])).WithYRange(-1, 1);

        var rects = XElement.Parse(figure.ToSvg()).Descendants(Svg + "rect").Where(r => r.Element(Svg + "title") is not null).ToList();
        double Top(XElement r) => double.Parse(r.Attribute("y")!.Value, System.Globalization.CultureInfo.InvariantCulture);
        double Height(XElement r) => double.Parse(r.Attribute("height")!.Value, System.Globalization.CultureInfo.InvariantCulture);

        Assert.Equal(4, rects.Count);
        XElement negative = rects.Single(r => r.Element(Svg + "title")!.Value == "y − t -0.75");
        XElement positive = rects.Single(r => r.Element(Svg + "title")!.Value == "y − t 0.5");
        Assert.Equal(Top(positive) + Height(positive), Top(negative), 1);
        Assert.Equal(Height(positive) * 1.5, Height(negative), 1);
    }

    [Fact]
    public void Image_IsOneSquarePerPixel()
    {
        Figure figure = Chart.Image([0.0, 0.5, 1, 0.25], width: 2);

        var cells = XElement.Parse(figure.ToSvg()).Descendants(Svg + "g").Single().Elements(Svg + "rect").ToList();

        Assert.Equal(4, cells.Count);
        Assert.Equal(cells[0].Attribute("width")!.Value, cells[0].Attribute("height")!.Value);
        Assert.Equal("#ffffff", cells[0].Attribute("fill")!.Value);
        Assert.Equal("#000000", cells[2].Attribute("fill")!.Value);
    }

    [Fact]
    public void LongLines_AreThinnedToThePixelColumns()
    {
        Figure figure = Chart.Loss(Enumerable.Range(0, 10_000).Select(i => 1.0 / (1 + i % 7)));

        string path = XElement.Parse(figure.ToSvg()).Descendants(Svg + "path").Single().Attribute("d")!.Value;

        Assert.InRange(Regex.Matches(path, "[ML]").Count, 100, 2 * (int)ChartSvgWidth);
    }

    private const double ChartSvgWidth = 720;
}
