using System;
using System.Collections.Generic;
using System.Globalization;
using System.Linq;
using System.Text;
using Backprop.Display;
using static Backprop.Display.Texts.Localized;

namespace Backprop;

/// <summary>A small table with headers (gradient check of §5.7.3, shapes of a network): <c>new Table("param", "diff").Add("W1", 1e-10)</c>.</summary>
[TypeFormatterSource(typeof(DisplayFormatterSource))]
public sealed class Table : IHtmlDisplay
{
    private readonly List<object?[]> _rows = [];

    public Table(params string[] headers)
    {
        Headers = headers;
    }

    public IReadOnlyList<string> Headers { get; }

    public IReadOnlyList<IReadOnlyList<object?>> Rows => _rows;

    public string? Title { get; init; }

    /// <summary>Appends a row; numbers print compactly with the exact value in a tooltip.</summary>
    public Table Add(params object?[] cells)
    {
        if (cells.Length != Headers.Count)
        {
            throw new ArgumentException(Pick($"Row {_rows.Count + 1} has {cells.Length} cells but the table has {Headers.Count} columns ({string.Join(", ", Headers)}).",
                $"{_rows.Count + 1}번째 행의 칸은 {cells.Length}개인데 표의 열은 {Headers.Count}개입니다 ({string.Join(", ", Headers)})."));
        }

        _rows.Add(cells);
        return this;
    }

    public string ToHtml()
    {
        var html = new StringBuilder();
        html.Append($"<div class=\"bp-table\" style=\"display:inline-block;background:{Html.Paper};color:{Html.Ink};font-family:{Html.FontStack};font-size:13px;padding:6px 10px;border-radius:6px;border:1px solid {Html.Rule}\">");
        if (Title is not null)
        {
            html.Append($"<div class=\"bp-caption\" style=\"font-weight:600;margin-bottom:4px\">{Html.Escape(Title)}</div>");
        }

        html.Append($"<table style=\"border-collapse:collapse;font-variant-numeric:tabular-nums;color:{Html.Ink};font-size:13px\"><thead><tr>");
        for (int j = 0; j < Headers.Count; j++)
        {
            string header = Headers[j];
            // A column of numbers is right-aligned, its header too.
            string align = _rows.Count > 0 && _rows.All(r => r[j] is null || IsNumber(r[j])) ? "right" : "left";
            html.Append($"<th style=\"padding:3px 10px;text-align:{align};color:{Html.Ink};border-bottom:1.5px solid #444\">{Html.Escape(header)}</th>");
        }

        html.Append("</tr></thead><tbody>");
        foreach (object?[] row in _rows)
        {
            html.Append("<tr>");
            foreach (object? cell in row)
            {
                bool number = IsNumber(cell);
                string tip = cell is double d ? $" title=\"{Html.Full(d)}\"" : "";
                html.Append($"<td style=\"padding:3px 10px;color:{Html.Ink};border-bottom:1px solid {Html.Rule};text-align:{(number ? "right" : "left")}\"{tip}>{Html.Escape(Text(cell))}</td>");
            }

            html.Append("</tr>");
        }

        html.Append("</tbody></table></div>");
        return html.ToString();
    }

    public override string ToString()
    {
        var cells = _rows.Select(r => r.Select(Text).ToArray()).Prepend(Headers.ToArray()).ToList();
        int[] widths = Enumerable.Range(0, Headers.Count).Select(j => cells.Max(r => r[j].Length)).ToArray();
        var text = new StringBuilder(Title is null ? "" : Title + "\n");
        foreach (string[] row in cells)
        {
            text.AppendLine(string.Join("  ", row.Select((c, j) => c.PadRight(widths[j]))).TrimEnd());
        }

        return text.ToString().TrimEnd();
    }

    private static bool IsNumber(object? cell) => cell is double or float or int or long or decimal;

    private static string Text(object? cell) => cell switch
    {
        null => "",
        double d => Html.Compact(d),
        float f => Html.Compact(f),
        _ => Convert.ToString(cell, CultureInfo.InvariantCulture) ?? "",
    };
}
