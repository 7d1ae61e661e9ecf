using System;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 3: Affine shapes, dX = dY·Wᵀ, dW = Xᵀ·dY, the bias summed over the batch (§5.6.1–5.6.2).</summary>
public abstract class AffineShapesLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "03-affine-shapes.ipynb";

    [Fact]
    public void BiasGradient_IsTheSumOverTheBatch() =>
        Assert.Equal([5, 7, 9], Run.Numbers("db"));

    [Fact]
    public void WeightGradient_MatchesNumericalDifferentiation() =>
        Assert.InRange(Run.Number("max |dW − numerical|"), 0, 1e-8);

    [Fact]
    public void ShapeMistake_GetsAMessageNamingLayerAndShapes()
    {
        var error = Assert.Single(Run.Errors);
        Assert.Contains("Affine.Forward", error.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("1×3", error.ErrorValue, StringComparison.Ordinal);
        Assert.Contains("2×3", error.ErrorValue, StringComparison.Ordinal);
        Assert.DoesNotContain(error.Traceback, line => line.Contains("MathNet", StringComparison.Ordinal));
    }

    [Fact]
    public void Figures5_25And5_27_AreDrawnWithTheShapeOfEveryValue()
    {
        var graphs = Run.HtmlWith("bp-graph");
        Assert.Equal(2, graphs.Count);
        Assert.Contains("dX = dY·Wᵀ  (1, 2)", graphs[0], StringComparison.Ordinal);
        Assert.Contains("dX = dY·Wᵀ  (2, 2)", graphs[1], StringComparison.Ordinal);
        Assert.Contains("dB = Σ rows of dY  (1, 3)", graphs[1], StringComparison.Ordinal);
    }

    [Fact]
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
