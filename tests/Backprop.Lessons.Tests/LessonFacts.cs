namespace Backprop.Lessons.Tests;

/// <summary>What every lesson must do on either front end: run every cell and come out as valid nbformat 4.5.</summary>
public abstract class LessonFacts(LessonRun run)
{
    protected LessonRun Run { get; } = run;

    [Fact]
    public void EveryCell_Passes() => Run.AssertAllCellsPassed();

    [Fact]
    public void ExecutedNotebook_IsValidNbformat45() => Run.AssertValidNbformat();

    [Fact]
    public void PublishedPage_AtLaptopWidth_ShowsNoRawTeXNoOverlapsNothingTooWideAndEveryChart()
    {
        var problems = PublishedPage.Problems(Run);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
