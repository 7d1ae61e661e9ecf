using System;
using System.Collections.Generic;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 5: TwoLayerNet's gradient check with and without the cross-entropy guard (§5.7.3).</summary>
public abstract class TwoLayerNetLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "05-two-layer-net.ipynb";

    // A hidden layer of 10 keeps the real numerical check (twice, about 16,000 parameters each) to seconds.
    public static IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string> { ["hiddenSize"] = "10" };

    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];

    [SkippableFact]
    public void GradientCheck_WithTheBooksGuard_IsBelow1e6()
    {
        foreach (string key in Keys)
        {
            Assert.InRange(Run.Number($"guard {key}"), 0, 1e-6);
        }
    }

    [SkippableFact]
    public void GradientCheck_WithoutTheGuard_IsBelow1e9()
    {
        foreach (string key in Keys)
        {
            Assert.InRange(Run.Number($"no guard {key}"), 0, 1e-9);
        }
    }

    [SkippableFact]
    public void Guard_ExplainsB2sDifference()
    {
        Assert.True(Run.Number("guard b2") > 100 * Run.Number("no guard b2"), "removing the guard should shrink b2's difference by orders of magnitude");
        double predicted = Run.Number("b2 difference predicted from the guard");
        double measured = Run.Number("b2 difference measured");
        Assert.InRange(predicted / measured, 0.9, 1.1);
    }

    [SkippableFact]
    public void Timing_ComparesBothMethods()
    {
        Assert.True(Run.Number("backprop is faster by a factor of") > 0);
        Assert.Contains(Run.HtmlWith("bp-table"), table => table.Contains("numerical differentiation", StringComparison.Ordinal) && table.Contains("backpropagation", StringComparison.Ordinal));
    }
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class TwoLayerNetLessonTests(RunnerFixture<TwoLayerNetLessonFacts> fixture)
    : TwoLayerNetLessonFacts(fixture.Run), IClassFixture<RunnerFixture<TwoLayerNetLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class TwoLayerNetLessonJupyterTests(JupyterFixture<TwoLayerNetLessonFacts> fixture)
    : TwoLayerNetLessonFacts(fixture.Run), IClassFixture<JupyterFixture<TwoLayerNetLessonFacts>>;
