using System;
using System.Globalization;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 1: the apple shop of §5.4 with MulLayer and AddLayer, and its traced graphs.</summary>
public abstract class ComputationalGraphLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "01-computational-graph.ipynb";

    [SkippableFact]
    public void BuyApple_PrintsTheBooksNumbers()
    {
        // buy_apple.py then buy_apple_orange.py print the same names; the book's outputs, in order.
        Assert.Equal([220, 715], Run.All("price"));
        Assert.Equal([2.2, 2.2], Run.All("dApple"));
        Assert.Equal([110, 110], Run.All("dApple_num"));
        Assert.Equal([200, 650], Run.All("dTax"));
        Assert.Equal([165], Run.All("dOrange_num"));
    }

    [SkippableFact]
    public void DOrange_IsPrintedWithItsBinaryTail()
    {
        Assert.Equal("3.3000000000000003", Run.Text("dOrange"));
        Assert.Equal((3 * 1.1).ToString("R", CultureInfo.InvariantCulture), Run.Text("dOrange"));
    }

    [SkippableFact]
    public void ChainRule_GivesTwoXPlusY() =>
        Assert.Equal(Run.Number("2(x + y) by hand"), Run.Number("dz/dx by backprop"));

    [SkippableFact]
    public void NumericalGradient_ConfirmsDApple() =>
        Assert.InRange(Run.Number("numerical dApple"), 2.2 - 1e-6, 2.2 + 1e-6);

    [SkippableFact]
    public void Graphs_AreDrawnWithBackwardValues()
    {
        var graphs = Run.HtmlWith("bp-graph").Where(h => !h.Contains("bp-stepper", StringComparison.Ordinal)).ToList();
        Assert.Equal(4, graphs.Count);
        Assert.Equal(3, graphs.Count(svg => svg.Contains("class=\"backward\"", StringComparison.Ordinal)));
    }

    [SkippableFact]
    public void AppleShops_CanBeSteppedThrough_AndKeepTheirStaticFigure() =>
        Assert.Equal(2, Run.HtmlWith("bp-stepper").Count(h => h.Contains("class=\"backward\"", StringComparison.Ordinal)));
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ComputationalGraphLessonTests(RunnerFixture<ComputationalGraphLessonFacts> fixture)
    : ComputationalGraphLessonFacts(fixture.Run), IClassFixture<RunnerFixture<ComputationalGraphLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ComputationalGraphLessonJupyterTests(JupyterFixture<ComputationalGraphLessonFacts> fixture)
    : ComputationalGraphLessonFacts(fixture.Run), IClassFixture<JupyterFixture<ComputationalGraphLessonFacts>>;
