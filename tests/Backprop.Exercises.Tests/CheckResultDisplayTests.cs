using System;
using Microsoft.DotNet.Interactive.Formatting;

namespace Backprop.Exercises.Tests;

// What Polyglot Notebooks (the Formatting package, by convention), Verso (ToHtml) and a console (ToString) show.
public sealed class CheckResultDisplayTests
{
    private static CheckResult Failed() => Exercise.AddLayer(() => new FakeNode((x, y) => x + y, (_, _, _) => (1, 1)));

    [Fact]
    public void Html_IsTheLibrarysOwn_AndCarriesTheVerdictForTheGrader()
    {
        var result = Failed();
        var html = result.ToDisplayString("text/html");
        Assert.Equal(result.ToHtml(), html);
        Assert.Contains("class=\"bp-check\" data-exercise=\"AddLayer\" data-state=\"failed\" data-points=\"1\" data-max=\"2\" data-hint=\"Backward: (1, 1) is only the local derivative", html);
    }

    [Fact]
    public void PlainText_IsOneLine()
    {
        var result = Failed();
        Assert.Equal(result.ToString(), result.ToDisplayString("text/plain"));
        Assert.StartsWith("AddLayer (1/2, failed): Backward: (1, 1) is only the local derivative", result.ToString(), StringComparison.Ordinal);
        Assert.DoesNotContain('\n', result.ToString());
    }

    [Fact]
    public void PreferredMimeType_IsHtml() =>
        Assert.Equal("text/html", System.Linq.Enumerable.First(Formatter.GetPreferredMimeTypesFor(typeof(CheckResult))));
}
