using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>Reads the verdicts of the exercise checks back from an executed notebook: the data- attributes of the library's CheckResult HTML.</summary>
internal static partial class CheckOutputs
{
    public sealed record Verdict(string Exercise, string State, int Points, int Max, string Hint);

    public static List<Verdict> Of(NotebookCell cell) =>
        cell.Outputs
            .Select(o => o.Data.GetValueOrDefault("text/html"))
            .OfType<string>()
            .SelectMany(html => CheckDiv().Matches(html))
            .Select(m => new Verdict(
                WebUtility.HtmlDecode(m.Groups["exercise"].Value),
                m.Groups["state"].Value,
                int.Parse(m.Groups["points"].Value, System.Globalization.CultureInfo.InvariantCulture),
                int.Parse(m.Groups["max"].Value, System.Globalization.CultureInfo.InvariantCulture),
                WebUtility.HtmlDecode(m.Groups["hint"].Value)))
            .ToList();

    /// <summary>Why a cell gave no verdict, in the words a student understands.</summary>
    public static string WhyNoVerdict(CellRunResult? solution, CellRunResult? check)
    {
        if (solution is { Passed: false } s)
        {
            return s.Status == CellRunStatus.Skipped ? "not run: an earlier cell stopped the notebook." : $"your exercise cell failed: {FirstLine(s.Message)}";
        }

        return check switch
        {
            null => "the check did not run.",
            { Status: CellRunStatus.TimedOut } => $"the check did not finish in time: does a loop in your code never end? ({FirstLine(check.Message)})",
            { Status: CellRunStatus.Skipped } => FirstLine(check.Message),
            _ => $"the check failed: {FirstLine(check.Message)}",
        };
    }

    private static string FirstLine(string? message)
    {
        var text = (message ?? "no message").Trim();
        int end = text.IndexOf('\n', StringComparison.Ordinal);
        return end < 0 ? text : text[..end];
    }

    [GeneratedRegex(@"class=""bp-check"" data-exercise=""(?<exercise>[^""]*)"" data-state=""(?<state>[^""]*)"" data-points=""(?<points>\d+)"" data-max=""(?<max>\d+)"" data-hint=""(?<hint>[^""]*)""")]
    private static partial Regex CheckDiv();
}
