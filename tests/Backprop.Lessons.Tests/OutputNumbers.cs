using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text.RegularExpressions;
using Backprop.Notebooks;

namespace Backprop.Lessons.Tests;

/// <summary>
/// The numbers a code cell shows a reader, as the editions must share them: in its printed text, its text/plain
/// results and the visible text of its HTML (tags, attributes such as SVG coordinates, scripts and styles left out),
/// without its timings: numbers followed by a time unit, and what the cell prints from its clock (<see cref="ClockValues"/>).
/// </summary>
public static partial class OutputNumbers
{
    /// <summary>The cell's numbers as printed ("3.3000000000000003", "10,000", "-0.5"), in output order.</summary>
    public static List<string> Of(NotebookCell cell, IReadOnlySet<string> clockNames)
    {
        var patterns = ClockValues.Patterns(cell.Source, clockNames);
        return cell.Outputs.Where(o => !o.IsBuildNoise).SelectMany(o => InText(Visible(o), patterns)).ToList();
    }

    /// <summary>The numbers in <paramref name="text"/>, leaving out timings.</summary>
    public static IEnumerable<string> InText(string text, IReadOnlyList<Regex> clockPatterns)
    {
        var clock = clockPatterns.SelectMany(p => p.Matches(text)).SelectMany(m => m.Groups["clock"].Captures).ToList();
        return Number().Matches(text)
            .Where(n => !Timing().IsMatch(text, n.Index + n.Length) && !clock.Any(c => n.Index >= c.Index && n.Index < c.Index + c.Length))
            .Select(n => n.Value.Replace('−', '-'));
    }

    /// <summary>What a reader sees of one output, as text.</summary>
    public static string Visible(CellOutput output)
    {
        if (output.Kind == CellOutputKind.Stream)
        {
            return output.Text ?? string.Empty;
        }

        if (output.Kind == CellOutputKind.Error)
        {
            return output.ErrorValue ?? string.Empty;
        }

        if (output.Data.TryGetValue("text/html", out var html))
        {
            var text = Tag().Replace(Hidden().Replace(html, " "), " ");
            return WebUtility.HtmlDecode(text);
        }

        return output.Data.GetValueOrDefault("text/plain") ?? string.Empty;
    }

    /// <summary>Null when both lists hold the same numbers, as many times each; else what each has that the other lacks.</summary>
    public static string? Difference(IReadOnlyList<string> english, IReadOnlyList<string> korean)
    {
        var onlyEnglish = Minus(english, korean);
        var onlyKorean = Minus(korean, english);
        return onlyEnglish.Count == 0 && onlyKorean.Count == 0 ? null
            : $"only in English: [{string.Join(", ", onlyEnglish)}]; only in Korean: [{string.Join(", ", onlyKorean)}]";
    }

    private static List<string> Minus(IReadOnlyList<string> a, IReadOnlyList<string> b)
    {
        var rest = b.ToList();
        return a.Where(n => !rest.Remove(n)).ToList();
    }

    // A number not glued to a Latin name (W1, x2, bp-graph3); Korean may follow or precede it directly (2개, 총220).
    [GeneratedRegex(@"(?<![A-Za-z0-9_.])[-−]?\d+(?:,\d{3})*(?:\.\d+)?(?:[eE][-+−]?\d+)?")]
    private static partial Regex Number();

    [GeneratedRegex(@"\G\s?(?:ms|µs|μs|ns|s|sec|min|h|hours?|밀리초|초|분|시간)(?![A-Za-z])")]
    private static partial Regex Timing();

    [GeneratedRegex(@"<(script|style)\b.*?</\1\s*>", RegexOptions.Singleline | RegexOptions.IgnoreCase)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Tag();
}
