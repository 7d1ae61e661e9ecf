using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 6: the book's training loop on MNIST, its accuracy chart and misclassified digits (§5.7.4).</summary>
public abstract class TrainingMnistLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "06-training-mnist.ipynb";

    // A few hundred iterations on the offline sample: enough to learn digits well past chance.
    public static IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string> { ["iterations"] = "400" };

    // The fixed seeds give about 0.89 after 400 iterations; chance is 0.1.
    private const double AccuracyFloor = 0.8;

    [SkippableFact]
    public void Training_BeatsTheFloor()
    {
        Assert.InRange(Run.Number("final train accuracy"), AccuracyFloor, 1);
        Assert.InRange(Run.Number("final test accuracy"), AccuracyFloor, 1);
    }

    [SkippableFact]
    public void AccuracyChart_HasTrainAndTestCurves()
    {
        var chart = Assert.Single(Run.HtmlWith("\"accuracy\""));
        Assert.Contains("\"name\":\"train\"", chart, StringComparison.Ordinal);
        Assert.Contains("\"name\":\"test\"", chart, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Progress_IsPrintedPerEpoch() =>
        Assert.Contains("epoch   0", Run.Stdout, StringComparison.Ordinal);

    [SkippableFact]
    public void MisclassifiedDigits_AreShown() =>
        Assert.Contains(Run.HtmlWith("bp-digits"), grid => grid.Contains("20 misclassified", StringComparison.Ordinal));

    [SkippableFact]
    public void AccuracyChart_HasOnePointPerEpoch()
    {
        var chart = Assert.Single(Run.HtmlWith("\"accuracy\""));
        int epochs = (int)Run.Number("epochs recorded");
        Assert.Equal(5, epochs); // 400 iterations at 80 per epoch (8,000 images / 100)
        Assert.Contains("\"x\":[" + string.Join(",", Enumerable.Range(0, epochs)) + "]", chart, StringComparison.Ordinal);
    }
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class TrainingMnistLessonTests(RunnerFixture<TrainingMnistLessonFacts> fixture)
    : TrainingMnistLessonFacts(fixture.Run), IClassFixture<RunnerFixture<TrainingMnistLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class TrainingMnistLessonJupyterTests(JupyterFixture<TrainingMnistLessonFacts> fixture)
    : TrainingMnistLessonFacts(fixture.Run), IClassFixture<JupyterFixture<TrainingMnistLessonFacts>>;
