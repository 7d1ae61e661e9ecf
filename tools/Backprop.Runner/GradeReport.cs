using System;
using System.Collections.Generic;
using System.Globalization;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;
using Backprop.Notebooks;

namespace Backprop.Runner;

/// <summary>The grade sheet: grades.csv (one row per student and exercise) and grades.html (a table per student, hints in full).</summary>
internal static class GradeReport
{
    public static void Write(IReadOnlyList<CheckOutcome> outcomes, string folder)
    {
        var csv = new StringBuilder("student,lesson,exercise,points,max,state,hint\n");
        foreach (var o in outcomes)
        {
            csv.AppendLine(string.Join(",", new[] { o.Student, o.Lesson, o.Exercise, Number(o.Points), Number(o.Max), o.State, o.Hint }.Select(Csv)));
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "grades.csv"), csv.ToString());
        AtomicFile.WriteAllText(Path.Combine(folder, "grades.html"), Html(outcomes));
    }

    private static string Html(IReadOnlyList<CheckOutcome> outcomes)
    {
        var exercises = outcomes.Select(o => (o.Lesson, o.Exercise)).Distinct().ToList();
        var students = outcomes.Select(o => o.Student).Distinct().ToList();
        var html = new StringBuilder("""
<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8"><title>Grades</title><style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,"Noto Sans KR",sans-serif;color:#222;background:#fff;margin:24px;max-width:1100px}
table{border-collapse:collapse;margin:8px 0 20px;font-size:14px}th,td{border-bottom:1px solid #ddd;padding:5px 10px;text-align:left;vertical-align:top}
th{border-bottom:1.5px solid #444}td:first-child{white-space:nowrap}td.n{text-align:right;font-variant-numeric:tabular-nums;white-space:nowrap}
.passed{background:#eef7ee}.failed{background:#fdf0f0}.not-done{background:#f4f4f4;color:#666}h2{margin-top:28px}
</style></head><body><h1>Grades</h1>
""");
        html.Append($"<p>{students.Count} student{(students.Count == 1 ? "" : "s")}, {exercises.Count} exercises. Hover over a score for its hint; every hint is in full below.</p>");
        html.Append("<table><thead><tr><th>student</th>");
        foreach (var (lesson, exercise) in exercises)
        {
            html.Append($"<th title=\"{E(lesson)}\">{E(exercise)}</th>");
        }

        html.Append("<th>total</th></tr></thead><tbody>");
        foreach (var student in students)
        {
            var mine = outcomes.Where(o => o.Student == student).ToList();
            html.Append($"<tr><td><a href=\"#{E(Anchor(student))}\">{E(student)}</a></td>");
            foreach (var (lesson, exercise) in exercises)
            {
                var o = mine.FirstOrDefault(m => m.Lesson == lesson && m.Exercise == exercise);
                html.Append(o is null ? "<td class=\"n\">–</td>" : $"<td class=\"n {o.State}\" title=\"{E(o.Hint)}\">{o.Points}/{o.Max}</td>");
            }

            html.Append($"<td class=\"n\"><b>{mine.Sum(o => o.Points)}/{mine.Sum(o => o.Max)}</b></td></tr>");
        }

        html.Append("</tbody></table>");
        foreach (var student in students)
        {
            html.Append($"<h2 id=\"{E(Anchor(student))}\">{E(student)}</h2><table><thead><tr><th>lesson</th><th>exercise</th><th>points</th><th>first thing wrong</th></tr></thead><tbody>");
            foreach (var o in outcomes.Where(o => o.Student == student))
            {
                var link = $"{Uri.EscapeDataString(student)}/{Uri.EscapeDataString(o.Lesson)}.html";
                html.Append($"<tr class=\"{o.State}\"><td><a href=\"{link}\">{E(o.Lesson)}</a></td><td>{E(o.Exercise)}</td><td class=\"n\">{o.Points}/{o.Max}</td><td>{(o.Hint.Length == 0 ? "passed" : E(o.Hint))}</td></tr>");
            }

            html.Append("</tbody></table>");
        }

        return html.Append("</body></html>\n").ToString();
    }

    private static string Anchor(string student) => "s-" + string.Concat(student.Select(c => char.IsLetterOrDigit(c) ? c : '-'));

    private static string E(string text) => WebUtility.HtmlEncode(text);

    private static string Number(int n) => n.ToString(CultureInfo.InvariantCulture);

    private static string Csv(string field) =>
        field.IndexOfAny([',', '"', '\n', '\r']) < 0 ? field : "\"" + field.Replace("\"", "\"\"", StringComparison.Ordinal) + "\"";
}
