using System;

namespace Backprop.Exercises.Tests;

/// <summary>What the tests assert about a check's answer.</summary>
public static class Verdict
{
    public static void Passes(CheckResult result)
    {
        Assert.True(result.State == CheckState.Passed, result.ToString());
        Assert.Equal(result.MaxPoints, result.Points);
    }

    /// <summary>Fails, with the hint meant for this mistake (and never a stack trace).</summary>
    public static void FailsWith(CheckResult result, string hint)
    {
        Assert.True(result.State == CheckState.Failed, $"expected a failure with \"{hint}\", got: {result}");
        Assert.Contains(hint, result.Message, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", result.Message, StringComparison.Ordinal);
        Assert.True(result.Points < result.MaxPoints);
    }

    public static void NotDone(CheckResult result)
    {
        Assert.True(result.State == CheckState.NotDone, result.ToString());
        Assert.StartsWith("Not done yet", result.Message, StringComparison.Ordinal);
        Assert.Equal(0, result.Points);
    }
}
