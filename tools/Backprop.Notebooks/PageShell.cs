using System;
using System.Net;
using System.Security.Cryptography;
using System.Text.RegularExpressions;

namespace Backprop.Notebooks;

/// <summary>
/// The frame of every published page: head, stylesheet, and a Content-Security-Policy under which only scripts the
/// kit put there run (they carry the page's nonce: plotly.js, KaTeX, the charts' own drawing scripts). Script in
/// markdown, an onerror= attribute or a javascript: link never runs, and nothing loads from the network.
/// </summary>
internal sealed partial class PageShell
{
    public PageShell() => Nonce = Convert.ToBase64String(RandomNumberGenerator.GetBytes(18));

    public string Nonce { get; }

    public string Policy =>
        $"default-src 'none'; script-src 'nonce-{Nonce}'; style-src 'unsafe-inline'; img-src data:; font-src data:; base-uri 'none'; form-action 'none'";

    /// <summary>The kit's own HTML (code outputs, KaTeX) with the nonce on each script element.</summary>
    public string Trusted(string html) => ScriptTag().Replace(html, $"<script nonce=\"{Nonce}\"");

    /// <summary>plotly.js's loader: only its opening tag is touched, never the library's text.</summary>
    public string TrustedLoader(string loader) => $"<script nonce=\"{Nonce}\"" + loader["<script".Length..];

    /// <param name="language">The page's language tag (lang=), so a reader's browser picks fonts and hyphenation for it.</param>
    public string Page(string language, string title, string head, string body) =>
        $"<!DOCTYPE html>\n<html lang=\"{WebUtility.HtmlEncode(language)}\">\n<head>\n<meta charset=\"utf-8\">\n"
        + $"<meta http-equiv=\"Content-Security-Policy\" content=\"{Policy}\">\n"
        + "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        + $"<title>{WebUtility.HtmlEncode(title)}</title>\n<style>{PageFonts.Css}\n{PageStyle.Css}</style>\n{head}</head>\n<body>\n{body}</body>\n</html>\n";

    [GeneratedRegex(@"<script(?=[\s>])", RegexOptions.IgnoreCase)]
    private static partial Regex ScriptTag();
}
