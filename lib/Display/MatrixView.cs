using System;
using System.Globalization;
using System.Linq;
using System.Text;
using Backprop.Display;
using Backprop.Display.Texts;

namespace Backprop;

/// <summary>
/// A matrix, vector or mask shown as an HTML table with its shape ("2×3 matrix"), numbers right-aligned;
/// made by <see cref="Show.Matrix(MathNet.Numerics.LinearAlgebra.Matrix{double}, string?, bool)"/> and friends.
/// </summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class MatrixView : IHtmlDisplay
{
    private const int MaxRows = 16;
    private const int MaxColumns = 12;

    private readonly Func<int, int, object> _cell;

    internal MatrixView(int rows, int columns, Func<int, int, object> cell, string kind, string? title, bool highlightNonPositive)
    {
        Rows = rows;
        Columns = columns;
        _cell = cell;
        Kind = kind;
        Title = title;
        HighlightNonPositive = highlightNonPositive;
    }

    public int Rows { get; }

    public int Columns { get; }

    public string Kind { get; }

    public string? Title { get; }

    /// <summary>Shades entries ≤ 0: the ones ReLU silences (§5.5.1).</summary>
    public bool HighlightNonPositive { get; }

    /// <summary>"2×3 matrix", "vector of length 3", "2×3 mask".</summary>
    public string Shape => Kind switch
    {
        "vector" => DisplayTexts.Vector.Fill(("length", Columns)),
        "mask" => DisplayTexts.Mask.Fill(("rows", Rows), ("columns", Columns)),
        _ => DisplayTexts.Matrix.Fill(("rows", Rows), ("columns", Columns)),
    };

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append($"<div class=\"bp-matrix\" style=\"display:inline-block;background:{Html.Paper};color:{Html.Ink};font-family:{Html.FontStack};font-size:13px;padding:6px 10px;border-radius:6px;border:1px solid {Html.Rule}\">");
        html.Append($"<div class=\"bp-caption\" style=\"color:{Html.Muted};font-size:12px;margin-bottom:4px\">");
        if (Title is not null)
        {
            html.Append($"<b style=\"color:{Html.Ink}\">{Html.Escape(Title)}</b> · ");
        }

        html.Append(Html.Escape(Shape)).Append("</div>");
        html.Append($"<table style=\"border-collapse:collapse;color:{Html.Ink};font-size:13px;font-variant-numeric:tabular-nums;border-left:1.5px solid #444;border-right:1.5px solid #444\">");
        foreach (int i in Shown(Rows, MaxRows))
        {
            html.Append("<tr>");
            foreach (int j in Shown(Columns, MaxColumns))
            {
                html.Append(i < 0 || j < 0 ? Ellipsis(i, j) : Cell(_cell(i, j)));
            }

            html.Append("</tr>");
        }

        html.Append("</table></div>");
        return html.ToString();
    }

    public override string ToString()
    {
        var text = new StringBuilder(Title is null ? Shape : $"{Title} ({Shape})");
        foreach (int i in Shown(Rows, MaxRows))
        {
            text.Append("\n  ");
            text.Append(string.Join("  ", Shown(Columns, MaxColumns).Select(j =>
                i < 0 || j < 0 ? "…" : Text(_cell(i, j)).PadLeft(9))));
        }

        return text.ToString();
    }

    // -1 marks the elided middle of a large matrix; first and last rows stay visible.
    private static int[] Shown(int count, int max) => count <= max
        ? Enumerable.Range(0, count).ToArray()
        : Enumerable.Range(0, max / 2).Append(-1).Concat(Enumerable.Range(count - max / 2, max / 2)).ToArray();

    private static string Ellipsis(int i, int j) =>
        $"<td style=\"padding:2px 8px;text-align:center;color:{Html.Muted}\">{(i < 0 && j < 0 ? "⋱" : i < 0 ? "⋮" : "…")}</td>";

    private string Cell(object value)
    {
        string style = $"padding:2px 8px;text-align:right;color:{Html.Ink}";
        string tip = "";
        if (value is bool b)
        {
            style += b ? ";background:#dbe9fb;color:#0b4a8b" : $";color:{Html.Muted}";
        }
        else if (value is double d)
        {
            tip = $" title=\"{Html.Full(d)}\"";
            if (HighlightNonPositive && d <= 0)
            {
                style += $";background:#fde2e1;color:{Html.Backward}";
            }
        }

        return $"<td style=\"{style}\"{tip}>{Html.Escape(Text(value))}</td>";
    }

    private static string Text(object value) => value switch
    {
        double d => Html.Compact(d),
        bool b => b ? "True" : "False",
        _ => Convert.ToString(value, CultureInfo.InvariantCulture) ?? "",
    };
}
