using System.Globalization;

namespace Backprop.Display;

/// <summary>Escaping, number formatting and the shared look of every display type.</summary>
internal static class Html
{
    public const string FontStack =
        "system-ui, -apple-system, 'Segoe UI', Roboto, 'Noto Sans', 'Noto Sans CJK KR', 'Apple SD Gothic Neo', 'Malgun Gothic', sans-serif";

    public const string Ink = "#222222";
    public const string Muted = "#6b6b6b";
    public const string Backward = "#d62728";
    public const string Paper = "#ffffff";
    public const string Rule = "#d0d0d0";

    // Only the five markup characters: ×, −, Korean stay readable in the source of the page.
    public static string Escape(string? text) => (text ?? "")
        .Replace("&", "&amp;").Replace("<", "&lt;").Replace(">", "&gt;").Replace("\"", "&quot;").Replace("'", "&#39;");

    /// <summary>The shortest text that round-trips: what the value really is.</summary>
    public static string Full(double value) => value.ToString("R", CultureInfo.InvariantCulture);

    /// <summary>
    /// Six significant digits: 220.00000000000003 reads as 220, 3.3000000000000003 as 3.3.
    /// Displays pair it with <see cref="Full"/> in a tooltip so nothing is hidden.
    /// </summary>
    public static string Compact(double value)
    {
        if (double.IsInfinity(value))
        {
            return value > 0 ? "∞" : "-∞";
        }

        string text = value.ToString("G6", CultureInfo.InvariantCulture).Replace("E", "e");
        return text == "-0" ? "0" : text;
    }

    /// <summary>A plain number for SVG coordinates.</summary>
    public static string Px(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
