using System;
using System.Collections.Generic;
using System.IO;
using System.Linq;
using System.Net;
using System.Text;

namespace Backprop.Notebooks;

/// <summary>
/// The course as self-contained HTML pages: an index of the lessons (title, book sections, first paragraph) and one
/// page per executed notebook with a table of contents and previous/next links. Pages work offline from file://:
/// plotly.js and KaTeX (with its fonts) are embedded once in the head of the pages that need them, and they print as
/// handouts (see <see cref="PageStyle"/>).
/// </summary>
public static class HtmlPublisher
{
    public static void Publish(NotebookRunResult result, string path) => AtomicFile.WriteAllText(path, Render(result));

    /// <summary>Every lesson page, linked in order, and index.html, into <paramref name="folder"/>.</summary>
    public static void PublishSite(IReadOnlyList<(NotebookRunResult Result, string HtmlFile)> notebooks, string folder, SiteOptions? options = null)
    {
        options ??= DefaultOptions(notebooks);
        var lessons = notebooks.Select(n => LessonInfo.From(n.Result.Document, n.Result.Path)).ToList();
        SiteLink? Link(int i) => i >= 0 && i < notebooks.Count ? new SiteLink(lessons[i].Title, notebooks[i].HtmlFile) : null;
        for (int i = 0; i < notebooks.Count; i++)
        {
            var site = new SitePage(options.CourseTitle, "index.html", Link(i - 1), Link(i + 1)) { Twins = Twins(options, notebooks[i].HtmlFile) };
            AtomicFile.WriteAllText(Path.Combine(folder, notebooks[i].HtmlFile), Render(notebooks[i].Result, site, options.Text));
        }

        AtomicFile.WriteAllText(Path.Combine(folder, "index.html"), RenderIndex(notebooks, options));
    }

    /// <summary>One lesson page; with <paramref name="site"/>, linked to the index and its neighbours.</summary>
    /// <param name="text">The page's own words; by default in the language of the notebook's folder (<see cref="PageText.Of"/>).</param>
    public static string Render(NotebookRunResult result, SitePage? site = null, PageText? text = null)
    {
        text ??= PageText.Of(result.Path);
        var shell = new PageShell();
        var lesson = LessonInfo.From(result.Document, result.Path);
        var body = new LessonBody(result, shell);
        var head = new StringBuilder();
        if (body.UsesPlotly && PlotlyScript.Loader is { } loader)
        {
            head.Append(shell.TrustedLoader(loader));
        }

        if (body.UsesMath)
        {
            head.Append(shell.Trusted(KatexScript.Head));
        }

        var page = new StringBuilder(LanguageSwitch(site?.Twins ?? [], text));
        page.Append(Navigation(site, "site"));
        page.Append("<main>\n");
        if (result.LoadError is not null || !result.Succeeded)
        {
            page.Append("<div class=\"run-failed\">").Append(Encode(text.NotClean))
                .Append(Encode(result.LoadError ?? string.Join("; ", result.Failures))).Append("</div>\n");
        }

        page.Append(TableOfContents(body.Html, body.Headings, text));
        page.Append("</main>\n<footer class=\"page\">").Append(Navigation(site, "pager"))
            .Append("<div class=\"run-status\">").Append(Encode(text.Status(result))).Append("</div></footer>\n");
        return shell.Page(text.Tag, lesson.Title, head.ToString(), page.ToString());
    }

