using System;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 3: Affine shapes, dX = dY·Wᵀ, dW = Xᵀ·dY, the bias summed over the batch (§5.6.1–5.6.2).</summary>
public abstract class AffineShapesLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "03-affine-shapes.ipynb";

    [SkippableFact]
    public void BiasGradient_IsTheSumOverTheBatch() =>
        Assert.Equal([5, 7, 9], Run.Numbers("db"));

    [SkippableFact]
    public void WeightGradient_MatchesNumericalDifferentiation() =>
        Assert.InRange(Run.Number("max |dW − numerical|"), 0, 1e-8);

    // The cell catches the mistake and prints it, so no front end needs the raises-exception tag.
    [SkippableFact]
    public void ShapeMistake_GetsAMessageNamingLayerAndShapes()
    {
        Assert.Empty(Run.Errors);
        string message = Run.Text("ArgumentException");
        Assert.StartsWith("Affine.Forward: x is 1×3 but W is 2×3; x needs 2 columns.", message, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Figures5_25And5_27_AreDrawnWithTheShapeOfEveryValue()
    {
        var graphs = Run.HtmlWith("bp-graph").Where(h => !h.Contains("bp-stepper", StringComparison.Ordinal)).ToList();
        Assert.Equal(2, graphs.Count);
        Assert.Contains("dX = dY·Wᵀ  (1, 2)", graphs[0], StringComparison.Ordinal);
        Assert.Contains("dX = dY·Wᵀ  (2, 2)", graphs[1], StringComparison.Ordinal);
        Assert.Contains("dB = Σ rows of dY  (1, 3)", graphs[1], StringComparison.Ordinal);
    }

    [SkippableFact]
    public void Figure5_27_CanBeSteppedThrough_AndIsWholeWithoutScript()
    {
        string stepper = Assert.Single(Run.HtmlWith("bp-stepper"));
        Assert.Contains("bpMatrixCaptions(", stepper, StringComparison.Ordinal);
        Assert.True(stepper.IndexOf("dW = Xᵀ·dY  (2, 3)", StringComparison.Ordinal) < stepper.IndexOf("<script", StringComparison.Ordinal));
    }

    [SkippableFact]
    public void ShapeTable_IsShown() =>
        Assert.Contains(Run.HtmlWith("bp-table"), table => table.Contains("dY · Wᵀ", StringComparison.Ordinal) && table.Contains("Xᵀ · dY", StringComparison.Ordinal));
}

/// <summary>The lesson run by our notebook runner.</summary>
[Collection(LessonsCollection.Name)]
public sealed class AffineShapesLessonTests(RunnerFixture<AffineShapesLessonFacts> fixture)
    : AffineShapesLessonFacts(fixture.Run), IClassFixture<RunnerFixture<AffineShapesLessonFacts>>;

/// <summary>The lesson executed by real Jupyter (nbclient) on our kernel.</summary>
[Collection(LessonsCollection.Name)]
public sealed class AffineShapesLessonJupyterTests(JupyterFixture<AffineShapesLessonFacts> fixture)
    : AffineShapesLessonFacts(fixture.Run), IClassFixture<JupyterFixture<AffineShapesLessonFacts>>;
