namespace Backprop.Lessons.Tests;

/// <summary>What every lesson must do on either front end: run every cell and come out as valid nbformat 4.5.</summary>
public abstract class LessonFacts(LessonRun run)
{
    protected LessonRun Run { get; } = run;

    [SkippableFact]
    public void EveryCell_Passes() => Run.AssertAllCellsPassed();

    [SkippableFact]
    public void ExecutedNotebook_IsValidNbformat45() => Run.AssertValidNbformat();
}