    /// <summary>The course index: title, then each lesson with its book sections, first paragraph and a discreet run status.</summary>
    public static string RenderIndex(IReadOnlyList<(NotebookRunResult Result, string HtmlFile)> notebooks, SiteOptions? options = null)
    {
        options ??= DefaultOptions(notebooks);
        var shell = new PageShell();
        var list = new StringBuilder("<ol class=\"lessons\">\n");
        var math = false;
        foreach (var (result, file) in notebooks)
        {
            var lesson = LessonInfo.From(result.Document, result.Path);
            math |= lesson.SummaryHtml is { } s && MarkdownHtml.HasMath(s);
            list.Append("<li><h2><a href=\"").Append(Encode(file)).Append("\">").Append(Encode(lesson.Title)).Append("</a></h2>");
            if (lesson.Sections is { } sections)
            {
                list.Append("<div class=\"sections\">").Append(Encode(options.Text.BookTitle)).Append(' ').Append(Encode(sections)).Append("</div>");
            }

            if (lesson.SummaryHtml is { } summary)
            {
                list.Append("<p>").Append(summary).Append("</p>");
            }

            list.Append("<div class=\"run-status").Append(result.Succeeded ? string.Empty : " bad").Append("\">").Append(Encode(options.Text.Status(result))).Append("</div></li>\n");
        }

        list.Append("</ol>\n");
        var others = options.Editions.Where(e => e.Pages.Count > 0).Select(e => new LanguageLink(e.Text, e.Folder + "index.html")).ToList();
        var page = $"{LanguageSwitch(others, options.Text)}<main>\n<header class=\"course\"><h1>{Encode(options.CourseTitle)}</h1><p>{Encode(options.CourseSubtitle)}</p></header>\n{list}</main>\n";
        return shell.Page(options.Text.Tag, options.CourseTitle, math ? shell.Trusted(KatexScript.Head) : string.Empty, page);
    }

    // After the title cell, where a reader looks for it; a page with fewer than two sections needs none.
    private static string TableOfContents(string cells, List<(int Level, string Id, string Html)> headings, PageText text)
    {
        if (headings.Count < 2)
        {
            return cells;
        }

        var toc = new StringBuilder("<nav class=\"toc\"><div class=\"toc-title\">").Append(Encode(text.Contents)).Append("</div><ul>");
        foreach (var (level, id, html) in headings)
        {
            toc.Append("<li class=\"toc-").Append(level).Append("\"><a href=\"#").Append(id).Append("\">").Append(html).Append("</a></li>");
        }

        toc.Append("</ul></nav>\n");
        var firstCellEnd = cells.IndexOf("</div>\n", StringComparison.Ordinal);
        return firstCellEnd < 0 ? toc + cells : cells.Insert(firstCellEnd + "</div>\n".Length, toc.ToString());
    }

    private static string Navigation(SitePage? site, string cssClass)
    {
        if (site is null)
        {
            return string.Empty;
        }

        var nav = new StringBuilder($"<nav class=\"{cssClass}\">");
        nav.Append("<a class=\"prev\"").Append(site.Previous is { } p ? $" href=\"{Encode(p.Href)}\">← {Encode(p.Title)}" : ">").Append("</a>");
        nav.Append("<a class=\"home\" href=\"").Append(Encode(site.IndexHref)).Append("\">").Append(Encode(site.CourseTitle)).Append("</a>");
        nav.Append("<a class=\"next\"").Append(site.Next is { } n ? $" href=\"{Encode(n.Href)}\">{Encode(n.Title)} →" : ">").Append("</a>");
        return nav.Append("</nav>\n").ToString();
    }

    // The lesson's twins in the other editions, named in their own language; a plain link, so it works from file://.
    private static string LanguageSwitch(IReadOnlyList<LanguageLink> twins, PageText text)
    {
        if (twins.Count == 0)
        {
            return string.Empty;
        }

        var nav = new StringBuilder($"<nav class=\"languages\" aria-label=\"{Encode(text.Switch)}\">");
        foreach (var twin in twins)
        {
            nav.Append("<a href=\"").Append(Encode(twin.Href)).Append("\" hreflang=\"").Append(twin.Text.Tag).Append("\" lang=\"").Append(twin.Text.Tag)
                .Append("\">").Append(Encode(twin.Text.Name)).Append("</a>");
        }

        return nav.Append("</nav>\n").ToString();
    }

    // Without options, the site speaks the language of its lessons' folder.
    private static SiteOptions DefaultOptions(IReadOnlyList<(NotebookRunResult Result, string HtmlFile)> notebooks) =>
        new() { Text = notebooks.Count > 0 ? PageText.Of(notebooks[0].Result.Path) : PageText.English };

    private static List<LanguageLink> Twins(SiteOptions options, string htmlFile) =>
        options.Editions.Where(e => e.Pages.Contains(htmlFile)).Select(e => new LanguageLink(e.Text, e.Folder + htmlFile)).ToList();

    private static string Encode(string text) => WebUtility.HtmlEncode(text);
}
