using System;
using System.Globalization;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 1: the apple shop of §5.4 with MulLayer and AddLayer, and its traced graphs.</summary>
public abstract class ComputationalGraphLessonFacts(LessonRun run) : ILesson
{
    public static string Notebook => "01-computational-graph.ipynb";

    private readonly LessonRun _run = run;

    [Fact]
    public void EveryCell_Passes() => _run.AssertAllCellsPassed();

    [Fact]
    public void ExecutedNotebook_IsValidNbformat45() => _run.AssertValidNbformat();

    [Fact]
    public void BuyApple_PrintsTheBooksNumbers()
    {
        // buy_apple.py then buy_apple_orange.py print the same names; the book's outputs, in order.
        Assert.Equal([220, 715], _run.All("price"));
        Assert.Equal([2.2, 2.2], _run.All("dApple"));
        Assert.Equal([110, 110], _run.All("dApple_num"));
        Assert.Equal([200, 650], _run.All("dTax"));
        Assert.Equal([165], _run.All("dOrange_num"));
    }

    [Fact]
    public void DOrange_IsPrintedWithItsBinaryTail()
    {
        Assert.Equal("3.3000000000000003", _run.Text("dOrange"));
        Assert.Equal((3 * 1.1).ToString("R", CultureInfo.InvariantCulture), _run.Text("dOrange"));
    }

    [Fact]
    public void ChainRule_GivesTwoXPlusY() =>
        Assert.Equal(_run.Number("2(x + y) by hand"), _run.Number("dz/dx by backprop"));

    [Fact]
    public void NumericalGradient_ConfirmsDApple() =>
        Assert.InRange(_run.Number("numerical dApple"), 2.2 - 1e-6, 2.2 + 1e-6);

    [Fact]
    public void Graphs_AreDrawnWithBackwardValues()
    {
        var graphs = _run.HtmlWith("bp-graph");
        Assert.Equal(4, graphs.Count);
        Assert.Equal(3, graphs.Count(svg => svg.Contains("class=\"backward\"", StringComparison.Ordinal)));
    }
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ComputationalGraphLessonTests(RunnerFixture<ComputationalGraphLessonFacts> fixture)
    : ComputationalGraphLessonFacts(fixture.Run), IClassFixture<RunnerFixture<ComputationalGraphLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ComputationalGraphLessonJupyterTests(JupyterFixture<ComputationalGraphLessonFacts> fixture)
    : ComputationalGraphLessonFacts(fixture.Run), IClassFixture<JupyterFixture<ComputationalGraphLessonFacts>>;
