using System.Linq;
using System.Text.Json;
using Backprop;

namespace Backprop.Lib.Tests;

public class FigureTests
{
    [Fact]
    public void ToJson_IsPlotlyShapedCamelCaseWithoutNulls()
    {
        Figure figure = Chart.Line([0.0, 1, 2], [1.0, 3, 9], "f").WithTitle("t").WithAxisTitles("x", "y");

        using var json = JsonDocument.Parse(figure.ToJson());
        JsonElement trace = json.RootElement.GetProperty("data")[0];
        JsonElement layout = json.RootElement.GetProperty("layout");

        Assert.Equal("scatter", trace.GetProperty("type").GetString());
        Assert.Equal("lines", trace.GetProperty("mode").GetString());
        Assert.Equal([1.0, 3, 9], trace.GetProperty("y").EnumerateArray().Select(v => v.GetDouble()));
        Assert.Equal("t", layout.GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("x", layout.GetProperty("xaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("y", layout.GetProperty("yaxis").GetProperty("title").GetProperty("text").GetString());
        Assert.Equal("#ffffff", layout.GetProperty("paper_bgcolor").GetString());
        Assert.False(trace.TryGetProperty("marker", out _));
        Assert.DoesNotContain("null", figure.ToJson());
    }

    [Fact]
    public void And_OverlaysTracesWithoutChangingTheOriginal()
    {
        Figure f = Chart.Line([0.0, 1], [0.0, 1], "a");

        Figure both = f.And(Chart.Line([0.0, 1], [1.0, 0], "b"));

        Assert.Single(f.Data);
        Assert.Equal(["a", "b"], both.Data.Select(t => t.Name));
    }

    [Fact]
    public void Html_ShowsTheStaticPictureAndDrawsWithPlotlyOnlyWhenThePageHasIt()
    {
        Figure figure = Chart.Line([0.0, 1], [0.0, 1]).WithTitle("line");

        string html = figure.ToHtml();

        Assert.Matches("^<div id=\"(bp-plot-[0-9a-f]{12})\" class=\"bp-chart\"", html);
        Assert.Contains("<div class=\"bp-chart-static\"><svg ", html);
        Assert.Contains("typeof window.Plotly !== 'undefined'", html);
        Assert.Contains("window.addEventListener('bp-plotly-ready', draw)", html);
        Assert.DoesNotContain("http", html.Replace("http://www.w3.org/2000/svg", string.Empty));
        Assert.DoesNotContain("src=", html);
    }

    [Fact]
    public void Title_StartsAtThePlotsLeftEdge_AwayFromPlotlysToolbar()
    {
        using var json = JsonDocument.Parse(Chart.Line([0.0, 1], [0.0, 1]).WithTitle("a long title").ToJson());

        JsonElement title = json.RootElement.GetProperty("layout").GetProperty("title");

        Assert.Equal(0, title.GetProperty("x").GetDouble());
        Assert.Equal("paper", title.GetProperty("xref").GetString());
        Assert.Equal("left", title.GetProperty("xanchor").GetString());
    }

    [Fact]
    public void Html_GivesEachRenderingItsOwnId()
    {
        Figure figure = Chart.Line([0.0, 1], [0.0, 1]);

        Assert.NotEqual(figure.ToHtml()[..30], figure.ToHtml()[..30]);
    }

    [Fact]
    public void Html_CannotBeBrokenOutOfByATitle()
    {
        string html = Chart.Line([0.0], [0.0]).WithTitle("</script><script>alert(1)</script>").ToHtml();

        Assert.Equal(1, html.Split("</script>").Length - 1);
    }

    [Fact]
    public void ToString_SummarisesTraces()
    {
        Figure figure = Chart.Bars(["a", "b"], ("y", [1.0, 2]), ("t", [0.0, 1])).WithTitle("bars");

        Assert.Equal("Figure \"bars\": bar y (2 points), bar t (2 points)", figure.ToString());
    }
}
