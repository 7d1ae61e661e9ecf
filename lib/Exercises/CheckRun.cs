using System;
using System.Collections.Generic;
using System.Linq;
using Backprop.Display.Texts;

namespace Backprop.Exercises;

/// <summary>Runs the parts of one check, each worth a point, and turns them into a <see cref="CheckResult"/>.</summary>
/// <remarks>A part returns null when it passes, else the hint; whatever the student's code throws becomes a sentence.</remarks>
internal sealed class CheckRun
{
    private readonly string _exercise;
    private readonly List<CheckStep> _steps = [];

    public CheckRun(string exercise) => _exercise = exercise;

    /// <param name="name">What the part checks, e.g. "Backward".</param>
    /// <param name="test">Null when right, else the hint.</param>
    /// <param name="whenThrows">Added to the message when the student's code throws (e.g. which shapes should fit).</param>
    public void Step(string name, Func<string?> test, string? whenThrows = null)
    {
        try
        {
            string? hint = test();
            _steps.Add(new CheckStep(name, hint is null ? CheckState.Passed : CheckState.Failed, hint));
        }
        catch (Exception e) when (StudentError.IsNotDone(e))
        {
            _steps.Add(new CheckStep(name, CheckState.NotDone, null));
        }
        catch (Exception e)
        {
            _steps.Add(new CheckStep(name, CheckState.Failed, StudentError.Describe(e, whenThrows)));
        }
    }

    /// <param name="passed">The sentence for a full pass: what was checked.</param>
    /// <param name="todo">What the student still has to write, for "not done yet".</param>
    public CheckResult Finish(string passed, string todo)
    {
        var failed = _steps.FirstOrDefault(s => s.State == CheckState.Failed);
        if (failed is not null)
        {
            var score = _steps.Count(s => s.State == CheckState.Passed);
            var parts = CheckTexts.Score.Fill(("passed", score), ("parts", _steps.Count));
            return new CheckResult(_exercise, CheckState.Failed, $"{failed.Name}: {failed.Hint} ({parts})", _steps);
        }

        if (_steps.Any(s => s.State == CheckState.NotDone))
        {
            var waiting = string.Join(", ", _steps.Where(s => s.State == CheckState.NotDone).Select(s => s.Name));
            var message = _steps.All(s => s.State == CheckState.NotDone)
                ? CheckTexts.NothingWritten.Fill(("todo", todo))
                : CheckTexts.PartlyWritten.Fill(("parts", waiting));
            return new CheckResult(_exercise, CheckState.NotDone, message, _steps);
        }

        return new CheckResult(_exercise, CheckState.Passed, passed, _steps);
    }
}
