using System;
using System.Text.RegularExpressions;
using Backprop;

namespace Backprop.Lib.Tests;

public class TableTests
{
    [Fact]
    public void Html_HasHeadersRowsAndExactTooltips()
    {
        var table = new Table("parameter", "with guard", "without guard") { Title = "Gradient check" }
            .Add("W1", 1.2e-10, 0.1 + 0.2)
            .Add("b1", 3e-13, 4.0);

        string html = table.ToHtml();

        Assert.Equal(3, Regex.Matches(html, "<th ").Count);
        Assert.Equal(6, Regex.Matches(html, "<td ").Count);
        Assert.Contains("title=\"0.30000000000000004\">0.3</td>", html);
        Assert.Contains("Gradient check", html);
    }

    [Fact]
    public void Cells_AreEscaped()
    {
        string html = new Table("<h>").Add("a & <b>").ToHtml();

        Assert.Contains("&lt;h&gt;", html);
        Assert.Contains("a &amp; &lt;b&gt;", html);
        Assert.DoesNotContain("<b>", html);
    }

    [Fact]
    public void RowOfWrongLength_NamesTheRowAndColumns()
    {
        var error = Assert.Throws<ArgumentException>(() => new Table("a", "b").Add(1, 2).Add(3));

        Assert.Contains("Row 2 has 1 cells but the table has 2 columns (a, b)", error.Message);
    }

    [Fact]
    public void ToString_AlignsColumns()
    {
        string text = Show.Table("layer", "shape").Add("Affine1", "784×50").Add("Relu", "").ToString();

        Assert.Equal("layer    shape\nAffine1  784×50\nRelu", text.Replace("\r", ""));
    }
}
