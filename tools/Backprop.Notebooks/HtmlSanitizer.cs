using System;
using System.Collections.Generic;
using System.Linq;
using System.Net;
using System.Text;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>
/// Cleans the HTML of rendered markdown before it goes on a published page: tags outside a list of harmless ones are
/// shown as text, event handlers (onerror=…) are dropped, and links or images that are not web, mail, page-relative
/// or data-image addresses (javascript:, vbscript:, data:text/html) point nowhere. The page's CSP is the second wall.
/// </summary>
internal static partial class HtmlSanitizer
{
    private static readonly HashSet<string> Tags = new(StringComparer.OrdinalIgnoreCase)
    {
        "a", "abbr", "b", "blockquote", "br", "caption", "cite", "code", "col", "colgroup", "dd", "del", "details", "div", "dl", "dt",
        "em", "figcaption", "figure", "h1", "h2", "h3", "h4", "h5", "h6", "hr", "i", "img", "input", "ins", "kbd", "li", "mark", "ol",
        "p", "pre", "q", "s", "samp", "section", "small", "span", "strong", "sub", "summary", "sup", "table", "tbody", "td", "tfoot",
        "th", "thead", "tr", "u", "ul", "var",
    };

    private static readonly HashSet<string> Attributes = new(StringComparer.OrdinalIgnoreCase)
    {
        "class", "id", "href", "src", "alt", "title", "colspan", "rowspan", "align", "width", "height", "style", "open", "start",
        "type", "checked", "disabled", "lang", "dir",
    };

    public static string Clean(string html) => Token().Replace(html, m => m.Value.StartsWith("<!--", StringComparison.Ordinal) ? m.Value : Tag(m.Value));

    private static string Tag(string tag)
    {
        var parts = TagParts().Match(tag);
        if (!parts.Success || !Tags.Contains(parts.Groups["name"].Value))
        {
            return WebUtility.HtmlEncode(tag);
        }

        var name = parts.Groups["name"].Value.ToLowerInvariant();
        if (parts.Groups["close"].Success)
        {
            return $"</{name}>";
        }

        var clean = new StringBuilder("<").Append(name);
        foreach (Match attribute in Attribute().Matches(parts.Groups["rest"].Value))
        {
            var key = attribute.Groups["key"].Value.ToLowerInvariant();
            var value = WebUtility.HtmlDecode(attribute.Groups["value"].Success ? attribute.Groups["value"].Value : string.Empty);
            if (!Attributes.Contains(key) || (name == "input" && key == "type" && value != "checkbox"))
            {
                continue;
            }

            if (key is "href" or "src" && !IsSafeUrl(value, image: key == "src"))
            {
                value = "#";
            }

            clean.Append(' ').Append(key).Append("=\"").Append(WebUtility.HtmlEncode(value)).Append('"');
        }

        return clean.Append(parts.Groups["self"].Success ? " />" : ">").ToString();
    }

    private static bool IsSafeUrl(string url, bool image)
    {
        // Browsers ignore control characters and blanks inside a scheme ("java\tscript:"), so compare without them.
        var bare = new string(url.Where(c => !char.IsControl(c) && !char.IsWhiteSpace(c)).ToArray()).ToLowerInvariant();
        var colon = bare.IndexOf(':');
        var slash = bare.IndexOfAny(['/', '?', '#']);
        if (colon < 0 || (slash >= 0 && slash < colon))
        {
            return true;
        }

        return bare.StartsWith("http:", StringComparison.Ordinal) || bare.StartsWith("https:", StringComparison.Ordinal)
            || bare.StartsWith("mailto:", StringComparison.Ordinal)
            || (image && ImageData().IsMatch(bare));
    }

    [GeneratedRegex(@"<!--.*?-->|<[^>]*>", RegexOptions.Singleline)]
    private static partial Regex Token();

    [GeneratedRegex(@"^<(?<close>/)?(?<name>[A-Za-z][A-Za-z0-9]*)(?<rest>(?:[^>""']|""[^""]*""|'[^']*')*?)(?<self>/)?>$", RegexOptions.Singleline)]
    private static partial Regex TagParts();

    [GeneratedRegex(@"(?<key>[^\s""'>/=]+)(?:\s*=\s*(?:""(?<value>[^""]*)""|'(?<value>[^']*)'|(?<value>[^\s""'>]+)))?")]
    private static partial Regex Attribute();

    [GeneratedRegex(@"^data:image/(png|gif|jpeg|webp);")]
    private static partial Regex ImageData();
}
