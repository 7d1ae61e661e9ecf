using System;
using System.Collections.Generic;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>Lesson 5: TwoLayerNet's gradient check with and without the cross-entropy guard (§5.7.3).</summary>
public abstract class TwoLayerNetLessonFacts(LessonRun run) : LessonFacts(run), ILesson
{
    public static string Notebook => "05-two-layer-net.ipynb";

    // A hidden layer of 10 keeps the real numerical check (twice, about 16,000 parameters each) to seconds.
    public static IReadOnlyDictionary<string, string> Parameters => new Dictionary<string, string> { ["hiddenSize"] = "10" };

    private static readonly string[] Keys = ["W1", "b1", "W2", "b2"];

    // Read from the table the lesson shows, not from lines printed for a test.
    private double Guarded(string key) => Run.TableNumber("with the guard, δ = 1e-7", key);

    private double Unguarded(string key) => Run.TableNumber("without it, δ = 0", key);

    [SkippableFact]
    public void GradientCheck_WithTheBooksGuard_IsBelow1e6()
    {
        foreach (string key in Keys)
        {
            Assert.InRange(Guarded(key), 0, 1e-6);
        }
    }

    [SkippableFact]
    public void GradientCheck_WithoutTheGuard_IsBelow1e9()
    {
        foreach (string key in Keys)
        {
            Assert.InRange(Unguarded(key), 0, 1e-9);
        }
    }

    [SkippableFact]
    public void Guard_ExplainsB2sDifference()
    {
        Assert.True(Guarded("b2") > 100 * Unguarded("b2"), "removing the guard should shrink b2's difference by orders of magnitude");
        double predicted = Run.Number("b2 difference predicted from the guard");
        double measured = Run.Number("b2 difference measured");
        Assert.InRange(predicted / measured, 0.9, 1.1);
    }

    [SkippableFact]
    public void BooksOutput_IsQuotedExactly_WithItsSource()
    {
        string prose = string.Concat(Run.Document.Cells.Where(c => c.Kind == Backprop.Notebooks.CellKind.Markdown).Select(c => c.Source));
        foreach (string line in BookQuotes.GradientCheckOutput)
        {
            Assert.Contains("> " + line + "\n", prose, StringComparison.Ordinal);
        }

        Assert.Contains(BookQuotes.GuardCommit, prose, StringComparison.Ordinal);
        Assert.Contains("quoted exactly", prose, StringComparison.Ordinal);
    }

    [SkippableFact]
    public void WithoutTheGuard_OurCheckHasTheBooksMagnitudes()
    {
        // The printed book had no guard: our δ = 0 column lands within a factor of 30 of each of its numbers
        // (other weights, other images, another machine), far below the guarded column.
        foreach (var (key, book) in BookQuotes.GradientCheck)
        {
            double ours = Unguarded(key);
            Assert.InRange(ours / book, 1 / 30.0, 30);
            Assert.True(Guarded(key) > 100 * book, $"{key}: the guard should dwarf the book's number");
        }
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
