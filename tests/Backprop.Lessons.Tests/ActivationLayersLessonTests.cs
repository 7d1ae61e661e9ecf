using System;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 2: ReLU's mask and switch, Sigmoid's four backward steps (§5.5).</summary>
public abstract class ActivationLayersLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "02-activation-layers.ipynb";

    [SkippableFact]
    public void Relu_MasksTheNonPositiveEntries()
    {
        // x = [[1.0, -0.5], [-2.0, 3.0]] (row-major): the book's mask and what backward lets through of dout = [[0.1, 0.2], [0.3, 0.4]].
        Assert.Equal("False, True, True, False", Run.Text("relu mask"));
        Assert.Equal([0.1, 0, 0, 0.4], Run.Numbers("relu dx"));
    }

    [SkippableFact]
    public void SigmoidSteps_FollowTheLocalDerivatives()
    {
        // Independent of the library: y = 1 / (1 + e^-x), then the four local derivatives of Figure 5-19, right to left.
        double x = Run.Number("sigmoid x");
        double y = 1 / (1 + Math.Exp(-x));
        AssertClose(y, Run.Number("sigmoid y"));
        AssertClose(-y * y, Step(1));
        AssertClose(-y * y, Step(2));
        AssertClose(-y * y * Math.Exp(-x), Step(3));
        AssertClose(y * y * Math.Exp(-x), Step(4));
        AssertClose(y * (1 - y), Step(4));
    }

    [SkippableFact]
    public void SigmoidLayer_AgreesWithGraphFormulaAndNumerics()
    {
        double expected = Run.Number("y(1 - y)");
        AssertClose(expected, Run.Number("graph dx (4 steps)"));
        AssertClose(expected, Run.Number("sigmoid layer dx"));
        Assert.InRange(Math.Abs(Run.Number("numerical dx") - expected), 0, 1e-9);
    }

    [SkippableFact]
    public void SigmoidGraph_CanBeSteppedThrough()
    {
        string stepper = Assert.Single(Run.HtmlWith("bp-stepper"));
        Assert.Contains("class=\"backward\"", stepper, StringComparison.Ordinal);
        Assert.Contains("bpStepper(", stepper, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Charts_ShowBothFunctionsWithTheirDerivatives()
    {
        Assert.Equal(2, Run.HtmlWith("bp-plot").Count);
        Assert.Equal(0.25, Run.Number("largest slope"), 12);
    }

    // The gradient each step passes left, read from the lesson's table of the four steps.
    private double Step(int k) => Run.TableNumber("gradient passed left", $"({k})");

    private static void AssertClose(double expected, double actual) =>
        Assert.True(Math.Abs(expected - actual) <= 1e-14 * Math.Max(1, Math.Abs(expected)), $"expected {expected:R}, got {actual:R}");
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ActivationLayersLessonTests(RunnerFixture<ActivationLayersLessonFacts> fixture)
    : ActivationLayersLessonFacts(fixture.Run), IClassFixture<RunnerFixture<ActivationLayersLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class ActivationLayersLessonJupyterTests(JupyterFixture<ActivationLayersLessonFacts> fixture)
    : ActivationLayersLessonFacts(fixture.Run), IClassFixture<JupyterFixture<ActivationLayersLessonFacts>>;
