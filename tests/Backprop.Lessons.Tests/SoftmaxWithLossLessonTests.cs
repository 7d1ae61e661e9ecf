using System;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 4: Softmax-with-Loss, its graph and its backward pass y − t (§5.6.3).</summary>
public abstract class SoftmaxWithLossLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "04-softmax-with-loss.ipynb";

    [SkippableFact]
    public void Backward_IsYMinusT_InTheBooksExamples()
    {
        AssertAll([0.3, -0.8, 0.5], Run.Numbers("example 1 dx"));
        AssertAll([0.01, -0.01, 0], Run.Numbers("example 2 dx"));
    }

    [SkippableFact]
    public void TracedGraph_ArrivesAtYMinusT()
    {
        AssertAll([0.3, -0.8, 0.5], Run.Numbers("graph da"));
        Assert.Single(Run.HtmlWith("bp-graph"), h => !h.Contains("bp-stepper", StringComparison.Ordinal));
        Assert.Single(Run.HtmlWith("bp-stepper"));
    }

    [SkippableFact]
    public void TracedGraph_IsTheWholeFigure5_29()
    {
        // Softmax (three exp, one sum, /, three ×) and the cross-entropy (three log, three ×t, a sum, ×(−1)).
        string svg = Assert.Single(Run.HtmlWith("bp-graph"), h => !h.Contains("bp-stepper", StringComparison.Ordinal));
        var symbols = System.Text.RegularExpressions.Regex.Matches(svg, "class=\"symbol\"[^>]*>([^<]+)<").Select(m => m.Groups[1].Value).ToList();
        Assert.Equal(3, symbols.Count(s => s == "exp"));
        Assert.Equal(3, symbols.Count(s => s == "log"));
        Assert.Equal(2, symbols.Count(s => s == "+"));
        Assert.Equal(1, symbols.Count(s => s == "/"));
        Assert.Equal(7, symbols.Count(s => s == "×"));
        AssertAll([-Math.Log(0.2)], [Run.Number("graph L")]);
    }

    [SkippableFact]
    public void Loss_IsMinusLogOfTheRightClass()
    {
        AssertAll([-Math.Log(0.2 + 1e-7)], [Run.Number("example 1 loss")]);
        AssertAll([-Math.Log(0.99 + 1e-7)], [Run.Number("example 2 loss")]);
    }

    [SkippableFact]
    public void Batch_DividesByItsSize()
    {
        Assert.Equal(2, Run.Number("batch size"));
        AssertAll([0.15, -0.4, 0.25], Run.Numbers("batch dx row 1"));
        AssertAll([0.005, -0.005, 0], Run.Numbers("batch dx row 2"));
        AssertAll([Run.Number("mean of the two losses")], [Run.Number("batch loss")]);
    }

    [SkippableFact]
    public void OneHotAndIndexLabels_GiveTheSameLossAndGradient()
    {
        Assert.Equal(Run.Number("loss with one-hot labels"), Run.Number("loss with class indices"));
        Assert.Equal(0, Run.Number("max |dx one-hot − dx indices|"));
    }

    [SkippableFact]
    public void BarCharts_ShowYTAndTheGradient() =>
        Assert.Equal(2, Run.HtmlWith("bp-plot").Count(h => h.Contains("\"type\":\"bar\"", StringComparison.Ordinal)));

    // The lesson prints ten significant digits.
    private static void AssertAll(double[] expected, double[] actual)
    {
        Assert.Equal(expected.Length, actual.Length);
        for (int i = 0; i < expected.Length; i++)
        {
            Assert.True(Math.Abs(expected[i] - actual[i]) <= 1e-9, $"[{i}]: expected {expected[i]:R}, got {actual[i]:R}");
        }
    }
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class SoftmaxWithLossLessonTests(RunnerFixture<SoftmaxWithLossLessonFacts> fixture)
    : SoftmaxWithLossLessonFacts(fixture.Run), IClassFixture<RunnerFixture<SoftmaxWithLossLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class SoftmaxWithLossLessonJupyterTests(JupyterFixture<SoftmaxWithLossLessonFacts> fixture)
    : SoftmaxWithLossLessonFacts(fixture.Run), IClassFixture<JupyterFixture<SoftmaxWithLossLessonFacts>>;
