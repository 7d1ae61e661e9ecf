using System.Collections.Generic;
using System.Linq;

namespace Backprop.Lessons.Tests;

/// <summary>What every lesson must do on either front end: run every cell and come out as valid nbformat 4.5.</summary>
public abstract class LessonFacts(LessonRun run)
{
    protected LessonRun Run { get; } = run;

    [SkippableFact]
    public void EveryCell_Passes() => Run.AssertAllCellsPassed();

    [SkippableFact]
    public void ExecutedNotebook_IsValidNbformat45() => Run.AssertValidNbformat();

    /// <summary>GitHub, nbviewer and nbconvert run no script: every chart must bring its own picture.</summary>
    [SkippableFact]
    public void EveryChart_CarriesAStaticPictureBesideItsHtml() => Assert.All(
        Run.Document.Cells.SelectMany(c => c.Outputs).Where(o => o.Data.TryGetValue("text/html", out var html) && html.Contains("class=\"bp-chart\"", System.StringComparison.Ordinal)),
        chart => Assert.StartsWith("<svg", chart.Data.GetValueOrDefault("image/svg+xml")));

    [SkippableFact]
    public void PublishedPage_AtLaptopWidth_ShowsNoRawTeXNoOverlapsNothingTooWideAndEveryChart()
    {
        var problems = PublishedPage.Problems(Run);
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }
}
