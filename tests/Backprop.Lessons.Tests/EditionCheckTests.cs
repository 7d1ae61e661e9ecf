using System.Linq;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>The edition-sync test's own parts on small inputs: the code normaliser and the number comparer.</summary>
public sealed class EditionCheckTests
{
    [Fact]
    public void TranslatedCommentsStringsAndCulture_AreTheSameCode()
    {
        const string english = "#r \"nuget: Backprop.Lib, 1.0.0\"\nusing Backprop;\n// the shop\nvar a = shop.Input(\"apple\", 100);   // one apple\n"
            + "Console.WriteLine($\"price: {price:0.##}\");\nCultureInfo.DefaultThreadCurrentUICulture = new CultureInfo(\"en\");";
        const string korean = "#r \"nuget: Backprop.Lib, 1.0.0\"\nusing Backprop;\n/* 가게 */\nvar a = shop.Input(\"사과\", 100);\n"
            + "Console.WriteLine(\n    $\"지불 금액은 {price:0.##}원입니다\");\nCultureInfo.DefaultThreadCurrentUICulture = new CultureInfo(\"ko\");";

        Assert.Null(CellCode.FirstDifference(english, korean));
    }

    [Fact]
    public void ADifferentIdentifier_IsOtherCode_NamingTheLineInEach()
    {
        var difference = CellCode.FirstDifference("var appleNum = 2;\nvar price = appleNum * 100;", "// 사과 개수\nvar appleNum = 2;\nvar price = appleCount * 100;");

        Assert.Equal("English line 2: var price = appleNum * 100;\n  Korean line 3: var price = appleCount * 100;", difference);
    }

    [Theory]
    [InlineData("Console.WriteLine($\"dx: {dx:0.##}\");", "Console.WriteLine($\"dx: {dx:0.#}\");")]
    [InlineData("Console.WriteLine($\"{a} {b}\");", "Console.WriteLine($\"{b} {a}\");")]
    [InlineData("#r \"nuget: Backprop.Lib, 1.0.0\"", "#r \"nuget: Backprop.Lib, 1.0.1\"")]
    [InlineData("var x = 100;", "var x = 1000;")]
    [InlineData("using Backprop;", "using Backprop.Fast;")]
    public void FormatClausesHolesPackagesNumbersAndUsings_MustStayTheSame(string english, string korean) =>
        Assert.NotNull(CellCode.FirstDifference(english, korean));

    [Fact]
    public void Numbers_AreReadFromWhatAReaderSees_NotFromAttributesScriptsOrStyles()
    {
        var svg = CellOutput.Display(new System.Collections.Generic.Dictionary<string, string>
        {
            ["text/html"] = "<style>.a { width: 30px }</style><svg width=\"400\"><text x=\"12.5\" y=\"30\">220</text><text>&#8722;1.1</text></svg><script>var n = 5;</script>",
            ["text/plain"] = "999",
        });

        Assert.Equal(["220", "-1.1"], OutputNumbers.InText(OutputNumbers.Visible(svg), []));
        Assert.Equal(["1", "10,000", "3.3000000000000003"], OutputNumbers.InText("W1 x2 1개, 10,000 steps: 3.3000000000000003", []));
    }

    [Theory]
    [InlineData("trained in 12.3 s")]
    [InlineData("0.042 ms for one gradient")]
    [InlineData("12.3초 만에 학습")]
    [InlineData("about 3 hours")]
    public void NumbersFollowedByATimeUnit_AreTimings(string text) => Assert.Empty(OutputNumbers.InText(text, []));

    [Fact]
    public void WhatACellPrintsFromItsClock_IsATiming_EvenWithoutAUnit()
    {
        const string cells = "var clock = Stopwatch.StartNew();\nTimeSpan once = clock.Elapsed;\ndouble ratio = once.TotalSeconds / 0.5;\n"
            + "Console.WriteLine($\"faster by a factor of: {ratio:0}, over {runs} runs\");";
        var patterns = ClockValues.Patterns(cells, ClockValues.Names([cells]));

        Assert.Equal(["20"], OutputNumbers.InText("faster by a factor of: 1234, over 20 runs", patterns));
    }

    [Fact]
    public void AClockPattern_MatchesWholeWordsOnly()
    {
        const string cell = "var timer = Stopwatch.StartNew();\ntable.Add($\"{timer.Elapsed.TotalSeconds:0.00} s\", \"x\");";
        var patterns = ClockValues.Patterns(cell, ClockValues.Names([cell]));

        Assert.Equal(["200", "0.5"], OutputNumbers.InText("200 steps 1.25 s 0.5", patterns));
    }

    [Fact]
    public void NumberLists_AreTheSame_InAnyOrder_AndADifferentNumberIsNamed()
    {
        Assert.Null(OutputNumbers.Difference(["220", "2.2", "110"], ["110", "220", "2.2"]));
        Assert.Equal("only in English: [715]; only in Korean: [716]", OutputNumbers.Difference(["220", "715"], ["716", "220"]));
        Assert.NotNull(OutputNumbers.Difference(["2.2", "2.2"], ["2.2"]));
    }
}
