using System.Collections.Generic;
using System.Linq;
using System.Text;
using Backprop.Display;
using Backprop.Display.Texts;

namespace Backprop;

/// <summary>The answer of an exercise check (lessons 1–6): passed, not done yet, or the first thing wrong with a hint.</summary>
/// <remarks>
/// Its HTML carries the verdict in data- attributes (exercise, state, points, max, hint): that is what
/// <c>backprop-run grade</c> reads back from an executed notebook.
/// </remarks>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class CheckResult : IHtmlDisplay
{
    internal CheckResult(string exercise, CheckState state, string message, IReadOnlyList<CheckStep> steps)
    {
        Exercise = exercise;
        State = state;
        Message = message;
        Steps = steps;
    }

    /// <summary>The exercise's name, e.g. "Relu".</summary>
    public string Exercise { get; }

    public CheckState State { get; }

    /// <summary>One or two plain sentences: what passed, or the first thing wrong and a hint.</summary>
    public string Message { get; }

    public IReadOnlyList<CheckStep> Steps { get; }

    /// <summary>One point per part that passed.</summary>
    public int Points => Steps.Count(s => s.State == CheckState.Passed);

    public int MaxPoints => Steps.Count;

    public bool Passed => State == CheckState.Passed;

    public string ToHtml()
    {
        var (mark, accent, tint) = State switch
        {
            CheckState.Passed => ("✓", "#2e7d32", "#eef7ee"),
            CheckState.NotDone => ("…", "#8a8a8a", "#f4f4f4"),
            _ => ("✗", Html.Backward, "#fdf0f0"),
        };
        var hint = State == CheckState.Passed ? "" : Message;
        var html = new StringBuilder();
        html.Append($"<div class=\"bp-check\" data-exercise=\"{Html.Escape(Exercise)}\" data-state=\"{StateName}\" data-points=\"{Points}\" data-max=\"{MaxPoints}\" data-hint=\"{Html.Escape(hint)}\"");
        html.Append($" style=\"background:{tint};color:{Html.Ink};font-family:{Html.FontStack};font-size:14px;line-height:1.45;padding:8px 12px;border-left:5px solid {accent};border-radius:4px;max-width:760px\">");
        // The state's word in the reader's language (✓ 통과, … 아직 풀지 않음); a failure's hint follows below.
        var word = State switch { CheckState.Passed => CheckTexts.Passed + " · ", CheckState.NotDone => CheckTexts.NotDone + " · ", _ => "" };
        html.Append($"<div style=\"font-weight:600;color:{accent}\">{mark} {Html.Escape(word + CheckTexts.Title(Exercise))} <span style=\"font-weight:400;color:{Html.Muted}\">· {Points}/{MaxPoints}</span></div>");
        html.Append($"<div>{Html.Escape(Message)}</div>");
        html.Append($"<div style=\"font-size:12px;color:{Html.Muted};margin-top:3px\">");
        html.Append(string.Join(" · ", Steps.Select(s => Html.Escape(s.Name) + " " + Mark(s.State))));
        html.Append("</div></div>");
        return html.ToString();
    }

    public override string ToString() =>
        $"{CheckTexts.Title(Exercise)} ({Points}/{MaxPoints}, {ShownState}): {Message}";

    internal string StateName => State switch
    {
        CheckState.Passed => "passed",
        CheckState.NotDone => "not-done",
        _ => "failed",
    };

    private string ShownState => (State switch
    {
        CheckState.Passed => CheckTexts.Passed,
        CheckState.NotDone => CheckTexts.NotDone,
        _ => CheckTexts.Failed,
    }).ToString();

    private static string Mark(CheckState state) => state switch
    {
        CheckState.Passed => "✓",
        CheckState.NotDone => "…",
        _ => "✗",
    };
}
